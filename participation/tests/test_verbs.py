"""Booking, the waiting list, attendance, the forum and the awards: each verb's effect, refusal and audit event."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils import timezone

from audit.models import Action, AuditEvent
from participation import actions
from participation.models import Booking, Event, Notice
from people.tests.factories import young_person
from youngapp.models import OutboxMessage

pytestmark = pytest.mark.django_db


def yps(n: int, team: Any, pa: Any) -> list[Any]:
    return [young_person(team=team, pa=pa, dob=dt.date(2006, 1, 1)) for _ in range(n)]


def events_of(obj: Any) -> Any:
    return AuditEvent.objects.filter(object_type=obj._meta.label, object_id=str(obj.pk))


def test_booking_fills_then_offers_the_waiting_list(make_event: Any, staff: dict, teams: dict) -> None:
    event = make_event(capacity=2)
    a, b, c = yps(3, teams["north"], staff["pa_north"])
    pa = staff["pa_north"]
    assert actions.book(pa, event, a).status == "booked"
    assert actions.book(pa, event, b).status == "booked"
    with pytest.raises(actions.Full):
        actions.book(pa, event, c)
    assert not Booking.objects.filter(young_person=c).exists()  # nothing half-saved
    assert actions.book(pa, event, c, waiting_list=True).status == "waiting"
    event.refresh_from_db()
    assert event.booked == 2
    with pytest.raises(ValidationError, match="already"):
        actions.book(pa, event, a)
    created = AuditEvent.objects.filter(action=Action.CREATE, object_type="participation.Booking")
    assert created.count() == 3 and created.filter(young_person=c, detail__status="waiting").exists()


def test_a_cancelled_place_goes_to_the_first_waiting_who_is_told(make_event: Any, staff: dict, teams: dict,
                                                                 access: Any, yp: Any) -> None:
    event = make_event(capacity=1)
    first, later = yps(2, teams["north"], staff["pa_north"])
    pa = staff["pa_north"]
    holder = actions.book(pa, event, first)
    queued_yp = actions.book(pa, event, yp, waiting_list=True)  # Sam, who has the app, joined first
    actions.book(pa, event, later, waiting_list=True)
    sent_before = OutboxMessage.objects.filter(to="sam@example.org").count()

    actions.cancel_booking(pa, holder)

    queued_yp.refresh_from_db()
    assert queued_yp.status == "booked" and queued_yp.promoted_at is not None
    assert Booking.objects.get(young_person=later, event=event).status == "waiting"
    event.refresh_from_db()
    assert event.booked == 1
    notice = Notice.objects.get(young_person=yp)
    assert "a place came free" in notice.text and event.title in notice.text
    mail = OutboxMessage.objects.filter(to="sam@example.org").order_by("-pk")
    assert mail.count() == sent_before + 1
    assert event.title not in mail[0].body and "news" in mail[0].body  # the email says only that there is news
    change = events_of(queued_yp).get(action=Action.CHANGE)
    assert change.detail["status"] == {"old": "waiting", "new": "booked"} and change.actor is None
    cancelled = events_of(holder).get(action=Action.CHANGE)
    assert cancelled.detail["status"] == {"old": "booked", "new": "cancelled"} and cancelled.actor == pa


def test_leaving_the_waiting_list_frees_no_place(make_event: Any, staff: dict, teams: dict) -> None:
    event = make_event(capacity=1)
    a, b, c = yps(3, teams["north"], staff["pa_north"])
    pa = staff["pa_north"]
    actions.book(pa, event, a)
    waiting = actions.book(pa, event, b, waiting_list=True)
    actions.book(pa, event, c, waiting_list=True)
    actions.cancel_booking(pa, waiting)
    assert Booking.objects.get(young_person=c, event=event).status == "waiting"
    assert Event.objects.get(pk=event.pk).booked == 1


def test_more_places_fill_from_the_waiting_list(make_event: Any, staff: dict, teams: dict) -> None:
    event = make_event(capacity=1)
    a, b, c = yps(3, teams["north"], staff["pa_north"])
    pa = staff["pa_north"]
    actions.book(pa, event, a)
    actions.book(pa, event, b, waiting_list=True)
    actions.book(pa, event, c, waiting_list=True)
    changed = actions.change_event(pa, event, version=event.version, capacity=3)
    assert changed.booked == 3
    assert set(Booking.objects.filter(event=event).values_list("status", flat=True)) == {"booked"}
    assert events_of(event).filter(action=Action.CHANGE, detail__capacity={"old": 1, "new": 3}).exists()
    with pytest.raises(ValidationError, match="already booked"):
        actions.change_event(pa, event, version=changed.version, capacity=2)
    with pytest.raises(ValidationError, match="Someone else changed"):
        actions.change_event(pa, event, version=1, title="Old version")


def test_the_database_refuses_an_overfilled_event(make_event: Any) -> None:
    event = make_event(capacity=1)
    with pytest.raises(IntegrityError):
        Event.objects.filter(pk=event.pk).update(booked=2)


def test_cancelling_an_event_tells_everyone(make_event: Any, staff: dict, teams: dict, yp: Any,
                                            access: Any) -> None:
    event = make_event(capacity=1)
    other, = yps(1, teams["north"], staff["pa_north"])
    actions.book(staff["pa_north"], event, yp)
    actions.book(staff["pa_north"], event, other, waiting_list=True)
    with pytest.raises(ValidationError):
        actions.cancel_event(staff["pa_north"], event, "  ")
    actions.cancel_event(staff["pa_north"], event, "The minibus broke down", version=event.version)
    event.refresh_from_db()
    assert event.status == "cancelled" and event.booked == 0
    assert set(Booking.objects.filter(event=event).values_list("status", flat=True)) == {"cancelled"}
    assert Notice.objects.filter(event=event).count() == 2
    assert events_of(event).filter(action=Action.CHANGE, detail__status={"old": "open", "new": "cancelled"},
                                   detail__reason="The minibus broke down").exists()


def test_attendance(make_event: Any, staff: dict, teams: dict) -> None:
    event = make_event(capacity=5)
    a, b = yps(2, teams["north"], staff["pa_north"])
    pa = staff["pa_north"]
    booked = actions.book(pa, event, a)
    waiting = actions.book(pa, event, b)
    with pytest.raises(ValidationError, match="once the event has started"):
        actions.record_attendance(pa, booked, "attended")
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - dt.timedelta(minutes=5))
    with pytest.raises(ValidationError, match="Select attended"):
        actions.record_attendance(pa, booked, "maybe")
    done = actions.record_attendance(pa, booked, "attended", version=booked.version)
    assert done.attendance == "attended"
    assert events_of(booked).filter(action=Action.CHANGE,
                                    detail__attendance={"old": "", "new": "attended"}).exists()
    actions.record_attendance(pa, waiting, "did_not_attend")
    with pytest.raises(ValidationError, match="Attendance is recorded"):
        actions.cancel_booking(pa, done)
    # Another team's PA who does not lead the event may not; the lead may, whoever's young person it is
    with pytest.raises(PermissionDenied):
        actions.record_attendance(staff["pa_south"], done, "did_not_attend")
    south_yp = young_person(team=teams["south"], pa=staff["pa_south"], dob=dt.date(2006, 1, 1))
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() + dt.timedelta(days=1))
    south = actions.book(staff["pa_south"], event, south_yp)
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - dt.timedelta(minutes=5))
    assert actions.record_attendance(pa, south, "attended").attendance == "attended"


@pytest.mark.parametrize("role", ["housing", "finance", "analyst", "admin"])
def test_roles_that_do_not_run_events(role: str, make_event: Any, staff: dict, teams: dict) -> None:
    with pytest.raises(PermissionDenied):
        actions.create_event(staff[role], kind="hub", title="x", starts_at=timezone.now(),
                             ends_at=timezone.now(), capacity=1, place="Somewhere")
    event = make_event()
    a, = yps(1, teams["north"], staff["pa_north"])
    with pytest.raises(PermissionDenied):
        actions.book(staff[role], event, a)


def test_bad_event_input_names_the_field(staff: dict) -> None:
    now = timezone.now()
    with pytest.raises(ValidationError) as caught:
        actions.create_event(staff["pa_north"], kind="party", title=" ", starts_at=now, ends_at=now
                             - dt.timedelta(hours=1), capacity=0)
    assert set(caught.value.message_dict) == {"kind", "title", "ends_at", "place", "capacity"}
    assert not Event.objects.exists()


def test_a_young_person_books_only_for_themselves(make_event: Any, yp: Any, other: Any, access: Any) -> None:
    event = make_event()
    me = access.user
    assert actions.book(me, event, yp).status == "booked"
    with pytest.raises(PermissionDenied):
        actions.book(me, event, other)
    theirs = actions.book(None, event, other)
    with pytest.raises(PermissionDenied):
        actions.cancel_booking(me, theirs)


def test_forum_verbs_audit(staff: dict, hub: Any) -> None:
    pa = staff["pa_north"]
    meeting = actions.add_forum_meeting(pa, timezone.localdate(), hub, "", 9, "Good turnout")
    topic = actions.add_topic(pa, meeting, "Travel to the hubs", "Fares are too high")
    act = actions.add_forum_action(pa, meeting, "Ask about bus passes", "Team manager", timezone.localdate())
    act = actions.change_forum_action(pa, act, version=act.version, status="done")
    meeting = actions.change_forum_meeting(pa, meeting, version=meeting.version, young_people_present=11)
    for obj in (meeting, topic, act):
        assert events_of(obj).filter(action=Action.CREATE).exists()
    assert events_of(act).get(action=Action.CHANGE).detail["status"] == {"old": "open", "new": "done"}
    assert events_of(meeting).get(action=Action.CHANGE).detail["young_people_present"] == {"old": 9, "new": 11}
    with pytest.raises(ValidationError) as caught:
        actions.add_forum_action(pa, meeting, "", "", None)
    assert set(caught.value.message_dict) == {"text", "owner"}
    with pytest.raises(PermissionDenied):
        actions.add_topic(staff["finance"], meeting, "x")


def test_awards_nominate_shortlist_win(staff: dict, teams: dict) -> None:
    today = timezone.localdate()
    year = actions.add_award_year(staff["tm_north"], today.year, "PROUD awards", today + dt.timedelta(days=10),
                                  categories=["Courage", "Helping others", "Courage"])
    assert list(year.categories.values_list("name", flat=True)) == ["Courage", "Helping others"]
    courage = year.categories.get(name="Courage")
    a, = yps(1, teams["north"], staff["pa_north"])
    with pytest.raises(PermissionDenied):
        actions.nominate(staff["pa_south"], courage, a, "Out of scope")
    n = actions.nominate(staff["pa_north"], courage, a, "Kept going through a hard year")
    with pytest.raises(ValidationError, match="already nominated"):
        actions.nominate(staff["sw_north"], courage, a, "Again")
    with pytest.raises(PermissionDenied):
        actions.decide_nomination(staff["pa_north"], n, "shortlisted")
    with pytest.raises(PermissionDenied):
        actions.decide_nomination(staff["tm_south"], n, "shortlisted")
    with pytest.raises(ValidationError, match="Only a shortlisted"):
        actions.decide_nomination(staff["tm_north"], n, "winner")
    n = actions.decide_nomination(staff["tm_north"], n, "shortlisted", version=n.version)
    n = actions.decide_nomination(staff["hos"], n, "winner", version=n.version)
    assert events_of(n).filter(action=Action.CHANGE, detail__status={"old": "shortlisted", "new": "winner"}).exists()
    assert events_of(n).filter(action=Action.CREATE, young_person=a).exists()


def test_who_sees_a_nomination(staff: dict, teams: dict) -> None:
    today = timezone.localdate()
    year = actions.add_award_year(None, today.year, "PROUD", today + dt.timedelta(days=10), categories=["Courage"])
    a, = yps(1, teams["north"], staff["pa_north"])
    n = actions.nominate(staff["pa_north"], year.categories.get(), a, "Brave")
    seeing = {name for name, user in staff.items() if user.has_perm("awards.view_nomination", n)}
    assert seeing == {"pa_north", "tm_north", "hos"}


def test_closed_nominations(staff: dict, teams: dict) -> None:
    today = timezone.localdate()
    year = actions.add_award_year(None, today.year, "PROUD", today - dt.timedelta(days=1), categories=["Courage"])
    a, = yps(1, teams["north"], staff["pa_north"])
    with pytest.raises(ValidationError, match="closed"):
        actions.nominate(staff["pa_north"], year.categories.get(), a, "Brave")


def test_hub_sessions(staff: dict, hub: Any) -> None:
    pa = staff["pa_north"]
    session = actions.add_hub_session(pa, hub, 1, dt.time(13), dt.time(16), "Drop-in")
    with pytest.raises(ValidationError) as caught:
        actions.add_hub_session(pa, hub, 1, dt.time(16), dt.time(13), "Late")
    assert "ends_at" in caught.value.message_dict
    session = actions.change_hub_session(pa, session, version=session.version, title="Drop-in and tea")
    assert events_of(session).get(action=Action.CHANGE).detail["title"] == {"old": "Drop-in",
                                                                            "new": "Drop-in and tea"}


def test_setup_adds_hub_sessions_once(db: Any) -> None:
    from org.setup import setup_authority
    from participation.models import HubSession

    first = setup_authority("lancashire")
    assert first.created["hub sessions"] == 12
    again = setup_authority("lancashire")
    assert not again.changed and HubSession.objects.count() == 12
