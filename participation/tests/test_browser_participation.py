"""In a real browser at phone size (390 x 844), with axe: a young person books an event in the app, is offered the
waiting list for a full one, answers the anonymous survey (a missing answer is shown on its field), and the PA
records their attendance at an event that has started."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import axe_violations
from org.models import Hub
from participation import actions
from participation.models import Booking, Event
from people.tests.factories import young_person
from surveys import actions as surveys
from surveys.models import Completion
from youngapp import actions as app
from youngapp.tests.conftest import last_code

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 390, "height": 844}


def test_book_wait_answer_and_attendance(staff: dict[str, Any], teams: dict[str, Any], authority: Any,
                                         sign_in: Any, browser: Any, live_server: Any) -> None:
    today = timezone.localdate()
    pa = staff["pa_north"]
    hub = Hub.objects.create(authority=authority, name="Preston", address="Guild Hall Street")
    actions.add_hub_session(pa, hub, 1, dt.time(13), dt.time(16), "Drop-in with the duty team")
    sam = young_person(teams["north"], first_name="Sam", last_name="Okafor", pa=pa,
                       dob=today.replace(year=today.year - 19))
    other = young_person(teams["north"], pa=pa, dob=today.replace(year=today.year - 20))
    app.invite(pa, sam, "sam@example.org")
    soon = timezone.now() + dt.timedelta(days=5)

    def event(title: str, capacity: int, starts: dt.datetime, kind: str = "hub") -> Event:
        return actions.create_event(pa, kind=kind, title=title, starts_at=starts,
                                    ends_at=starts + dt.timedelta(hours=2), capacity=capacity, hub=hub, lead=pa)

    event("Cooking on a budget", 8, soon)
    residential = event("Tower Wood residential", 1, soon + dt.timedelta(days=10), "residential")
    actions.book(pa, residential, other)
    dance = event("Dance and fitness", 10, soon)
    actions.book(pa, dance, sam)
    Event.objects.filter(pk=dance.pk).update(starts_at=timezone.now() - dt.timedelta(hours=1))
    survey = surveys.create_survey(pa, "How are things?", today, today + dt.timedelta(days=14))
    surveys.publish(staff["tm_north"], survey)

    # Sam, on their phone
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + "/app/")
    page.get_by_label("Your email address or mobile number").fill("sam@example.org")
    page.get_by_role("button", name="Send me a code").click()
    page.get_by_label("Code").fill(last_code("sam@example.org"))
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hi Sam")

    menu = page.get_by_role("navigation", name="App menu")
    menu.get_by_role("link", name="Events").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Events and hubs")
    expect(page.get_by_text("Drop-in with the duty team")).to_be_visible()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.get_by_role("link", name="Cooking on a budget").click()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Book my place").click()
    expect(page.get_by_text("You have a place on Cooking on a budget")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Back to events").click()
    page.get_by_role("link", name="Tower Wood residential").click()
    expect(page.get_by_test_id("full")).to_contain_text("This event is full")
    page.get_by_role("button", name="Join the waiting list").click()
    expect(page.get_by_test_id("queue")).to_contain_text("You are number 1 on the waiting list")
    assert axe_violations(page) == []
    assert Booking.objects.get(event=residential, young_person=sam).status == "waiting"

    # The survey, on their own
    menu.get_by_role("link", name="Have your say").click()
    assert axe_violations(page) == []
    page.get_by_role("link", name="How are things?").click()
    questions = ["satisfied are you with your life", "things you do in your life are worthwhile",
                 "how happy did you feel yesterday", "how anxious did you feel yesterday"]
    for text, value in zip(questions[:3], ["7", "8", "6"], strict=True):
        page.get_by_role("group", name=text).get_by_label(value, exact=True).check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    expect(page.get_by_role("group", name=questions[3]).get_by_text("Choose a number from 0 to 10")).to_be_visible()
    expect(page.get_by_role("group", name=questions[0]).get_by_label("7", exact=True)).to_be_checked()
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_role("group", name=questions[3]).get_by_label("2", exact=True).check()
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Your answers are sent, without your name")).to_be_visible()
    assert axe_violations(page) == []
    assert Completion.objects.filter(survey=survey, young_person=sam).exists()
    context.close()

    # The PA records attendance at the event that has started
    pa_page = sign_in("pa_north")
    pa_page.set_viewport_size(PHONE)
    pa_page.goto(f"{live_server.url}/participation/")
    assert axe_violations(pa_page) == []
    pa_page.goto(f"{live_server.url}/participation/events/{dance.pk}/")
    expect(pa_page.get_by_test_id("coming")).to_contain_text("Sam Okafor")
    assert axe_violations(pa_page) == []
    pa_page.get_by_role("button", name="Attended for Sam Okafor").click()
    expect(pa_page.get_by_text("Attendance recorded for Sam Okafor")).to_be_visible()
    assert axe_violations(pa_page) == []
    pa_page.goto(f"{live_server.url}/participation/young-person/{sam.pk}/")
    expect(pa_page.get_by_test_id("attendance-summary")).to_contain_text("Attended 1 event")
    assert axe_violations(pa_page) == []
