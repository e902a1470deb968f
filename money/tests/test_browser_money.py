"""In a real browser: a PA asks for money, their manager approves it; axe finds no problems."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from money.models import PaymentRequest
from money.presets import load_catalogue
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db(transaction=True)


def test_request_and_approve(staff, teams, sign_in, live_server, browser):
    load_catalogue()
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1), first_name="Casey")
    page = sign_in("pa_north")
    page.goto(f"{live_server.url}/money/young-person/{yp.pk}/")
    assert page.get_by_role("cell", name="£3,000.00").count() >= 1
    assert axe_violations(page) == []
    page.get_by_role("link", name="Ask for money").click()
    page.get_by_label("What is it for").select_option(label="Setting Up Home Allowance")
    page.get_by_label("Amount in pounds").fill("-20")
    page.get_by_label("Reason").fill("Bed")
    page.get_by_role("button", name="Send for approval").click()
    expect(page.get_by_text("Amount must be more than £0").first).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Amount in pounds").fill("320.00")
    page.get_by_role("button", name="Send for approval").click()
    expect(page.get_by_text("Request sent for approval")).to_be_visible()

    manager = browser.new_context().new_page()
    manager.goto(live_server.url + "/sign-in/")
    manager.get_by_label("Username").fill("tm_north")
    manager.get_by_label("Password").fill("correct-horse-battery")
    manager.get_by_role("button", name="Sign in").click()
    manager.goto(live_server.url + "/money/")
    assert axe_violations(manager) == []
    # Approving is checked on its own page first, never one click from the queue
    manager.get_by_role("link", name="Check and approve £320.00 for Casey").click()
    expect(manager.get_by_role("heading", name="Check and approve")).to_be_visible()
    assert PaymentRequest.objects.get().status == "requested"
    assert axe_violations(manager) == []
    manager.get_by_role("button", name="Approve £320.00 for Casey").click()
    expect(manager.get_by_text("Approved £320.00")).to_be_visible()
    assert PaymentRequest.objects.get().status == "approved"
