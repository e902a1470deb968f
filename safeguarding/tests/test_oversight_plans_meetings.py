"""Head of Service oversight, safety plans and multi-agency meetings: verbs, worklist items and pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from people.models import YoungPerson
from people.tests.factories import young_person
from safeguarding import actions
from safeguarding.models import SafetyPlan
from worklists.queries import items


@pytest.fixture
def yp(staff, teams):
    return young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))


def test_oversight_is_started_by_a_manager_reviewed_monthly_and_on_the_worklist(yp, staff, today):
    with pytest.raises(PermissionDenied):
        actions.start_oversight(staff["pa_north"], yp, reason="Exploitation risk")
    o = actions.start_oversight(staff["tm_north"], yp, reason="Exploitation risk",
                                started_on=today - dt.timedelta(days=40))
    yp.refresh_from_db()
    assert yp.head_of_service_oversight and o.review_every_months == 1
    due = [i for i in items(YoungPerson.objects.all(), today) if i.due.kind == "oversight_review"]
    assert [(i.young_person.pk, i.due.status, i.due.worker_id) for i in due] == [
        (yp.pk, "overdue", staff["tm_north"].pk)]
    with pytest.raises(PermissionDenied):
        actions.review_oversight(staff["tm_north"], o, progress="Settled")
    actions.review_oversight(staff["hos"], o, progress="Settled in new flat", actions="Weekly PA visits")
    assert not [i for i in items(YoungPerson.objects.all(), today) if i.due.kind == "oversight_review"]


def test_a_second_oversight_while_one_is_current_is_refused(yp, staff):
    actions.start_oversight(staff["tm_north"], yp, reason="Exploitation risk")
    with pytest.raises(ValidationError) as error:
        actions.start_oversight(staff["tm_north"], yp, reason="Again")
    assert "reason" in error.value.message_dict


def test_the_senior_managers_list_shows_what_changed_since_the_last_review(client, yp, staff, today):
    o = actions.start_oversight(staff["tm_north"], yp, reason="Exploitation risk",
                                started_on=today - dt.timedelta(days=5))
    actions.raise_concern(staff["pa_north"], yp, category="24A", severity="high", what_happened="County lines",
                          occurred_on=today)
    client.force_login(staff["hos"])
    page = client.get("/safeguarding/oversight/").content.decode()
    assert yp.display_name in page and "1 new concern" in page and "Concern: 1" in page
    client.force_login(staff["tm_north"])
    assert client.get("/safeguarding/oversight/").status_code == 403
    assert o.pk


def test_safety_plans_are_versioned_and_never_overwritten(yp, staff):
    p1 = actions.write_safety_plan(staff["pa_north"], yp, risks="Going missing", what_helps="Texting my PA",
                                   who_to_call="PA 07700 900123; police 999")
    p2 = actions.write_safety_plan(staff["pa_north"], yp, risks="Going missing at night", what_helps="Texting",
                                   who_to_call="Out of hours 0300 123 6720", based_on=1)
    p1.refresh_from_db()
    assert (p1.number, p2.number) == (1, 2) and p1.superseded_on and p2.superseded_on is None
    with pytest.raises(ValidationError) as error:
        actions.write_safety_plan(staff["pa_north"], yp, risks="x", what_helps="y", who_to_call="z", based_on=1)
    assert "version" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        actions.write_safety_plan(staff["pa_north"], yp, risks="", what_helps="y", who_to_call="", based_on=2)
    assert set(error.value.message_dict) == {"risks", "who_to_call"}
    assert SafetyPlan.objects.count() == 2


def test_the_summary_shows_the_safety_plan_to_the_pa_only(client, yp, staff):
    actions.write_safety_plan(staff["pa_north"], yp, risks="Going missing", what_helps="Texting my PA",
                              who_to_call="Aunt Jo 07700 900456")
    client.force_login(staff["pa_north"])
    assert "Aunt Jo 07700 900456" in client.get(f"/young-people/{yp.pk}/").content.decode()
    client.force_login(staff["housing"])
    assert "Aunt Jo" not in client.get(f"/young-people/{yp.pk}/").content.decode()


def test_meeting_actions_go_on_the_owners_worklist_until_done(yp, staff, today):
    m = actions.record_meeting(staff["pa_north"], yp, kind="strategy", held_on=today, agencies="Police\nNHS",
                               decisions="Refer to MASH", actions=[{"what": "Check phone contacts",
                                                                    "owner": staff["pa_north"], "due_on": today}])
    assert m.agency_list == ["Police", "NHS"]
    mine = [i for i in items(YoungPerson.objects.all(), today, worker_id=staff["pa_north"].pk)
            if i.due.kind == "meeting_action"]
    assert len(mine) == 1 and mine[0].due.status == "due_soon"
    actions.complete_action(staff["pa_north"], m.actions.get())
    assert not [i for i in items(YoungPerson.objects.all(), today) if i.due.kind == "meeting_action"]


def test_a_meeting_with_no_type_or_agencies_is_refused(yp, staff, today):
    with pytest.raises(ValidationError) as error:
        actions.record_meeting(staff["pa_north"], yp, kind="", held_on=today, agencies="", decisions="x")
    assert {"kind", "agencies"} <= set(error.value.message_dict)
