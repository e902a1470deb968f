"""In the browser: a personal adviser raises a concern; the summary shows it; every page passes axe, at desktop
width and at 390px."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import axe_violations
from people.tests.factories import young_person
from safeguarding import actions


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 390])
def test_raising_a_concern_in_the_browser(staff, teams, sign_in, live_server, width):
    from playwright.sync_api import expect

    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    actions.write_safety_plan(staff["pa_north"], yp, risks="Going missing", what_helps="Texting my PA",
                              who_to_call="PA 07700 900123")
    page = sign_in("pa_north")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/safeguarding/young-person/{yp.pk}/concern/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Raise the concern").click()
    expect(page.get_by_role("link", name="Select category")).to_be_visible()  # the error summary names the field
    assert axe_violations(page) == []
    page.get_by_label("Category").select_option("10A")
    page.get_by_label("Immediate risk of serious harm").check()
    page.get_by_label("What happened").fill("Not home for three nights, phone off")
    page.get_by_role("button", name="Raise the concern").click()
    expect(page.get_by_text("Concern raised. The team manager has been told.")).to_be_visible()
    expect(page.get_by_text("Going or being missing")).to_be_visible()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/safeguarding/young-person/{yp.pk}/")
    assert axe_violations(page) == []
