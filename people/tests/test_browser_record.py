"""In a real browser: sign in, find a young person, read their summary; axe finds no accessibility problems."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_in_search_and_summary(staff, teams, sign_in, live_server):
    young_person(teams["north"], first_name="Jordan", last_name="Okafor", pa=staff["pa_north"])
    page = sign_in("pa_north")
    page.goto(live_server.url + "/young-people/")
    assert axe_violations(page) == []
    page.locator("#id_q").fill("okafor")
    page.locator("#id_q").press("Enter")
    page.get_by_role("link", name="Jordan Okafor").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jordan Okafor")
    assert axe_violations(page) == []


def test_form_errors_are_accessible(staff, teams, sign_in, live_server):
    page = sign_in("tm_north")
    page.goto(live_server.url + "/young-people/new/")
    page.get_by_label("First name").fill("Robin")
    page.get_by_role("button", name="Save record").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert page.get_by_label("First name").input_value() == "Robin"
    assert axe_violations(page) == []


def test_bad_sign_in_is_explained(staff, sign_in):
    page = sign_in("pa_north", password="wrong")
    expect(page.get_by_text("Enter a correct username and password")).to_be_visible()
    assert axe_violations(page) == []
