"""Circumstances: verbs, their worklist items and the page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from circumstances import actions
from circumstances.models import Custody, RecordsRequest
from people.models import YoungPerson
from people.tests.factories import young_person
from worklists.queries import items


@pytest.fixture
def yp(staff, teams):
    return young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2003, 1, 10))


def listed(kind, as_at):
    return [(i.due.due, i.due.status, i.due.worker_id) for i in items(YoungPerson.objects.all(), as_at)
            if i.due.kind == kind]


def test_a_release_date_before_the_sentence_date_is_refused_naming_the_field(yp, staff, today):
    with pytest.raises(ValidationError) as error:
        actions.record_custody(staff["pa_north"], yp, establishment="HMP Preston", sentence_date=today,
                               release_date=today - dt.timedelta(days=1))
    assert list(error.value.message_dict) == ["release_date"] and not Custody.objects.exists()


def test_release_planning_is_on_the_worklist_56_days_before_release(yp, staff, today):
    actions.record_custody(staff["pa_north"], yp, establishment="HMP Preston", sentence_date=today - dt.timedelta(
        days=100), release_date=today + dt.timedelta(days=60), offender_manager="J Smith")
    yp.refresh_from_db()
    assert yp.in_custody
    assert listed("release_planning", today) == [(today + dt.timedelta(days=4), "due_soon", staff["pa_north"].pk)]


def test_leave_to_remain_ending_is_on_the_worklist(yp, staff, today):
    actions.save_immigration_case(staff["pa_north"], yp, status="refugee", leave_granted_on=dt.date(2021, 1, 1),
                                  leave_ends_on=today + dt.timedelta(days=80), solicitor="Lancs Law")
    yp.refresh_from_db()
    assert yp.is_uasc and yp.immigration_status == "refugee"
    assert listed("leave_to_remain", today) == [(today - dt.timedelta(days=10), "overdue", staff["pa_north"].pk)]


def test_records_request_due_in_a_calendar_month_and_the_pa_told(yp, staff):
    req = actions.receive_records_request(staff["pa_north"], yp, received_on=dt.date(2025, 1, 31))
    assert req.due_on == dt.date(2025, 2, 28)
    assert listed("records_request", dt.date(2025, 2, 20)) == [(dt.date(2025, 2, 28), "due_soon",
                                                                staff["pa_north"].pk)]
    actions.complete_records_request(staff["pa_north"], req)
    assert RecordsRequest.objects.get().completed_on


def test_step_down_from_21_decided_by_a_manager_and_reopened(yp, staff, today):
    step = actions.request_step_down(staff["pa_north"], yp, requested_on=today, privacy="Wants to be left alone",
                                     safeguarding="No current concerns")
    with pytest.raises(PermissionDenied):
        actions.decide_step_down(staff["pa_north"], step, decision="agreed")
    actions.decide_step_down(staff["tm_north"], step, decision="agreed")
    yp.refresh_from_db()
    assert yp.status == "stepped_down"
    step.refresh_from_db()
    actions.reopen_after_step_down(staff["tm_north"], step)
    yp.refresh_from_db()
    assert yp.status == "open"


def test_step_down_before_21_is_refused(staff, teams, today):
    young = young_person(teams["north"], pa=staff["pa_north"], dob=today.replace(year=today.year - 19))
    with pytest.raises(ValidationError) as error:
        actions.request_step_down(staff["pa_north"], young, requested_on=today, privacy="x", safeguarding="y")
    assert "requested_on" in error.value.message_dict


def test_the_page_shows_circumstances_and_the_summary_top(client, yp, staff, today):
    actions.add_child(staff["pa_north"], yp, first_name="Mia", date_of_birth=dt.date(2024, 3, 1),
                      lives_with="parent", child_protection="cin")
    actions.record_out_of_area(staff["pa_north"], yp, authority_of_residence="Cumberland", since=today)
    actions.refer(staff["pa_north"], yp, kind="lifelong_links", referred_on=today)
    client.force_login(staff["pa_north"])
    page = client.get(f"/circumstances/young-person/{yp.pk}/").content.decode()
    assert "Mia" in page and "Cumberland" in page and "Lifelong Links" in page
    assert "should have a leaving care social worker" in page
    summary = client.get(f"/young-people/{yp.pk}/").content.decode()
    assert "Lives in Cumberland" in summary and "1 child" in summary


def test_a_release_date_before_sentence_on_the_page(client, yp, staff, today):
    client.force_login(staff["pa_north"])
    data = {"establishment": "HMP Preston", "sentence_date_day": "1", "sentence_date_month": "6",
            "sentence_date_year": "2025", "release_date_day": "1", "release_date_month": "5",
            "release_date_year": "2025"}
    html = client.post(f"/circumstances/young-person/{yp.pk}/custody/", data).content.decode()
    assert "The release date must be on or after the sentence date" in html and "HMP Preston" in html
