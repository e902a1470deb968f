"""Pathway plans: areas that fit the young person, one source of truth, conflicts, sign-off, PDF, audits."""

from __future__ import annotations

import datetime as dt
import io
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from pypdf import PdfReader

from people.tests.factories import young_person
from plans import actions
from plans.areas import areas_for
from plans.models import PlanQualityAudit


@pytest.mark.parametrize("circumstances, extra", [({}, set()), ({"uasc": True}, {"immigration"}),
                                                  ({"parenting": True, "custody": True}, {"parenting", "custody"}),
                                                  ({"disability": True}, {"disability"})])
def test_areas_follow_circumstances(circumstances, extra):
    keys = {a.key for a in areas_for(**circumstances)}
    assert len(keys) == 9 + len(extra) and extra <= keys and "identity" in keys


def with_views(plan):
    plan.young_person_views = "I agree with my plan"
    plan.save(update_fields=["young_person_views"])


def test_sign_off_is_refused_while_the_young_persons_view_is_blank(staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    plan = actions.start_plan(staff["pa_north"], yp)
    with pytest.raises(ValidationError) as error:
        actions.sign_off(staff["tm_north"], plan, today)
    assert "young_person_views" in error.value.message_dict


def data(**areas):
    return {"areas": {k: {"my_words": v, "assessment": ""} for k, v in areas.items()}}


def test_review_carries_forward_and_conflicts_never_overwrite(staff, teams):
    yp = young_person(teams["north"], pa=staff["pa_north"], is_uasc=True)
    plan = actions.start_plan(staff["pa_north"], yp)
    assert "immigration" in set(plan.areas.values_list("area", flat=True))
    actions.save(staff["pa_north"], plan, data(eet="I want to be a chef"), base_version=0)
    with pytest.raises(actions.PlanConflict) as conflict:
        actions.save(staff["pa_north2"], plan, data(eet="Something else"), base_version=0)
    assert conflict.value.theirs["areas"]["eet"]["my_words"] == "I want to be a chef"
    plan.refresh_from_db()
    assert plan.areas.get(area="eet").my_words == "I want to be a chef" and plan.versions.count() == 1
    with_views(plan)
    actions.sign_off(staff["tm_north"], plan, dt.date.today())
    review = actions.start_plan(staff["pa_north"], yp)
    # A review asks the young person again: their own words are not copied into it (issue 13)
    assert review.is_review and review.areas.get(area="eet").my_words == ""


def test_only_managers_sign_off_and_review_dates_are_checked(staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    plan = actions.start_plan(staff["pa_north"], yp)
    with pytest.raises(PermissionDenied, match="Only a team manager"):
        actions.sign_off(staff["pa_north"], plan, today)
    with_views(plan)
    with pytest.raises(ValidationError, match="review date must be after"):
        actions.sign_off(staff["tm_north"], plan, today, next_review=today - dt.timedelta(days=1))
    actions.sign_off(staff["tm_north"], plan, today)
    plan.refresh_from_db()
    assert plan.status == "signed_off" and plan.next_review_due > today


def test_an_action_needs_an_owner_and_a_date(staff, teams):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    area = actions.start_plan(staff["pa_north"], yp).areas.get(area="identity")
    with pytest.raises(ValidationError) as error:
        actions.add_action(staff["pa_north"], area, "Apply for a passport", "", None)
    assert set(error.value.message_dict) == {"who", "by_when"}


def test_pdf_is_tagged_and_in_their_words(staff, teams, tmp_path):
    yp = young_person(teams["north"], pa=staff["pa_north"], la_person_id="PDF1")
    plan = actions.start_plan(staff["pa_north"], yp)
    actions.save(staff["pa_north"], plan, data(eet="I want to be a chef"), base_version=0)
    out = tmp_path / "plan.pdf"
    call_command("export_plan", "PDF1", "--out", str(out), stdout=StringIO())
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"] and root["/Lang"] == "en-GB"
    text = "".join(p.extract_text() for p in reader.pages)
    assert "I want to be a chef" in text and "pathway plan" in text


def test_autosaved_draft_comes_back_after_signing_in_again(client, staff, teams):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    plan = actions.start_plan(staff["pa_north"], yp)
    client.force_login(staff["pa_north"])
    client.post(f"/plans/{plan.pk}/autosave/", {"base_version": 0, "area-eet-my_words": "Half a thought"})
    client.logout()
    assert client.post(f"/plans/{plan.pk}/autosave/", {"base_version": 0}).status_code == 401
    client.force_login(staff["pa_north"])
    page = client.get(f"/plans/{plan.pk}/").content.decode()
    assert "Half a thought" in page and "We kept what you typed" in page


def test_audit_report_shows_grades_by_team(client, staff, teams):
    for grade in ["Good", "Good", "Requires Improvement"]:
        plan = actions.start_plan(staff["pa_north"], young_person(teams["north"], pa=staff["pa_north"]))
        actions.audit(staff["hos"], plan, grade, {}, "", "")
    assert PlanQualityAudit.objects.count() == 3
    client.force_login(staff["hos"])
    page = client.get("/plans/quality/").content.decode()
    assert "67% (2)" in page and "33% (1)" in page


def test_actions_are_completed_and_time_to_complete_is_reported(client, staff, teams):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    area = actions.start_plan(staff["pa_north"], yp).areas.get(area="identity")
    act = actions.add_action(staff["pa_north"], area, "Apply for a passport", "Sam (PA)", dt.date.today())
    client.force_login(staff["pa_north"])
    client.post(f"/plans/{area.plan_id}/actions/{act.pk}/done/")
    act.refresh_from_db()
    assert act.status == "done" and act.completed_on == dt.date.today()
    client.force_login(staff["hos"])
    assert "0 days on average" in client.get("/plans/quality/").content.decode()


def test_a_significant_change_brings_the_review_forward_onto_the_worklist(staff, teams, today):
    from worklists.due import next_due_for

    yp = young_person(teams["north"], pa=staff["pa_north"])
    plan = actions.start_plan(staff["pa_north"], yp)
    with_views(plan)
    actions.sign_off(staff["tm_north"], plan, today)
    with pytest.raises(ValidationError) as error:
        actions.bring_review_forward(staff["pa_north"], plan, today - dt.timedelta(days=1), "")
    assert set(error.value.message_dict) == {"review_due", "review_reason"}
    actions.bring_review_forward(staff["pa_north"], plan, today + dt.timedelta(days=7), "Moved into a tenancy")
    review = next(d for d in next_due_for(yp, today) if d.kind == "pathway_plan_review")
    assert review.due == today + dt.timedelta(days=7) and review.status == "due_soon"


def test_a_bad_action_date_is_named_and_what_was_typed_is_kept(client, staff, teams):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    plan = actions.start_plan(staff["pa_north"], yp)
    area = plan.areas.get(area="identity")
    client.force_login(staff["pa_north"])
    response = client.post(f"/plans/{plan.pk}/areas/{area.pk}/actions/", {
        "what": "Apply for a passport", "who": "Sam (PA)", "by_when_day": "31", "by_when_month": "2",
        "by_when_year": "2030"})
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: Pathway plan" in page
    assert '<a href="#action-by_when">By when must be a real date</a>' in page
    assert 'value="Apply for a passport"' in page and 'value="Sam (PA)"' in page
    assert 'name="by_when_day" type="text" inputmode="numeric" value="31"' in page
    assert f'action="/plans/{plan.pk}/areas/{area.pk}/actions/"' in page  # the area chosen stays chosen
    assert not area.actions.exists()
    response = client.post(f"/plans/{plan.pk}/areas/{area.pk}/actions/", {
        "what": "Apply for a passport", "who": "Sam (PA)", "by_when_day": "28", "by_when_month": "2",
        "by_when_year": "2030"})
    assert response.status_code == 302 and area.actions.get().by_when == dt.date(2030, 2, 28)


def test_an_action_before_the_plan_started_is_refused_on_the_date_field(client, staff, teams):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    plan = actions.start_plan(staff["pa_north"], yp)
    area = plan.areas.first()
    client.force_login(staff["pa_north"])
    page = client.post(f"/plans/{plan.pk}/areas/{area.pk}/actions/", {
        "what": "Open a bank account", "who": "", "by_when_day": "1", "by_when_month": "1",
        "by_when_year": "2001"}).content.decode()
    assert '<a href="#action-who">Enter who will do it</a>' in page
    assert '<a href="#action-by_when">The date must be on or after the plan was started</a>' not in page  # one step
    page = client.post(f"/plans/{plan.pk}/areas/{area.pk}/actions/", {
        "what": "Open a bank account", "who": "Sam", "by_when_day": "1", "by_when_month": "1",
        "by_when_year": "2001"}).content.decode()
    assert '<a href="#action-by_when">The date must be on or after the plan was started</a>' in page


def test_a_bad_review_date_is_named_and_what_was_typed_is_kept(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    plan = actions.start_plan(staff["pa_north"], yp)
    with_views(plan)
    actions.sign_off(staff["tm_north"], plan, today)
    client.force_login(staff["pa_north"])
    response = client.post(f"/plans/{plan.pk}/lifecycle/", {
        "step": "review_due", "review_reason": "Moved into a tenancy", "review_due_day": "12",
        "review_due_month": "", "review_due_year": "2031"})
    page = response.content.decode()
    assert response.status_code == 200 and "<title>Error: Pathway plan" in page
    assert '<a href="#id_review_due">Review due by must include a month</a>' in page
    assert 'value="Moved into a tenancy"' in page
    assert 'name="review_due_day" type="text" inputmode="numeric" value="12"' in page
    assert "<details class=\"govuk-details\" open>" in page
    due = today + dt.timedelta(days=7)
    response = client.post(f"/plans/{plan.pk}/lifecycle/", {
        "step": "review_due", "review_reason": "Moved into a tenancy", "review_due_day": due.day,
        "review_due_month": due.month, "review_due_year": due.year})
    plan.refresh_from_db()
    assert response.status_code == 302 and plan.next_review_due == due
