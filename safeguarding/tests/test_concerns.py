"""Raising, acknowledging, escalating and deciding concerns, and who sees what."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from audit.models import AuditEvent
from people.tests.factories import young_person
from safeguarding import actions
from safeguarding.models import Concern, Notice


def concern(yp, who, **extra):
    values = {"category": "15A", "severity": "high", "what_happened": "Cuts on her arm seen at the hub",
              "occurred_on": timezone.localdate(), "immediate_action": "First aid; GP appointment made", **extra}
    return actions.raise_concern(who, yp, **values)


@pytest.fixture
def yp(staff, teams):
    return young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))


def test_raising_a_concern_tells_the_team_manager_at_once_and_is_audited(yp, staff):
    c = concern(yp, staff["pa_north"])
    assert list(Notice.objects.filter(concern=c).values_list("recipient__username", "level")) == [("tm_north", 0)]
    event = AuditEvent.objects.get(object_type="safeguarding.Concern", object_id=str(c.pk))
    assert event.action == "create" and event.detail["category"] == "15A"


@pytest.mark.parametrize("bad, field", [
    ({"category": ""}, "category"), ({"category": "4B"}, "category"), ({"severity": "extreme"}, "severity"),
    ({"what_happened": "  "}, "what_happened"), ({"occurred_on": None}, "occurred_on"),
])
def test_a_concern_with_missing_or_wrong_fields_is_refused_naming_the_field(yp, staff, bad, field):
    with pytest.raises(ValidationError) as error:
        concern(yp, staff["pa_north"], **bad)
    assert field in error.value.message_dict
    assert not Concern.objects.exists() and not Notice.objects.exists()


def test_acknowledgement_by_someone_who_is_not_a_manager_is_refused_naming_the_field(yp, staff):
    c = concern(yp, staff["pa_north"])
    with pytest.raises(ValidationError) as error:
        actions.acknowledge(staff["pa_north"], c)
    assert "acknowledged_by" in error.value.message_dict
    c.refresh_from_db()
    assert c.acknowledged_at is None and c.version == 1


def test_a_manager_of_another_team_may_not_acknowledge(yp, staff):
    c = concern(yp, staff["pa_north"])
    with pytest.raises(PermissionDenied):
        actions.acknowledge(staff["tm_south"], c)


def test_unacknowledged_concerns_escalate_to_the_senior_manager_then_the_head_of_service(yp, staff):
    from accounts.roles import Role
    from conftest import make_user

    head = make_user("head", Role.SENIOR_MANAGER, job_title="Head of Service")
    c = concern(yp, staff["pa_north"])
    raised = c.raised_at
    assert actions.escalate_overdue(raised + dt.timedelta(hours=23)) == []
    assert [x.pk for x in actions.escalate_overdue(raised + dt.timedelta(hours=24, minutes=1))] == [c.pk]
    c.refresh_from_db()
    assert c.escalation_level == 1
    assert set(Notice.objects.filter(concern=c, level=1).values_list("recipient__username", flat=True)) == {
        "hos", "head"}
    assert actions.escalate_overdue(raised + dt.timedelta(hours=30)) == []  # idempotent
    actions.escalate_overdue(raised + dt.timedelta(hours=49))
    c.refresh_from_db()
    assert c.escalation_level == 2
    assert list(Notice.objects.filter(concern=c, level=2).values_list("recipient", flat=True)) == [head.pk]


def test_an_acknowledged_concern_does_not_escalate(yp, staff):
    c = concern(yp, staff["pa_north"])
    actions.acknowledge(staff["tm_north"], c)
    assert actions.escalate_overdue(c.raised_at + dt.timedelta(days=5)) == []


def test_the_escalation_time_is_the_authoritys_setting(yp, staff, authority):
    authority.config = {"concern_escalate_after_hours": 2}
    authority.save()
    c = concern(yp, staff["pa_north"])
    assert [x.pk for x in actions.escalate_overdue(c.raised_at + dt.timedelta(hours=2))] == [c.pk]


def test_the_escalate_command(yp, staff):
    c = concern(yp, staff["pa_north"])
    Concern.objects.filter(pk=c.pk).update(raised_at=timezone.now() - dt.timedelta(hours=25))
    out = StringIO()
    call_command("escalate_concerns", stdout=out)
    assert "escalated to the senior manager" in out.getvalue()


def test_the_manager_decides_and_closes(yp, staff):
    c = concern(yp, staff["pa_north"])
    with pytest.raises(ValidationError) as error:
        actions.decide(staff["tm_north"], c, decision="nfa", note="")
    assert "decision_note" in error.value.message_dict
    c = actions.decide(staff["tm_north"], c, decision="strategy_meeting", note="Risk of exploitation", close=True)
    assert c.acknowledged_by == staff["tm_north"] and c.decided_by == staff["tm_north"] and c.closed_on
    with pytest.raises(ValidationError):
        actions.decide(staff["pa_north"], c, decision="police")


def test_a_save_from_an_older_version_is_refused(yp, staff):
    c = concern(yp, staff["pa_north"])
    actions.acknowledge(staff["tm_north"], c, version=1)
    with pytest.raises(ValidationError) as error:
        actions.decide(staff["tm_north"], c, decision="police", version=1)
    assert "version" in error.value.message_dict


# ---------------------------------------------------------------- pages


def test_raising_a_concern_from_the_page_and_the_summary_shows_it(client, yp, staff, today):
    client.force_login(staff["pa_north"])
    data = {"category": "11A", "severity": "high", "occurred_on_day": today.day, "occurred_on_month": today.month,
            "occurred_on_year": today.year, "what_happened": "Seen with older men in a car", "immediate_action": ""}
    assert client.post(f"/safeguarding/young-person/{yp.pk}/concern/", data).status_code == 302
    page = client.get(f"/young-people/{yp.pk}/").content.decode()
    assert "Sexual exploitation" in page and "not acknowledged, with the team manager" in page


def test_a_concern_with_no_category_keeps_what_was_typed(client, yp, staff, today):
    client.force_login(staff["pa_north"])
    data = {"category": "", "severity": "high", "occurred_on_day": today.day, "occurred_on_month": today.month,
            "occurred_on_year": today.year, "what_happened": "Seen with older men in a car"}
    html = client.post(f"/safeguarding/young-person/{yp.pk}/concern/", data).content.decode()
    assert "Select category" in html and "Seen with older men in a car" in html
    assert not Concern.objects.exists()


@pytest.mark.parametrize("who, sees_detail", [("pa_north", True), ("tm_north", True), ("hos", True),
                                              ("finance", False), ("housing", False), ("pa_north2", False)])
def test_safeguarding_detail_only_for_allocated_workers_and_managers(client, yp, staff, who, sees_detail):
    concern(yp, staff["pa_north"])
    client.force_login(staff[who])
    page = client.get(f"/young-people/{yp.pk}/").content.decode()
    assert ("Self-harm" in page) is sees_detail
    assert ("Cuts on her arm" in client.get(f"/safeguarding/young-person/{yp.pk}/").content.decode()) is False
    if not sees_detail:
        assert "1 open safeguarding concern" in page
        c = Concern.objects.get()
        assert client.get(f"/safeguarding/concern/{c.pk}/").status_code == 403


def test_the_team_manager_acknowledges_from_the_concern_page(client, yp, staff):
    c = concern(yp, staff["pa_north"])
    client.force_login(staff["tm_north"])
    page = client.get("/safeguarding/concerns/").content.decode()
    assert "Self-harm" in page and "New" in page
    assert "Cuts on her arm" in client.get(f"/safeguarding/concern/{c.pk}/").content.decode()
    client.post(f"/safeguarding/concern/{c.pk}/acknowledge/", {"version": "1"})
    c.refresh_from_db()
    assert c.acknowledged_by == staff["tm_north"]


def test_a_personal_adviser_posting_an_acknowledgement_is_told_no(client, yp, staff):
    c = concern(yp, staff["pa_north"])
    client.force_login(staff["pa_north"])
    response = client.post(f"/safeguarding/concern/{c.pk}/acknowledge/", follow=True)
    assert "Only a team manager or senior manager can acknowledge" in response.content.decode()
    c.refresh_from_db()
    assert c.acknowledged_at is None
