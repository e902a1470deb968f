"""Sending to young people: GOV.UK Notify when NOTIFY_API_KEY is set, otherwise the local outbox.

Notify sends from templates: make one email template whose subject is ``((subject))`` and body ``((body))``
(NOTIFY_EMAIL_TEMPLATE_ID) and one text message template whose body is ``((body))`` (NOTIFY_SMS_TEMPLATE_ID).
With a key, only the fact of sending is kept (the Notify id), never the body: a code or a message is not stored.
"""

from __future__ import annotations

import logging

from django.conf import settings

from youngapp.models import OutboxMessage

log = logging.getLogger(__name__)


def _client():  # type: ignore[no-untyped-def]
    from notifications_python_client.notifications import NotificationsAPIClient

    return NotificationsAPIClient(settings.NOTIFY_API_KEY)


def send_email(to: str, subject: str, body: str) -> OutboxMessage:
    if getattr(settings, "NOTIFY_API_KEY", ""):
        reply = _client().send_email_notification(
            email_address=to, template_id=settings.NOTIFY_EMAIL_TEMPLATE_ID,
            personalisation={"subject": subject, "body": body})
        return OutboxMessage.objects.create(to=to, channel="email", subject=subject, via="notify",
                                            notify_id=str(reply.get("id", ""))[:64])
    return OutboxMessage.objects.create(to=to, channel="email", subject=subject, body=body, via="outbox")


def send_sms(to: str, body: str) -> OutboxMessage:
    if getattr(settings, "NOTIFY_API_KEY", ""):
        reply = _client().send_sms_notification(phone_number=to, template_id=settings.NOTIFY_SMS_TEMPLATE_ID,
                                                personalisation={"body": body})
        return OutboxMessage.objects.create(to=to, channel="sms", via="notify",
                                            notify_id=str(reply.get("id", ""))[:64])
    return OutboxMessage.objects.create(to=to, channel="sms", body=body, via="outbox")
