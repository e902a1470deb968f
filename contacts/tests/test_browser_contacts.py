"""In a real browser: a PA records a contact on one screen (a wrong date is named, nothing typed is lost), sees it on
the young person's page, then reads their own worklist and the team's; axe finds no accessibility problems."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import axe_violations
from contacts.models import Contact
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db(transaction=True)


def test_record_a_contact_then_read_the_worklists(staff, teams, sign_in, live_server, today):
    casey = young_person(teams["north"], pa=staff["pa_north"], first_name="Casey", last_name="Morgan",
                         dob=dt.date(2005, 1, 1))
    # on the worklists: one of pa_north's young people overdue a visit, and one of a colleague's
    overdue = young_person(teams["north"], pa=staff["pa_north"], first_name="Riley", last_name="Shah",
                           dob=dt.date(2005, 1, 1))
    colleagues = young_person(teams["north"], pa=staff["pa_north2"], first_name="Sam", last_name="Ellis",
                              dob=dt.date(2005, 1, 1))
    for yp, pa in ((overdue, staff["pa_north"]), (colleagues, staff["pa_north2"])):
        Contact.objects.create(young_person=yp, occurred_at=timezone.now() - dt.timedelta(days=90), kind="phone",
                               made_by="pa", worker=pa)

    page = sign_in("pa_north")
    page.goto(f"{live_server.url}/young-people/{casey.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Casey Morgan")
    page.get_by_role("link", name="Record a contact").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a contact")
    assert axe_violations(page) == []

    # a date in the future: refused, the error summary names the date field and the note is kept
    future = today + dt.timedelta(days=3)
    page.get_by_label("Day").fill(str(future.day))
    page.get_by_label("Month").fill(str(future.month))
    page.get_by_label("Year").fill(str(future.year))
    page.get_by_label("Home visit").check()
    page.get_by_label("Yes", exact=True).check()
    page.get_by_label("Note").fill("Talked about college and her new flat")
    page.get_by_role("button", name="Save contact").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link", name="Date of contact must be today or in the past")).to_have_attribute(
        "href", "#id_day")
    expect(page).to_have_title(re.compile(r"^Error: Record a contact – Leaving Care"))
    expect(page.get_by_label("Note")).to_have_value("Talked about college and her new flat")
    expect(page.get_by_label("Home visit")).to_be_checked()
    expect(page.get_by_label("Day")).to_have_value(str(future.day))
    assert axe_violations(page) == []
    assert not Contact.objects.filter(young_person=casey).exists()

    # corrected: saved once, and shown on the contact history and the young person's page
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Time").fill("00:05")
    page.get_by_role("button", name="Save contact").click()
    expect(page.get_by_text("Contact recorded")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Talked about college and her new flat")
    assert axe_violations(page) == []
    assert Contact.objects.filter(young_person=casey).count() == 1
    page.get_by_role("link", name="Casey Morgan").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Casey Morgan")
    expect(page.locator(".govuk-summary-list__row", has_text="Last contact")).to_contain_text(
        f"{today:%-d %B %Y}, home visit by Pa_North Tester")

    # my worklist: my overdue young person, not my colleague's, and not Casey now she has been seen
    page.goto(f"{live_server.url}/worklists/")
    expect(page.get_by_role("heading", level=1)).to_have_text("My worklist")
    items = page.get_by_role("table")
    expect(items).to_contain_text("Riley Shah")
    expect(items).to_contain_text("Overdue")
    expect(items).not_to_contain_text("Sam Ellis")
    expect(items).not_to_contain_text("Casey Morgan")
    assert axe_violations(page) == []

    # the team worklist: everyone in the team, with counts, caseloads and keeping in touch
    page.get_by_role("link", name="Team worklist").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Team worklist")
    expect(page.get_by_role("table", name="Counts by team")).to_contain_text("North Leaving Care Team")
    items = page.get_by_role("table", name="Overdue and due in the next 14 days")
    expect(items).to_contain_text("Riley Shah")
    expect(items).to_contain_text("Sam Ellis")
    expect(page.get_by_role("heading", name="Caseloads")).to_be_visible()
    assert axe_violations(page) == []
