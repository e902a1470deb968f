"""Losing touch: when a young person counts as having lost contact. Rule plus the database query for lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, DateTimeField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from contacts.models import EFFORT_CHOICES, Contact
from org.config import setting
from people.models import Allocation, YoungPerson

EPOCH = Value(dt.datetime(1900, 1, 1, tzinfo=dt.UTC), output_field=DateTimeField())

EFFORTS = EFFORT_CHOICES


def has_lost_contact(attempts_since_success: int, last_success: dt.date | None, known_since: dt.date,
                     as_at: dt.date, attempts: int, days: int) -> bool:
    """Lost contact: ``attempts`` failed attempts in a row, or ``days`` without a successful contact."""
    if attempts_since_success >= attempts:
        return True
    return (as_at - (last_success or known_since)).days >= days


def lost_contact(qs: QuerySet[YoungPerson], as_at: dt.date) -> QuerySet[YoungPerson]:
    """Open young people with a personal adviser who have lost contact, annotated with the evidence."""
    attempts, days = int(setting("lost_contact_attempts")), int(setting("lost_contact_days"))
    pa_contacts = Contact.objects.filter(young_person=OuterRef("pk"), made_by="pa")
    pa_since = Allocation.objects.filter(young_person=OuterRef("pk"), role="pa", end_date__isnull=True)
    rows = qs.filter(status="open").annotate(
        last_success_at=Subquery(pa_contacts.filter(successful=True).order_by("-occurred_at")
                                 .values("occurred_at")[:1]),
        pa_since=Subquery(pa_since.values("start_date")[:1]),
    ).filter(pa_since__isnull=False)
    failed_after = Subquery(
        Contact.objects.filter(young_person=OuterRef("pk"), made_by="pa", successful=False,
                               occurred_at__gt=Coalesce(OuterRef("last_success_at"), EPOCH))
        .values("young_person").annotate(n=Count("pk")).values("n")[:1])
    cutoff = timezone.make_aware(dt.datetime.combine(as_at - dt.timedelta(days=days - 1), dt.time()))
    rows = rows.annotate(attempts_since=Coalesce(failed_after, 0))
    return rows.filter(Q(attempts_since__gte=attempts) | Q(last_success_at__lt=cutoff)
                       | Q(last_success_at__isnull=True, pa_since__lte=as_at - dt.timedelta(days=days)))


def lost_since(row: Any) -> dt.date:
    """The day the young person was last in touch: the last successful PA contact, or the PA's allocation when
    there has been none."""
    if row.last_success_at is not None:
        return timezone.localtime(row.last_success_at).date()
    return row.pa_since  # type: ignore[no-any-return]


def evidence(row: Any, attempts: int | None = None, days: int | None = None) -> str:
    """Why the young person counts as having lost contact, with the date it runs from, in words (``attempts`` and
    ``days`` are the authority's settings, read here when not given)."""
    attempts = int(setting("lost_contact_attempts")) if attempts is None else attempts
    days = int(setting("lost_contact_days")) if days is None else days
    since = lost_since(row)
    last = (f"the last successful contact on {since:%-d %B %Y}" if row.last_success_at is not None
            else f"the personal adviser was allocated on {since:%-d %B %Y}, with no successful contact")
    if row.attempts_since >= attempts:
        return f"{row.attempts_since} attempts since {last}"
    return f"No successful contact for more than {days} days: {last}"


def described(rows: list[YoungPerson]) -> list[YoungPerson]:
    """``rows`` from ``lost_contact`` with ``lost_reason``, ``lost_since`` and ``latest_effort`` (the latest effort
    recorded to find them, or None) set on each, for lists such as the worklists."""
    from contacts.models import LostContactCheck

    latest: dict[int, LostContactCheck] = {}
    for check in LostContactCheck.objects.filter(young_person__in=[r.pk for r in rows]).order_by("done_on", "pk"):
        latest[check.young_person_id] = check
    attempts, days = int(setting("lost_contact_attempts")), int(setting("lost_contact_days"))
    for row in rows:
        row.lost_reason = evidence(row, attempts, days)  # type: ignore[attr-defined]
        row.lost_since = lost_since(row)  # type: ignore[attr-defined]
        row.latest_effort = latest.get(row.pk)  # type: ignore[attr-defined]
    return rows
