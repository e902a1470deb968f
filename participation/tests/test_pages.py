"""The participation pages, staff and app: who is coming (named only within scope), attendance from the event page
to the record, the chronology and the board's counts; booking, the waiting list and news in the app."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from participation import actions
from participation.models import Booking, Event, Notice
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    c = Client()
    c.force_login(user)
    return c


def started(event: Any) -> None:
    Event.objects.filter(pk=event.pk).update(starts_at=timezone.now() - dt.timedelta(hours=1))


def test_who_is_coming_names_only_young_people_in_scope(make_event: Any, staff: dict, teams: dict) -> None:
    event = make_event(capacity=5, lead=staff["tm_north"])
    north = young_person(team=teams["north"], pa=staff["pa_north"], first_name="Northern", dob=dt.date(2006, 1, 1))
    south = young_person(team=teams["south"], pa=staff["pa_south"], first_name="Southern", dob=dt.date(2006, 1, 1))
    actions.book(None, event, north)
    actions.book(None, event, south)
    page = client_for(staff["pa_north"]).get(f"/participation/events/{event.pk}/").content.decode()
    assert "Northern" in page and "Southern" not in page and "And 1 young person from other teams" in page
    lead_page = client_for(staff["tm_north"]).get(f"/participation/events/{event.pk}/").content.decode()
    assert "Northern" in lead_page and "Southern" in lead_page  # the lead runs it: sees everyone
    assert client_for(staff["finance"]).get(f"/participation/events/{event.pk}/").status_code == 403


def test_attendance_from_the_event_page_to_the_record(make_event: Any, staff: dict, teams: dict) -> None:
    event = make_event(capacity=5, title="Tower Wood residential", kind="residential")
    yp = young_person(team=teams["north"], pa=staff["pa_north"], first_name="Jordan", dob=dt.date(2006, 1, 1))
    booking = actions.book(None, event, yp)
    pa = client_for(staff["pa_north"])
    assert "Attended" not in pa.get(f"/participation/events/{event.pk}/").content.decode().split("Who is coming")[1]
    started(event)
    page = pa.get(f"/participation/events/{event.pk}/").content.decode()
    assert f'/participation/bookings/{booking.pk}/attendance/' in page
    response = pa.post(f"/participation/bookings/{booking.pk}/attendance/",
                       {"attendance": "attended", "version": booking.version})
    assert response.status_code == 302
    assert Booking.objects.get(pk=booking.pk).attendance == "attended"
    record = pa.get(f"/participation/young-person/{yp.pk}/").content.decode()
    assert "Tower Wood residential" in record and "Attended 1 event" in record
    assert f"/participation/young-person/{yp.pk}/" in pa.get(f"/young-people/{yp.pk}/").content.decode()
    chronology = pa.get(f"/case-notes/young-person/{yp.pk}/").content.decode()
    assert "Went to: Tower Wood residential" in chronology
    board = client_for(staff["analyst"]).get("/corporate-parenting/").content.decode()
    assert "Events and participation" in board and "Residential" in board and "Jordan" not in board


def test_staff_book_and_the_full_event_offers_the_waiting_list(make_event: Any, staff: dict, teams: dict) -> None:
    event = make_event(capacity=1)
    a = young_person(team=teams["north"], pa=staff["pa_north"], dob=dt.date(2006, 1, 1))
    b = young_person(team=teams["north"], pa=staff["pa_north"], dob=dt.date(2006, 1, 1))
    pa = client_for(staff["pa_north"])
    assert pa.post(f"/participation/young-person/{a.pk}/book/", {"event": event.pk}).status_code == 302
    full = pa.post(f"/participation/young-person/{b.pk}/book/", {"event": event.pk})
    assert full.status_code == 200 and "This event is full" in full.content.decode()
    assert not Booking.objects.filter(young_person=b).exists()
    pa.post(f"/participation/young-person/{b.pk}/book/", {"event": event.pk, "waiting_list": "on"})
    assert Booking.objects.get(young_person=b).status == "waiting"


def test_app_booking_waiting_list_and_news(make_event: Any, staff: dict, teams: dict, app_client: Client,
                                           yp: Any) -> None:
    event = make_event(capacity=1, title="Board games afternoon")
    first = young_person(team=teams["north"], pa=staff["pa_north"], dob=dt.date(2006, 1, 1))
    holder = actions.book(None, event, first)
    listing = app_client.get("/app/events/")
    assert listing.status_code == 200 and "Board games afternoon" in listing.content.decode()
    assert "Full: you can join the waiting list" in listing.content.decode()
    full = app_client.post(f"/app/events/{event.pk}/book/")
    assert full.status_code == 200 and "This event is full" in full.content.decode()
    assert not Booking.objects.filter(young_person=yp).exists()
    app_client.post(f"/app/events/{event.pk}/book/", {"waiting_list": "1"})
    page = app_client.get(f"/app/events/{event.pk}/").content.decode()
    assert "You are number 1 on the waiting list" in page
    actions.cancel_booking(staff["pa_north"], holder)
    news = app_client.get("/app/events/").content.decode()
    assert "News for you" in news and "it is yours" in news
    assert Notice.objects.get(young_person=yp).seen_at is not None
    assert "News for you" not in app_client.get("/app/events/").content.decode()
    assert "You have a place" in app_client.get(f"/app/events/{event.pk}/").content.decode()
    app_client.post(f"/app/events/{event.pk}/cancel/")
    assert Booking.objects.get(young_person=yp, event=event).status == "cancelled"


def test_app_pages_are_the_young_persons_only(make_event: Any, staff: dict) -> None:
    event = make_event()
    assert Client().get("/app/events/")["Location"].startswith("/app/sign-in/")
    staff_view = client_for(staff["pa_north"]).get(f"/app/events/{event.pk}/")
    assert staff_view.status_code == 403
    assert client_for(staff["pa_north"]).post(f"/app/events/{event.pk}/book/").status_code == 403


def test_forum_and_awards_pages(staff: dict, teams: dict, hub: Any) -> None:
    pa = client_for(staff["pa_north"])
    response = pa.post("/participation/forum/new/", {"held_on_day": "3", "held_on_month": "3", "held_on_year": "2026",
                                                     "hub": hub.pk, "young_people_present": "9"})
    assert response.status_code == 302
    forum = pa.get("/participation/forum/").content.decode()
    assert "3 March 2026" in forum
    tm = client_for(staff["tm_north"])
    today = timezone.localdate() + dt.timedelta(days=20)
    assert tm.post("/participation/awards/new/", {
        "year": today.year, "title": "PROUD awards", "nominations_close_day": today.day,
        "nominations_close_month": today.month, "nominations_close_year": today.year,
        "categories": "Courage\nHelping others"}).status_code == 302
    yp = young_person(team=teams["north"], pa=staff["pa_north"], first_name="Riley", dob=dt.date(2006, 1, 1))
    from participation.models import AwardCategory

    category = AwardCategory.objects.get(name="Courage")
    bad = pa.post(f"/participation/young-person/{yp.pk}/nominate/", {"category": category.pk, "reason": ""})
    assert bad.status_code == 200 and "Enter why are you nominating them?" in bad.content.decode()
    assert pa.post(f"/participation/young-person/{yp.pk}/nominate/",
                   {"category": category.pk, "reason": "So brave"}).status_code == 302
    assert "Riley" in tm.get("/participation/awards/").content.decode()
    assert "Riley" not in client_for(staff["pa_north2"]).get("/participation/awards/").content.decode()


def test_bad_event_input_keeps_what_was_typed(staff: dict, hub: Any) -> None:
    pa = client_for(staff["pa_north"])
    response = pa.post("/participation/events/new/", {
        "kind": "hub", "title": "Pizza night", "starts_on_day": "1", "starts_on_month": "13", "starts_on_year": "2026",
        "starts_time": "25:00", "ends_time": "19:00", "capacity": "0", "hub": hub.pk})
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body and "Pizza night" in body
    assert "Start time must be a real time" in body and "Places must be 1 or more" in body
    assert not Event.objects.exists()


def test_the_demo_has_participation(db: Any) -> None:
    call_command("demo_data", "--young-people", "60", "--seed", "3", "--as-at", "2025-06-15", stdout=StringIO())
    assert Event.objects.filter(status="open").count() >= 10
    assert Booking.objects.filter(attendance="attended").exists()
    assert Booking.objects.filter(status="waiting").exists()
    from participation.models import ForumMeeting, HubSession, Nomination
    from surveys.models import Survey
    from surveys.results import results_for

    assert HubSession.objects.count() == 12 and ForumMeeting.objects.count() == 7
    assert Nomination.objects.filter(status="winner").exists()
    closed = Survey.objects.get(title="Care leavers' survey")
    found = results_for(closed)
    assert found.shown and found.respondents >= 10
