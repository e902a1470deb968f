"""In a real browser: a housing adviser sees the bed and breakfast alarm, the queue and vacancies, offers a home
and records the move-in; axe finds no problems at desktop width or at 390px."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from accommodation.actions import record_move
from accommodation.models import AccommodationEpisode
from conftest import axe_violations
from housing import actions
from housing.tests.helpers import stock
from people.eligibility import birthday
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db(transaction=True)


def test_adviser_offers_a_home_and_records_the_move_in(staff, teams, sign_in, live_server, page, today):
    adviser = staff["housing"]
    stock(adviser, homes=2, start=today - dt.timedelta(days=120))
    dob = birthday(today, -17) - dt.timedelta(days=20)
    care = (birthday(today, -17) - dt.timedelta(days=1500), today - dt.timedelta(days=40))
    casey = young_person(teams["north"], dob=dob, first_name="Casey", pa=staff["pa_north"], in_care=care)
    referral = actions.make_referral(adviser, casey, today - dt.timedelta(days=4), "A flat near college")
    sky = young_person(teams["north"], dob=dob, first_name="Sky", pa=staff["pa_north"], in_care=care)
    record_move(None, sky, today - dt.timedelta(days=1), "W", False)

    page = sign_in("housing")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for path in ("/housing/", "/housing/queue/", "/housing/vacancies/", "/housing/move-on/", "/housing/figures/",
                     f"/housing/young-person/{casey.pk}/"):
            page.goto(live_server.url + path)
            assert axe_violations(page) == [], (width, path)
    page.goto(live_server.url + "/housing/")
    expect(page.get_by_role("region", name="Bed and breakfast")).to_contain_text("Sky")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/housing/queue/")
    page.get_by_role("link", name="Offer a home to Casey").click()
    page.get_by_label("Vacant home").select_option(label="MS-1: Bedsit or flat in a managed block, Northtown "
                                                        "(Mill Street flats)")
    page.get_by_role("button", name="Make the offer").click()
    expect(page.get_by_text("MS-1 offered to Casey")).to_be_visible()
    page.get_by_role("link", name="Record the answer to the offer of MS-1").click()
    page.get_by_label("Accepted").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Record the move in to MS-1").click()
    page.set_viewport_size({"width": 390, "height": 900})
    day = referral.referred_on - dt.timedelta(days=1)
    page.get_by_label("Day").fill(str(day.day))
    page.get_by_label("Month").fill(str(day.month))
    page.get_by_label("Year").fill(str(day.year))
    page.get_by_role("button", name="Record the move").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The move-in cannot be before the offer")
    assert axe_violations(page) == []
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Record the move").click()
    expect(page.get_by_text("Move-in recorded")).to_be_visible()
    assert AccommodationEpisode.objects.get(young_person=casey, end_date__isnull=True).accom_code == "D1"
