"""Recording a move and a change of activity from the young person's page."""

from __future__ import annotations

import datetime as dt

import pytest

from accommodation.models import AccommodationEpisode
from conftest import axe_violations
from people.tests.factories import young_person


def move(day: dt.date, **extra):
    return {"start_date_day": day.day, "start_date_month": day.month, "start_date_year": day.year, "accom": "U",
            "suitable": "yes", **extra}


def test_a_move_ends_the_last_home_the_day_before(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    AccommodationEpisode.objects.create(young_person=yp, start_date=dt.date(2024, 1, 1), accom="D", suitable=True)
    client.force_login(staff["pa_north"])
    assert client.post(f"/accommodation/young-person/{yp.pk}/move/", move(today)).status_code == 302
    old, new = AccommodationEpisode.objects.filter(young_person=yp).order_by("start_date")
    assert old.end_date == today - dt.timedelta(days=1) and new.accom_code == "U1"
    page = client.get(f"/accommodation/young-person/{yp.pk}/").content.decode()
    assert "Independent living" in page and "U1" in page


def test_custody_is_always_unsuitable_and_bad_dates_keep_the_form(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    client.force_login(staff["housing"])
    client.post(f"/accommodation/young-person/{yp.pk}/move/", move(today, accom="X"))
    assert AccommodationEpisode.objects.get(young_person=yp).accom_code == "X2"
    html = client.post(f"/accommodation/young-person/{yp.pk}/move/", move(today - dt.timedelta(days=3))).content
    assert b"The start date must be after" in html


def test_out_of_scope_is_404(client, staff, teams):
    yp = young_person(teams["south"], pa=staff["pa_south"])
    client.force_login(staff["pa_north"])
    assert client.get(f"/accommodation/young-person/{yp.pk}/move/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_recording_a_move_in_the_browser(staff, teams, sign_in, live_server):
    from playwright.sync_api import expect

    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    page = sign_in("pa_north")
    page.goto(f"{live_server.url}/accommodation/young-person/{yp.pk}/move/")
    assert axe_violations(page) == []
    page.get_by_label("Foyers").check()
    page.get_by_label("Suitable", exact=True).check()  # nothing is preselected: the worker says
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Move recorded")).to_be_visible()
    assert axe_violations(page) == []
