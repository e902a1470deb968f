"""A young person's attendance at events, for the chronology (casenotes/chronology.py asks for it)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from participation.models import Attendance, Booking, BookingStatus


def events_for(yp: Any, make: Any) -> list[Any]:
    """One chronology entry per event the young person attended or did not attend (``make`` is the
    chronology's Event class)."""
    out = []
    for b in (Booking.objects.filter(young_person=yp, status=BookingStatus.BOOKED).exclude(attendance="")
              .select_related("event", "event__hub")):
        went = b.attendance == Attendance.ATTENDED
        title = f"{'Went to' if went else 'Did not attend'}: {b.event.title}"
        out.append(make(timezone.localtime(b.event.starts_at).date(), "participation", title,
                        f"{b.event.get_kind_display()}; {b.event.where}", source=f"participation.Booking:{b.pk}"))
    return out
