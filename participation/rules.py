"""The rules of booking, as plain Python (table-tested in tests/test_rules.py): no HTTP, no ORM."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

BOOKED, WAITING, CANCELLED = "booked", "waiting", "cancelled"


def outcome_of_asking(capacity: int, booked: int, event_open: bool, starts_at: dt.datetime,
                      now: dt.datetime) -> str:
    """What asking for a place gives: "booked" while a place is left, "full" (offer the waiting list) when none
    is, "closed" for a cancelled event or one that has started."""
    if not event_open or starts_at <= now:
        return "closed"
    return "booked" if booked < capacity else "full"


@dataclass(frozen=True)
class InQueue:
    pk: int
    joined_at: dt.datetime


def to_promote(places_left: int, queue: Sequence[InQueue]) -> list[int]:
    """Who moves from the waiting list to a place: the first ``places_left`` in the order they joined (the
    earlier booking first; the same moment, the earlier row)."""
    if places_left <= 0:
        return []
    ordered = sorted(queue, key=lambda q: (q.joined_at, q.pk))
    return [q.pk for q in ordered[:places_left]]


def position_in_queue(pk: int, queue: Sequence[InQueue]) -> int | None:
    """1 for the first on the waiting list; None when not on it."""
    ordered = sorted(queue, key=lambda q: (q.joined_at, q.pk))
    for n, q in enumerate(ordered, start=1):
        if q.pk == pk:
            return n
    return None


def may_record_attendance(starts_at: dt.datetime, now: dt.datetime) -> bool:
    """Attendance is recorded once the event has started, not before."""
    return starts_at <= now
