"""In a real browser: write a plan area, survive a session timeout, meet a conflicting edit, add an action, sign off,
get the PDF."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from people.tests.factories import young_person
from plans import actions
from plans.models import PathwayPlan

pytestmark = pytest.mark.django_db(transaction=True)


def test_write_timeout_conflict_and_sign_off(staff, teams, sign_in, live_server, page):
    yp = young_person(teams["north"], pa=staff["pa_north"], first_name="Jamie")
    plan = actions.start_plan(staff["pa_north"], yp)
    sign_in("pa_north")
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    assert axe_violations(page) == []
    page.get_by_label("What I think").first.fill("I want my own flat near college")
    expect(page.locator("#autosave-status")).to_contain_text("Draft kept")
    # the session times out: cookies gone, the page is still open and the young person keeps talking
    page.context.clear_cookies()
    page.get_by_label("Worker's assessment").first.fill("Ready for a tenancy with support")
    expect(page.locator("#autosave-status")).to_contain_text("signed out")
    sign_in("pa_north")
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    expect(page.get_by_label("What I think").first).to_have_value("I want my own flat near college")
    expect(page.get_by_label("Worker's assessment").first).to_have_value("Ready for a tenancy with support")
    # a colleague saves first
    actions.save(staff["pa_north2"], PathwayPlan.objects.get(pk=plan.pk),
                 {"areas": {"accommodation": {"my_words": "Colleague's words", "assessment": ""}}}, base_version=0)
    page.get_by_role("button", name="Save plan").click()
    expect(page.get_by_text("Someone else saved this plan while you were writing")).to_be_visible()
    expect(page.get_by_text("Saved by someone else: Colleague's words")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("The young person's views on the whole plan").fill("I agree with it")
    page.get_by_role("button", name="Save plan").click()
    expect(page.get_by_text("Plan saved")).to_be_visible()
    # an action with a date that does not exist: the error names the field and nothing typed is lost
    page.get_by_label("What will be done").fill("Apply for a passport")
    page.get_by_label("Who will do it").fill("Sam (PA)")
    page.locator("[name=by_when_day]").fill("31")
    page.locator("[name=by_when_month]").fill("2")
    page.locator("[name=by_when_year]").fill("2030")
    page.get_by_role("button", name="Add action").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("By when must be a real date")
    expect(page.get_by_label("What will be done")).to_have_value("Apply for a passport")
    expect(page.locator("[name=by_when_day]")).to_have_value("31")
    assert axe_violations(page) == []
    page.locator("[name=by_when_day]").fill("28")
    page.get_by_role("button", name="Add action").click()
    expect(page.get_by_text("Action added")).to_be_visible()
    # a manager signs off and downloads the PDF
    sign_in("tm_north")
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    # sign-off is a link to check and confirm, never one click
    page.get_by_role("button", name="Sign off").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the pathway plan before you sign it off")
    expect(page.get_by_text("I agree with it")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Confirm and sign off").click()
    expect(page.get_by_text("Signed off. Next review by")).to_be_visible()
    # signed off: nothing on the page looks editable
    expect(page.locator("#plan-form, textarea[name^=area-], textarea#young_person_views")).to_have_count(0)
    expect(page.get_by_text("Changes are kept as you type")).to_have_count(0)
    expect(page.get_by_role("button", name="Save plan")).to_have_count(0)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")


def test_refused_words_do_not_come_back_after_a_reload(staff, teams, sign_in, live_server, page):
    """A copy kept in the browser is keyed by the plan's version and dropped when the server refuses it."""
    yp = young_person(teams["north"], pa=staff["pa_north"], first_name="Jamie")
    plan = actions.start_plan(staff["pa_north"], yp)
    sign_in("pa_north")
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    page.get_by_label("What I think").first.fill("Words the server takes")
    expect(page.locator("#autosave-status")).to_contain_text("Draft kept")
    assert page.evaluate("Object.keys(localStorage)") == [f"plan-draft-{plan.pk}-v0"]
    # far over the limit: the server refuses the draft; the page says why and keeps no copy to put back
    page.get_by_label("What I think").first.fill("x" * 20001)
    expect(page.locator("#autosave-status")).to_contain_text("Draft not kept")
    assert page.evaluate("Object.keys(localStorage)") == []
    page.reload()
    expect(page.get_by_label("What I think").first).not_to_have_value("x" * 20001)
    expect(page.locator("#restored")).to_be_hidden()
    # a copy typed against an older version is never put back, and is forgotten
    page.get_by_label("What I think").first.fill("Typed against version 0")
    expect(page.locator("#autosave-status")).to_contain_text("Draft kept")
    actions.save(staff["pa_north2"], PathwayPlan.objects.get(pk=plan.pk),
                 {"areas": {"eet": {"my_words": "Colleague", "assessment": ""}}}, base_version=0)
    page.reload()
    expect(page.get_by_label("What I think").first).not_to_have_value("Typed against version 0")
    expect(page.locator("#restored")).to_be_hidden()
    assert page.evaluate("Object.keys(localStorage)") == []
