"""Reading participation: who is coming (as the viewer may see it), a young person's events, and the counts for
the Corporate Parenting Board."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from accounts.roles import Role
from participation.models import Attendance, Booking, BookingStatus, Event, EventKind, EventStatus
from people.scope import scoped


@dataclass
class Attendees:
    booked: list[Booking]
    waiting: list[Booking]
    hidden_booked: int  # young people booked whom this viewer may not see named
    hidden_waiting: int


def attendees(event: Event, user: Any) -> Attendees:
    """Everyone booked on ``event`` whom ``user`` may see named: the young people in their scope, or everyone
    for the event's lead and senior managers (who run it). The rest are counted, not named."""
    live = Booking.objects.filter(event=event).exclude(status=BookingStatus.CANCELLED).select_related(
        "young_person", "young_person__team").order_by("joined_at", "pk")
    sees_all = event.lead_id == user.pk or getattr(user, "role", None) == Role.SENIOR_MANAGER
    visible = list(live if sees_all else scoped(live, user))
    shown = {b.pk for b in visible}
    everyone = list(live.values_list("pk", "status"))
    hidden = [s for pk, s in everyone if pk not in shown]
    return Attendees([b for b in visible if b.status == BookingStatus.BOOKED],
                     [b for b in visible if b.status == BookingStatus.WAITING],
                     hidden.count(BookingStatus.BOOKED), hidden.count(BookingStatus.WAITING))


def upcoming(now: dt.datetime | None = None) -> Any:
    now = now or timezone.now()
    return Event.objects.filter(status=EventStatus.OPEN, ends_at__gte=now).select_related("hub").order_by(
        "starts_at", "pk")


def for_young_person(yp: Any) -> list[Booking]:
    return list(Booking.objects.filter(young_person=yp).select_related("event", "event__hub")
                .order_by("-event__starts_at", "-pk"))


@dataclass
class KindCount:
    kind: str
    label: str
    events: int
    places: int
    attended: int
    did_not_attend: int
    young_people: int


def attendance_counts(start: dt.date, end: dt.date) -> list[KindCount]:
    """For events that started between ``start`` and ``end`` (inclusive), by kind: events held, places booked,
    attended, did not attend, and different young people who attended. Figures only: nobody is named."""
    tz = timezone.get_current_timezone()
    lo = dt.datetime.combine(start, dt.time.min, tzinfo=tz)
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    held = Event.objects.filter(status=EventStatus.OPEN, starts_at__gte=lo, starts_at__lt=hi)
    events = dict(held.values_list("kind").annotate(n=Count("pk")))
    rows = (Booking.objects.filter(event__in=held, status=BookingStatus.BOOKED).values("event__kind")
            .annotate(places=Count("pk"), attended=Count("pk", filter=Q(attendance=Attendance.ATTENDED)),
                      dna=Count("pk", filter=Q(attendance=Attendance.DID_NOT_ATTEND)),
                      people=Count("young_person", filter=Q(attendance=Attendance.ATTENDED), distinct=True)))
    by_kind = {r["event__kind"]: r for r in rows}
    out = []
    for kind, label in EventKind.choices:
        r = by_kind.get(kind, {})
        if kind in events or r:
            out.append(KindCount(kind, str(label), events.get(kind, 0), r.get("places", 0), r.get("attended", 0),
                                 r.get("dna", 0), r.get("people", 0)))
    return out


def financial_year(today: dt.date) -> tuple[dt.date, dt.date]:
    start = dt.date(today.year if today.month >= 4 else today.year - 1, 4, 1)
    return start, dt.date(start.year + 1, 3, 31)


def board_periods(today: dt.date) -> list[tuple[str, dt.date, dt.date]]:
    """The periods the board sees: the last three months, this financial year so far, and last year."""
    start, _ = financial_year(today)
    last_start = dt.date(start.year - 1, 4, 1)
    three = today - dt.timedelta(days=91)
    return [(f"Last three months ({three:%-d %b} to {today:%-d %b %Y})", three, today),
            (f"This year so far (from {start:%-d %b %Y})", start, today),
            (f"Last year ({last_start:%Y}-{start:%y})", last_start, start - dt.timedelta(days=1))]
