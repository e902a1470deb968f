"""Writing participation: hub sessions, events, bookings and the waiting list, attendance, the forum and the
PROUD awards. Each verb asks ``accounts.policy``, reads and locks the stored row, saves in one transaction and
writes the audit event with old and new values.

A place is taken with one conditional update (``booked < capacity``) on the locked event row, and the database
refuses ``booked > capacity`` (a check constraint), so two young people pressing "Book" at the same moment for
the last place cannot both get it: the second is offered the waiting list.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from accounts.policy import require
from audit.log import changed, record, snapshot
from audit.models import Action
from leavingcare.versioning import bump, check_version
from participation import rules as r
from participation.models import (
    ActionStatus,
    Attendance,
    AwardCategory,
    AwardYear,
    Booking,
    BookingStatus,
    Event,
    EventKind,
    EventStatus,
    ForumAction,
    ForumMeeting,
    ForumTopic,
    HubSession,
    Nomination,
    NominationStatus,
    Notice,
)

FULL = "This event is full. You can join the waiting list: if a place comes free, it goes to the first person on it."
EVENT_FIELDS = ["kind", "title", "description", "starts_at", "ends_at", "hub_id", "place", "capacity", "lead_id",
                "status", "version"]
SESSION_FIELDS = ["hub_id", "weekday", "starts_at", "ends_at", "title", "description", "active", "version"]
BOOKING_FIELDS = ["status", "attendance", "promoted_at", "cancelled_at", "version"]


class Full(ValidationError):
    """The event is full: the page offers the waiting list."""


def _who(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


# ---------------------------------------------------------------- telling a young person


def tell(yp: Any, text: str, event: Event | None = None, request: Any = None) -> Notice:
    """News in the app, and an email or text that says only that there is news (never what it is)."""
    from youngapp import notify
    from youngapp.actions import app_url
    from youngapp.models import AppAccess

    notice = Notice.objects.create(young_person=yp, event=event, text=text[:300])
    access = AppAccess.objects.filter(young_person=yp).first()
    if access is not None and access.is_usable:
        body = f"There is news for you in the Leaving Care app. Open {app_url(request)} to see it."
        if access.email:
            notify.send_email(access.email, "News in the Leaving Care app", body)
        elif access.mobile:
            notify.send_sms(access.mobile, body)
    return notice


def mark_notices_seen(actor: Any, yp: Any) -> int:
    require(actor, "participation.book", yp)
    return Notice.objects.filter(young_person=yp, seen_at__isnull=True).update(seen_at=timezone.now())


# ---------------------------------------------------------------- hub sessions


def _check_session(data: dict[str, Any]) -> None:
    errors = {}
    if not (data.get("title") or "").strip():
        errors["title"] = "Enter what the session is"
    if data.get("hub") is None and data.get("hub_id") is None:
        errors["hub"] = "Select the hub"
    if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
        errors["ends_at"] = "The end time must be after the start time"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def add_hub_session(actor: Any, hub: Any, weekday: int, starts_at: dt.time, ends_at: dt.time, title: str,
                    description: str = "", request: Any = None) -> HubSession:
    require(actor, "participation.manage_events")
    _check_session({"hub": hub, "starts_at": starts_at, "ends_at": ends_at, "title": title})
    if HubSession.objects.filter(hub=hub, weekday=weekday, starts_at=starts_at, title=title.strip()).exists():
        raise ValidationError({"title": "This hub already has this session at that time"})
    session = HubSession.objects.create(hub=hub, weekday=weekday, starts_at=starts_at, ends_at=ends_at,
                                        title=title.strip(), description=(description or "").strip())
    record(actor, Action.CREATE, obj=session, detail=snapshot(session, SESSION_FIELDS[:-1]), request=request)
    return session


@transaction.atomic
def change_hub_session(actor: Any, session: HubSession, version: int | None = None, request: Any = None,
                       **fields: Any) -> HubSession:
    require(actor, "participation.manage_events")
    stored = HubSession.objects.select_for_update().get(pk=session.pk)
    check_version(stored, version, "hub session")
    before = snapshot(stored, SESSION_FIELDS)
    for name, value in fields.items():
        setattr(stored, name, value.strip() if isinstance(value, str) else value)
    _check_session({"hub_id": stored.hub_id, "starts_at": stored.starts_at, "ends_at": stored.ends_at,
                    "title": stored.title})
    bump(stored)
    stored.save()
    changed(actor, stored, None, before, request=request)
    return stored


# ---------------------------------------------------------------- events


def _check_event(data: dict[str, Any], booked: int = 0) -> None:
    errors: dict[str, str] = {}
    if data.get("kind") not in EventKind.values:
        errors["kind"] = "Select the kind of event"
    if not (data.get("title") or "").strip():
        errors["title"] = "Enter the event's title"
    starts, ends = data.get("starts_at"), data.get("ends_at")
    if starts is None:
        errors["starts_at"] = "Enter when it starts"
    if ends is None:
        errors["ends_at"] = "Enter when it ends"
    if starts and ends and ends < starts:
        errors["ends_at"] = "The end must be after the start"
    if not data.get("hub") and not data.get("hub_id") and not (data.get("place") or "").strip():
        errors["place"] = "Choose a hub or say where it is"
    capacity = data.get("capacity")
    if capacity is None or capacity < 1:
        errors["capacity"] = "Enter how many places there are: 1 or more"
    elif capacity > 10_000:
        errors["capacity"] = "Places must be 10,000 or fewer"
    elif capacity < booked:
        errors["capacity"] = (f"{booked} places are already booked: cancel bookings first, or keep at least "
                              f"{booked} places")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_event(actor: Any, *, kind: str, title: str, starts_at: dt.datetime, ends_at: dt.datetime,
                 capacity: int, description: str = "", hub: Any = None, place: str = "", lead: Any = None,
                 request: Any = None) -> Event:
    require(actor, "participation.manage_events")
    data = {"kind": kind, "title": title, "starts_at": starts_at, "ends_at": ends_at, "capacity": capacity,
            "hub": hub, "place": place}
    _check_event(data)
    event = Event.objects.create(kind=kind, title=title.strip(), description=(description or "").strip(),
                                 starts_at=starts_at, ends_at=ends_at, capacity=capacity, hub=hub,
                                 place=(place or "").strip(), lead=lead, created_by=_who(actor))
    record(actor, Action.CREATE, obj=event, detail=snapshot(event, EVENT_FIELDS[:-2]), request=request)
    return event


@transaction.atomic
def change_event(actor: Any, event: Event, version: int | None = None, request: Any = None,
                 **fields: Any) -> Event:
    """Change an event. More places fill from the waiting list at once; fewer than are booked is refused."""
    require(actor, "participation.manage_events", event)
    stored = Event.objects.select_for_update().get(pk=event.pk)
    check_version(stored, version, "event")
    if stored.status == EventStatus.CANCELLED:
        raise ValidationError({"title": "This event is cancelled: it cannot be changed"})
    before = snapshot(stored, EVENT_FIELDS)
    for name, value in fields.items():
        setattr(stored, name, value.strip() if isinstance(value, str) else value)
    _check_event({**snapshot(stored, EVENT_FIELDS)}, booked=stored.booked)
    bump(stored)
    stored.save(update_fields=[f for f in EVENT_FIELDS if f != "status"])
    changed(actor, stored, None, before, request=request)
    _fill_places(stored, request=request)
    stored.refresh_from_db()
    return stored


@transaction.atomic
def cancel_event(actor: Any, event: Event, reason: str, version: int | None = None, request: Any = None) -> Event:
    """Cancel an event: every booking and place in the queue is cancelled and each young person is told."""
    require(actor, "participation.manage_events", event)
    stored = Event.objects.select_for_update().get(pk=event.pk)
    check_version(stored, version, "event")
    if not (reason or "").strip():
        raise ValidationError({"reason": "Say why the event is cancelled"})
    if stored.status == EventStatus.CANCELLED:
        raise ValidationError({"reason": "This event is already cancelled"})
    before = snapshot(stored, ["status", "booked", "version"])
    now = timezone.now()
    live = list(Booking.objects.select_for_update().filter(event=stored).exclude(status=BookingStatus.CANCELLED)
                .select_related("young_person"))
    for b in live:
        b_before = snapshot(b, BOOKING_FIELDS)
        b.status, b.cancelled_at = BookingStatus.CANCELLED, now
        bump(b)
        b.save(update_fields=["status", "cancelled_at", "version"])
        changed(actor, b, b.young_person, b_before, request=request)
        tell(b.young_person, f"Sorry: {stored.title} on {timezone.localtime(stored.starts_at):%-d %B} is "
                             f"cancelled. {reason.strip()}"[:300], stored, request=request)
    stored.status, stored.booked = EventStatus.CANCELLED, 0
    bump(stored)
    stored.save(update_fields=["status", "booked", "version"])
    event_change = changed(actor, stored, None, before, request=request)
    if event_change is not None:
        event_change.detail["reason"] = reason.strip()
        event_change.save(update_fields=["detail"])
    return stored


# ---------------------------------------------------------------- bookings and the waiting list


def _live_booking(event: Event, yp: Any) -> Booking | None:
    return Booking.objects.filter(event=event, young_person=yp).exclude(status=BookingStatus.CANCELLED).first()


@transaction.atomic
def book(actor: Any, event: Event, yp: Any, waiting_list: bool = False, request: Any = None) -> Booking:
    """A place on ``event`` for ``yp`` (the young person in the app, or a worker for them).

    When the event is full this refuses with ``Full`` unless ``waiting_list`` is asked for, in which
    case the young person joins the waiting list."""
    from accounts.roles import Role

    own = getattr(actor, "role", None) == Role.YOUNG_PERSON
    require(actor, "participation.book" if own else "participation.book_for", yp)
    stored = Event.objects.select_for_update().get(pk=event.pk)
    existing = _live_booking(stored, yp)
    if existing is not None:
        raise ValidationError({"event": "You already have a place on this event" if existing.status == "booked"
                               else "You are already on the waiting list for this event"}, code="already")
    outcome = r.outcome_of_asking(stored.capacity, stored.booked, stored.status == EventStatus.OPEN,
                                  stored.starts_at, timezone.now())
    if outcome == "closed":
        raise ValidationError({"event": "This event has started or is cancelled: it cannot be booked"},
                              code="closed")
    status = BookingStatus.WAITING
    if outcome == "booked":
        took = Event.objects.filter(pk=stored.pk, booked__lt=F("capacity"), status=EventStatus.OPEN).update(
            booked=F("booked") + 1)
        status = BookingStatus.BOOKED if took else BookingStatus.WAITING
    if status == BookingStatus.WAITING and not waiting_list:
        raise Full({"event": FULL})
    try:
        with transaction.atomic():
            booking = Booking.objects.create(event=stored, young_person=yp, status=status, created_by=_who(actor))
    except IntegrityError:  # the same young person, a moment ago (a double tap)
        raise ValidationError({"event": "You already have a place or a place in the queue for this event"},
                              code="already") from None
    record(actor, Action.CREATE, young_person=yp, obj=booking,
           detail={"event": stored.title, "status": status}, request=request)
    return booking


def _fill_places(event: Event, request: Any = None) -> list[Booking]:
    """Give places that are free to the first on the waiting list (the service does it, and tells them)."""
    stored = Event.objects.select_for_update().get(pk=event.pk)
    if stored.status != EventStatus.OPEN or stored.starts_at <= timezone.now():
        return []
    queue = list(Booking.objects.select_for_update().filter(event=stored, status=BookingStatus.WAITING))
    chosen = r.to_promote(stored.places_left, [r.InQueue(b.pk, b.joined_at) for b in queue])
    promoted = []
    for b in sorted((b for b in queue if b.pk in chosen), key=lambda b: chosen.index(b.pk)):
        took = Event.objects.filter(pk=stored.pk, booked__lt=F("capacity")).update(booked=F("booked") + 1)
        if not took:
            break
        before = snapshot(b, BOOKING_FIELDS)
        b.status, b.promoted_at = BookingStatus.BOOKED, timezone.now()
        bump(b)
        b.save(update_fields=["status", "promoted_at", "version"])
        changed(None, b, b.young_person, before, request=request)
        tell(b.young_person, f"Good news: a place came free on {stored.title} "
                             f"({timezone.localtime(stored.starts_at):%-d %B}) and it is yours. If you cannot go, "
                             "cancel it in the app so someone else can have it.", stored, request=request)
        promoted.append(b)
    return promoted


@transaction.atomic
def cancel_booking(actor: Any, booking: Booking, request: Any = None) -> Booking:
    """Cancel a place (or leave the waiting list). A place given up goes to the first on the waiting list,
    who is told in the app (and by email or text that there is news)."""
    from accounts.roles import Role

    own = getattr(actor, "role", None) == Role.YOUNG_PERSON
    require(actor, "participation.book" if own else "participation.cancel_for", booking)
    event = Event.objects.select_for_update().get(pk=booking.event_id)
    stored = Booking.objects.select_for_update().select_related("young_person").get(pk=booking.pk)
    if stored.status == BookingStatus.CANCELLED:
        raise ValidationError({"event": "This booking is already cancelled"})
    if stored.attendance:
        raise ValidationError({"event": "Attendance is recorded for this booking: it cannot be cancelled"})
    before = snapshot(stored, BOOKING_FIELDS)
    had_place = stored.status == BookingStatus.BOOKED
    stored.status, stored.cancelled_at = BookingStatus.CANCELLED, timezone.now()
    bump(stored)
    stored.save(update_fields=["status", "cancelled_at", "version"])
    changed(actor, stored, stored.young_person, before, request=request)
    if had_place:
        Event.objects.filter(pk=event.pk).update(booked=F("booked") - 1)
        _fill_places(event, request=request)
    return stored


@transaction.atomic
def record_attendance(actor: Any, booking: Booking, attendance: str, version: int | None = None,
                      request: Any = None) -> Booking:
    require(actor, "participation.record_attendance", booking)
    stored = Booking.objects.select_for_update().select_related("event", "young_person").get(pk=booking.pk)
    check_version(stored, version, "booking")
    if attendance not in (Attendance.ATTENDED, Attendance.DID_NOT_ATTEND):
        raise ValidationError({"attendance": "Select attended or did not attend"})
    if stored.status != BookingStatus.BOOKED:
        raise ValidationError({"attendance": "Only a young person with a place can be marked as attending"})
    if not r.may_record_attendance(stored.event.starts_at, timezone.now()):
        raise ValidationError({"attendance": "Attendance is recorded once the event has started"})
    before = snapshot(stored, BOOKING_FIELDS)
    stored.attendance = attendance
    bump(stored)
    stored.save(update_fields=["attendance", "version"])
    changed(actor, stored, stored.young_person, before, request=request)
    return stored


# ---------------------------------------------------------------- the Care Leavers' Forum


@transaction.atomic
def add_forum_meeting(actor: Any, held_on: dt.date, hub: Any = None, place: str = "", young_people_present: int = 0,
                      notes: str = "", request: Any = None) -> ForumMeeting:
    require(actor, "participation.forum")
    if held_on is None:
        raise ValidationError({"held_on": "Enter the date of the meeting"})
    if young_people_present is not None and not 0 <= young_people_present <= 500:
        raise ValidationError({"young_people_present": "Young people present must be between 0 and 500"})
    meeting = ForumMeeting.objects.create(held_on=held_on, hub=hub, place=(place or "").strip(),
                                          young_people_present=young_people_present or 0,
                                          notes=(notes or "").strip(), created_by=_who(actor))
    record(actor, Action.CREATE, obj=meeting, detail={"held_on": held_on, "hub": hub, "place": meeting.place},
           request=request)
    return meeting


@transaction.atomic
def change_forum_meeting(actor: Any, meeting: ForumMeeting, version: int | None = None, request: Any = None,
                         **fields: Any) -> ForumMeeting:
    require(actor, "participation.forum")
    stored = ForumMeeting.objects.select_for_update().get(pk=meeting.pk)
    check_version(stored, version, "meeting")
    names = ["held_on", "hub_id", "place", "young_people_present", "notes", "version"]
    before = snapshot(stored, names)
    for name, value in fields.items():
        setattr(stored, name, value.strip() if isinstance(value, str) else value)
    if stored.held_on is None:
        raise ValidationError({"held_on": "Enter the date of the meeting"})
    bump(stored)
    stored.save()
    changed(actor, stored, None, before, request=request)
    return stored


@transaction.atomic
def add_topic(actor: Any, meeting: ForumMeeting, title: str, summary: str = "", request: Any = None) -> ForumTopic:
    require(actor, "participation.forum")
    if not (title or "").strip():
        raise ValidationError({"title": "Enter the topic"})
    topic = ForumTopic.objects.create(meeting=meeting, title=title.strip(), summary=(summary or "").strip())
    record(actor, Action.CREATE, obj=topic, detail={"meeting": str(meeting), "title": topic.title}, request=request)
    return topic


def _check_action(text: str, owner: str, status: str) -> None:
    errors = {}
    if not (text or "").strip():
        errors["text"] = "Enter the action"
    if not (owner or "").strip():
        errors["owner"] = "Enter who will do it"
    if status not in ActionStatus.values:
        errors["status"] = "Select the status"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def add_forum_action(actor: Any, meeting: ForumMeeting, text: str, owner: str, due_on: dt.date | None = None,
                     request: Any = None) -> ForumAction:
    require(actor, "participation.forum")
    _check_action(text, owner, ActionStatus.OPEN)
    act = ForumAction.objects.create(meeting=meeting, text=text.strip(), owner=owner.strip(), due_on=due_on)
    record(actor, Action.CREATE, obj=act, detail={"text": act.text, "owner": act.owner, "due_on": due_on},
           request=request)
    return act


@transaction.atomic
def change_forum_action(actor: Any, act: ForumAction, version: int | None = None, request: Any = None,
                        **fields: Any) -> ForumAction:
    require(actor, "participation.forum")
    stored = ForumAction.objects.select_for_update().get(pk=act.pk)
    check_version(stored, version, "action")
    before = snapshot(stored, ["text", "owner", "due_on", "status", "version"])
    for name, value in fields.items():
        setattr(stored, name, value.strip() if isinstance(value, str) else value)
    _check_action(stored.text, stored.owner, stored.status)
    bump(stored)
    stored.save()
    changed(actor, stored, None, before, request=request)
    return stored


# ---------------------------------------------------------------- the PROUD awards


@transaction.atomic
def add_award_year(actor: Any, year: int, title: str, nominations_close: dt.date, ceremony_on: dt.date | None = None,
                   categories: list[str] | None = None, request: Any = None) -> AwardYear:
    require(actor, "awards.manage")
    errors = {}
    if year is None or not 2000 <= year <= 2100:
        errors["year"] = "Enter the year, like 2025"
    elif AwardYear.objects.filter(year=year).exists():
        errors["year"] = f"The {year} awards are already set up"
    if not (title or "").strip():
        errors["title"] = "Enter the awards' title"
    if nominations_close is None:
        errors["nominations_close"] = "Enter when nominations close"
    if errors:
        raise ValidationError(errors)
    made = AwardYear.objects.create(year=year, title=title.strip(), nominations_close=nominations_close,
                                    ceremony_on=ceremony_on)
    names = sorted({c.strip()[:120] for c in categories or [] if c.strip()})
    for name in names:
        AwardCategory.objects.create(award_year=made, name=name)
    record(actor, Action.CREATE, obj=made, detail={"year": year, "title": made.title, "categories": names},
           request=request)
    return made


@transaction.atomic
def add_category(actor: Any, award_year: AwardYear, name: str, description: str = "",
                 request: Any = None) -> AwardCategory:
    require(actor, "awards.manage")
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": "Enter the category's name"})
    if AwardCategory.objects.filter(award_year=award_year, name__iexact=name).exists():
        raise ValidationError({"name": "This year already has a category with that name"})
    category = AwardCategory.objects.create(award_year=award_year, name=name, description=(description or "").strip())
    record(actor, Action.CREATE, obj=category, detail={"year": award_year.year, "name": name}, request=request)
    return category


@transaction.atomic
def nominate(actor: Any, category: AwardCategory, yp: Any, reason: str, request: Any = None) -> Nomination:
    require(actor, "awards.nominate", yp)
    errors = {}
    if not (reason or "").strip():
        errors["reason"] = "Say why you are nominating them"
    if category.award_year.nominations_close < timezone.localdate():
        errors["category"] = (f"Nominations for {category.award_year} closed on "
                              f"{category.award_year.nominations_close:%-d %B %Y}")
    elif Nomination.objects.filter(category=category, young_person=yp).exists():
        errors["category"] = f"{yp.display_name} is already nominated in this category"
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            made = Nomination.objects.create(category=category, young_person=yp, reason=reason.strip(),
                                             nominated_by=actor)
    except IntegrityError:
        raise ValidationError({"category": f"{yp.display_name} is already nominated in this category"}) from None
    record(actor, Action.CREATE, young_person=yp, obj=made, detail={"category": category.name}, request=request)
    return made


@transaction.atomic
def decide_nomination(actor: Any, nomination: Nomination, status: str, version: int | None = None,
                      request: Any = None) -> Nomination:
    """Shortlist (or not) a nomination, or make it a winner (only from the shortlist)."""
    require(actor, "awards.shortlist", nomination)
    stored = Nomination.objects.select_for_update().select_related("young_person").get(pk=nomination.pk)
    check_version(stored, version, "nomination")
    if status not in NominationStatus.values:
        raise ValidationError({"status": "Select a decision"})
    if status == NominationStatus.WINNER and stored.status != NominationStatus.SHORTLISTED:
        raise ValidationError({"status": "Only a shortlisted nomination can win"})
    before = snapshot(stored, ["status", "version"])
    stored.status = status
    bump(stored)
    stored.save(update_fields=["status", "version"])
    changed(actor, stored, stored.young_person, before, request=request)
    return stored
