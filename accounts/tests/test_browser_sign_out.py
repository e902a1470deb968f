"""In a real browser: plan drafts kept on the device survive an idle timeout but not signing out; the timeout
warning offers "Stay signed in"."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from people.tests.factories import young_person
from plans import actions

pytestmark = pytest.mark.django_db(transaction=True)


def test_signing_out_removes_the_plan_draft_kept_in_the_browser(staff, teams, sign_in, live_server, page):
    yp = young_person(teams["north"], pa=staff["pa_north"], first_name="Jamie")
    plan = actions.start_plan(staff["pa_north"], yp)
    sign_in("pa_north")
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    page.get_by_label("What I think").first.fill("Private words about my family")
    expect(page.locator("#autosave-status")).to_contain_text("Draft kept")
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('plan-draft-')).length") == 1
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="You have signed out")).to_be_visible()
    assert axe_violations(page) == []
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('plan-draft-')).length") == 0


def test_the_timeout_warning_offers_to_stay_signed_in(staff, sign_in, live_server, page, settings):
    settings.SESSION_IDLE_MINUTES = 1
    settings.SESSION_WARNING_SECONDS = 57  # the warning comes 3 seconds after the page loads
    sign_in("pa_north")
    page.goto(f"{live_server.url}/young-people/")
    dialog = page.get_by_role("dialog", name="You’re about to be signed out")
    expect(dialog).to_be_visible(timeout=20000)
    expect(dialog).to_contain_text("For your security, we will sign you out in")
    assert axe_violations(page) == []
    dialog.get_by_role("button", name="Stay signed in").click()
    expect(dialog).to_be_hidden()
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    expect(page.get_by_role("heading", name="Young people").first).to_be_visible()
