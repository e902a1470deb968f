"""Recording health, the worklist items it brings, and who sees it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from health import actions
from health.models import HealthProfile, SDQScore
from people.models import CareEpisode, YoungPerson
from people.tests.factories import young_person
from worklists.queries import items


def kinds(as_at, **kw):
    return {(i.young_person.pk, i.due.kind, i.due.due) for i in items(YoungPerson.objects.all(), as_at, **kw)
            if i.due.kind.startswith("health")}


@pytest.mark.parametrize("score, reason, field", [(41, "", "score"), (-3, "", "score"), (None, "", "score"),
                                                  (20, "SDQ4", "reason")])
def test_an_sdq_outside_0_to_40_is_refused_naming_the_field(staff, teams, today, score, reason, field):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    with pytest.raises(ValidationError) as error:
        actions.record_sdq(staff["pa_north"], yp, completed_on=today, score=score, reason=reason)
    assert field in error.value.message_dict and not SDQScore.objects.exists()


def test_an_sdq_score_or_reason_is_saved(staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    actions.record_sdq(staff["pa_north"], yp, completed_on=today, score=40)
    actions.record_sdq(staff["pa_north"], yp, completed_on=today, score=None, reason="SDQ5")
    assert SDQScore.objects.count() == 2


def test_gp_ods_code_is_checked_and_the_profile_is_versioned(staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    with pytest.raises(ValidationError) as error:
        actions.update_profile(staff["pa_north"], yp, gp_practice="Fishergate Hill", gp_ods_code="P81 01")
    assert "gp_ods_code" in error.value.message_dict
    p = actions.update_profile(staff["pa_north"], yp, gp_practice="Fishergate Hill", gp_ods_code="p81001")
    assert p.gp_ods_code == "P81001" and p.version == 2
    with pytest.raises(ValidationError) as error:
        actions.update_profile(staff["pa_north"], yp, passport_issued=True, version=1)
    assert "version" in error.value.message_dict


def test_finance_and_housing_may_not_read_or_record_health(staff, teams, today, client):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    with pytest.raises(PermissionDenied):
        actions.record_sdq(staff["finance"], yp, completed_on=today, score=12)
    client.force_login(staff["housing"])
    assert client.get(f"/health/young-person/{yp.pk}/").status_code == 403
    assert "Health passport" not in client.get(f"/young-people/{yp.pk}/").content.decode()


def test_no_health_passport_at_18_is_on_the_pas_worklist_until_issued(staff, teams, today):
    dob = today.replace(year=today.year - 18) - dt.timedelta(days=3)
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dob)
    due = kinds(today, worker_id=staff["pa_north"].pk)
    assert (yp.pk, "health_passport", today - dt.timedelta(days=3)) in due
    actions.update_profile(staff["pa_north"], yp, passport_issued=True, passport_issued_on=today)
    assert not kinds(today)


def test_annual_health_assessment_while_looked_after(staff, teams, today):
    dob = today.replace(year=today.year - 16) - dt.timedelta(days=30)
    start = today - dt.timedelta(days=365)
    yp = young_person(teams["north"], pa=staff["pa_north"], sw=staff["sw_north"], dob=dob, in_care=(start, None))
    assert CareEpisode.objects.filter(young_person=yp, end_date__isnull=True).exists()
    due = [i for i in items(YoungPerson.objects.all(), today) if i.due.kind == "health_assessment"]
    assert [(i.due.due, i.due.worker_id) for i in due] == [(start.replace(year=start.year + 1), staff["sw_north"].pk)]
    actions.record_check(staff["sw_north"], yp, kind="health_assessment", on=today, status="Completed")
    assert not [i for i in items(YoungPerson.objects.all(), today) if i.due.kind == "health_assessment"]


def test_the_health_page_records_an_sdq_and_keeps_bad_input(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    client.force_login(staff["pa_north"])
    data = {"completed_on_day": today.day, "completed_on_month": today.month, "completed_on_year": today.year,
            "score": "45", "reason": ""}
    html = client.post(f"/health/young-person/{yp.pk}/sdq/", data).content.decode()
    assert "The SDQ score must be between 0 and 40" in html and 'value="45"' in html
    data["score"] = "22"
    assert client.post(f"/health/young-person/{yp.pk}/sdq/", data).status_code == 302
    assert "22" in client.get(f"/health/young-person/{yp.pk}/").content.decode()
    assert HealthProfile.objects.count() == 0


def test_the_worklist_command_keeps_its_json_shape_with_health_items(staff, teams, today):
    import json
    from io import StringIO

    from django.core.management import call_command

    young_person(teams["north"], pa=staff["pa_north"], dob=today.replace(year=today.year - 18))
    out = StringIO()
    call_command("worklist", "--as-at", today.isoformat(), "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert set(data) == {"as_at", "items"}
    passport = [i for i in data["items"] if i["kind"] == "health_passport"]
    assert passport and set(passport[0]) == {"young_person", "kind", "due", "status", "worker"}
    assert passport[0]["worker"] == "ST-pa_north"
