"""Creating inbox items and their emails.

An inbox item may name the young person (only people who may see the record get one). An email never does:
it says what kind of thing is waiting and asks the person to sign in. Emails go through GOV.UK Notify when
``NOTIFY_API_KEY`` (and ``NOTIFY_TEMPLATE_ID``) are set; otherwise they stay in the local outbox
(``OutboxEmail``), which is what the demo and the tests use.
"""

from __future__ import annotations

import logging
from typing import Any, Iterable

from django.conf import settings
from django.db import transaction

from notifications.models import Kind, Notification, OutboxEmail

log = logging.getLogger(__name__)


def _may_see(user: Any, young_person: Any) -> bool:
    if young_person is None:
        return True
    from people.scope import young_people_for

    return young_people_for(user).filter(pk=young_person.pk).exists()


def email_for(notification: Notification) -> tuple[str, str]:
    """Subject and body with no personal details: the kind of item and where to sign in."""
    label = Kind(notification.kind).label if notification.kind in Kind.values else "Something new"
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    link = f"{base}/notifications/" if base else "the Leaving Care service"
    return (f"Leaving Care: {label.lower()}",
            f"You have something new in Leaving Care: {label.lower()}.\n\nSign in to see it: {link}\n\n"
            "This email does not contain personal details. Do not reply to it.")


def send_email(notification: Notification) -> OutboxEmail | None:
    to = getattr(notification.recipient, "email", "") or ""
    if not to or not getattr(settings, "NOTIFICATION_EMAILS", True):
        return None
    subject, body = email_for(notification)
    email = OutboxEmail.objects.create(to=to, subject=subject, body=body, notification=notification)
    key = getattr(settings, "NOTIFY_API_KEY", "")
    template = getattr(settings, "NOTIFY_TEMPLATE_ID", "")
    if key and template:
        def deliver() -> None:
            try:
                from notifications_python_client.notifications import NotificationsAPIClient

                sent = NotificationsAPIClient(key).send_email_notification(
                    email_address=to, template_id=template, personalisation={"subject": subject, "body": body})
                OutboxEmail.objects.filter(pk=email.pk).update(sent_via="notify", provider_id=str(sent.get("id", "")))
            except Exception as exc:  # a failed email never fails the work that caused it
                log.warning("GOV.UK Notify refused an email: %s", exc)
                OutboxEmail.objects.filter(pk=email.pk).update(error=str(exc)[:300])

        transaction.on_commit(deliver)
    return email


def notify(recipients: Any, kind: str, text: str, *, url: str = "", young_person: Any = None,
           actor: Any = None) -> list[Notification]:
    """An inbox item (and an email) for each recipient who may see the record, never for the actor themself."""
    if recipients is None:
        return []
    if not isinstance(recipients, Iterable) or hasattr(recipients, "pk"):
        recipients = [recipients]
    made = []
    seen: set[int] = set()
    for user in recipients:
        if user is None or user.pk in seen or (actor is not None and user.pk == getattr(actor, "pk", None)):
            continue
        seen.add(user.pk)
        if not getattr(user, "is_active", True) or not _may_see(user, young_person):
            continue
        item = Notification.objects.create(recipient=user, kind=kind, text=text[:300], url=url[:300],
                                           young_person=young_person,
                                           actor=actor if getattr(actor, "is_authenticated", False) else None)
        send_email(item)
        made.append(item)
    return made


def unread_count(user: Any) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
