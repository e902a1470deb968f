"""The young person's side of participation, in the app (/app/events/): what is on at the hubs, events to book,
the waiting list, and news about their bookings. Each page is the app's own (``youngapp.views.young_person_only``
sends anyone else away) and declares its policy; writes go through participation.actions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from audit.log import viewed
from leavingcare.access import rule
from participation import actions, queries
from participation import rules as r
from participation.models import Booking, BookingStatus, Event, EventStatus, HubSession, Notice
from youngapp import queries as app_queries
from youngapp.models import Message
from youngapp.views import young_person_only


def base(request: HttpRequest, yp: Any, what: str, section: str) -> dict[str, Any]:
    viewed(request.user, yp, f"app:{what}", request=request)
    unread = Message.objects.filter(young_person=yp, from_young_person=False, read_at__isnull=True).count()
    return {"yp": yp, "unread": unread, "section": section}


def _event_or_404(pk: int) -> Event:
    event = Event.objects.select_related("hub").filter(pk=pk).first()
    if event is None:
        raise Http404("No such event")
    return event


@young_person_only
@rule("participation.book")
def events(request: HttpRequest) -> HttpResponse:
    yp = app_queries.own_record(request.user)
    news = list(Notice.objects.filter(young_person=yp, seen_at__isnull=True).select_related("event"))
    actions.mark_notices_seen(request.user, yp)
    mine = {b.event_id: b for b in Booking.objects.filter(young_person=yp).exclude(status=BookingStatus.CANCELLED)}
    coming = [(e, mine.get(e.pk)) for e in queries.upcoming()[:40]]
    return render(request, "participation/app/events.html", {
        **base(request, yp, "events", "events"), "news": news, "coming": coming,
        "sessions": HubSession.objects.filter(active=True).select_related("hub")})


def _queue_position(booking: Booking | None) -> int | None:
    if booking is None or booking.status != BookingStatus.WAITING:
        return None
    queue = Booking.objects.filter(event_id=booking.event_id, status=BookingStatus.WAITING)
    return r.position_in_queue(booking.pk, [r.InQueue(b.pk, b.joined_at) for b in queue])


def _event_page(request: HttpRequest, event: Event, full: bool = False, error: str = "",
                status: int = 200) -> HttpResponse:
    yp = app_queries.own_record(request.user)
    booking = Booking.objects.filter(event=event, young_person=yp).exclude(status=BookingStatus.CANCELLED).first()
    bookable = event.status == EventStatus.OPEN and event.starts_at > timezone.now()
    return render(request, "participation/app/event.html", {
        **base(request, yp, "event", "events"), "ev": event, "booking": booking, "full": full, "error": error,
        "position": _queue_position(booking), "bookable": bookable, "error_title": bool(error)}, status=status)


@young_person_only
@rule("participation.book")
def event(request: HttpRequest, pk: int) -> HttpResponse:
    return _event_page(request, _event_or_404(pk))


@young_person_only
@require_POST
@rule(None, "participation.book")
def book(request: HttpRequest, pk: int) -> HttpResponse:
    ev = _event_or_404(pk)
    yp = app_queries.own_record(request.user)
    waiting = request.POST.get("waiting_list") == "1"
    try:
        made = actions.book(request.user, ev, yp, waiting_list=waiting, request=request)
    except actions.Full:
        return _event_page(request, Event.objects.get(pk=ev.pk), full=True)
    except ValidationError as error:
        return _event_page(request, Event.objects.get(pk=ev.pk), error=" ".join(error.messages))
    if made.status == BookingStatus.BOOKED:
        messages.success(request, f"You have a place on {ev.title}")
    else:
        messages.success(request, "You are on the waiting list. If a place comes free, we will tell you here")
    return redirect("participation_app:event", pk=ev.pk)


@young_person_only
@require_POST
@rule(None, "participation.book")
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    ev = _event_or_404(pk)
    yp = app_queries.own_record(request.user)
    booking = Booking.objects.filter(event=ev, young_person=yp).exclude(status=BookingStatus.CANCELLED).first()
    if booking is None:
        return redirect("participation_app:event", pk=ev.pk)
    try:
        actions.cancel_booking(request.user, booking, request=request)
    except ValidationError as error:
        return _event_page(request, ev, error=" ".join(error.messages))
    messages.success(request, "Your booking is cancelled" if booking.status == BookingStatus.BOOKED
                     else "You have left the waiting list")
    return redirect("participation_app:event", pk=ev.pk)
