"""Issue 13, in a real browser: "If not, why not" is revealed only when the answer is "No" (govuk-frontend's
radios module reads data-aria-controls); without JavaScript the box is shown and a reason left in it after
answering "Yes" is not saved."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from conftest import axe_violations
from contacts.models import Contact
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db(transaction=True)


def test_reason_revealed_only_under_no(staff, teams, sign_in, live_server):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    page = sign_in("pa_north")
    page.goto(f"{live_server.url}/contacts/young-person/{yp.pk}/new/")
    reason = page.get_by_label("If not, why not")
    expect(page.get_by_label("Yes, we spoke or met")).to_be_checked()
    expect(reason).to_be_hidden()
    expect(page.get_by_label("Submission key")).to_have_count(0)
    page.get_by_label("No, it was an attempt").check()
    expect(reason).to_be_visible()
    expect(page.get_by_label("No, it was an attempt")).to_have_attribute("aria-expanded", "true")
    assert axe_violations(page) == []
    page.get_by_label("Yes, we spoke or met").check()
    expect(reason).to_be_hidden()
    page.get_by_label("No, it was an attempt").check()
    page.get_by_label("Phone call").check()
    page.get_by_label("Personal adviser").check()
    page.get_by_role("button", name="Save contact").click()  # no reason: the error opens the reveal
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say why the contact did not happen")
    expect(reason).to_be_visible()
    reason.fill("Phone switched off")
    page.get_by_role("button", name="Save contact").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Contacts")
    contact = Contact.objects.get(young_person=yp)
    assert not contact.successful and contact.reason_unsuccessful == "Phone switched off"


def test_without_javascript_the_reason_shows_and_yes_ignores_it(browser, staff, teams, live_server):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/sign-in/")
    page.get_by_label("Username").fill("pa_north")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.goto(f"{live_server.url}/contacts/young-person/{yp.pk}/new/")
    reason = page.get_by_label("If not, why not")
    expect(reason).to_be_visible()
    reason.fill("Typed before choosing")
    page.get_by_label("Yes, we spoke or met").check()
    page.get_by_label("Phone call").check()
    page.get_by_label("Personal adviser").check()
    page.get_by_role("button", name="Save contact").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Contacts")
    contact = Contact.objects.get(young_person=yp)
    assert contact.successful and contact.reason_unsuccessful == ""
    context.close()
