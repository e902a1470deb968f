"""Issue 13: sign-off is checked and confirmed on its own page and refused in words while the young person's view of
the whole plan is blank; a signed-off plan does not look editable and never shows words typed (and refused) since;
a new action is listed under the area chosen in its form; a review does not copy the young person's words; the
needs assessment opens from the plans list."""

from __future__ import annotations

import datetime as dt
import re

from audit.models import AuditEvent
from people.tests.factories import young_person
from plans import actions
from plans.models import NeedsAssessment, PlanDraft, PlanStatus


def shared_plan(staff, teams, views=""):
    yp = young_person(teams["north"], pa=staff["pa_north"], first_name="Jamie")
    plan = actions.start_plan(staff["pa_north"], yp)
    actions.save(staff["pa_north"], plan, {"areas": {"eet": {"my_words": "I want to be a chef",
                                                             "assessment": "Enrolled at college"}},
                                           "young_person_views": views}, base_version=0)
    actions.share(staff["pa_north"], plan)
    plan.refresh_from_db()
    return yp, plan


def test_sign_off_is_a_link_to_a_confirmation_page_not_one_click(client, staff, teams):
    yp, plan = shared_plan(staff, teams, views="I agree with my plan")
    client.force_login(staff["tm_north"])
    page = client.get(f"/plans/{plan.pk}/").content.decode()
    assert f'<a class="govuk-button" href="/plans/{plan.pk}/sign-off/"' in page
    assert 'value="sign_off"' not in page
    # an old one-click form posted to the lifecycle does not sign off: it is sent to the confirmation page
    response = client.post(f"/plans/{plan.pk}/lifecycle/", {"step": "sign_off"})
    assert response.status_code == 302 and response["Location"] == f"/plans/{plan.pk}/sign-off/"
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SHARED
    confirm = client.get(f"/plans/{plan.pk}/sign-off/").content.decode()
    assert "Check the pathway plan before you sign it off" in confirm
    assert "What you are signing off" in confirm and "I agree with my plan" in confirm
    assert "Employment, education and training" in confirm or "I want to be a chef" in confirm
    assert "Next review due by" in confirm and "Confirm and sign off" in confirm
    assert "govuk-warning-text" not in confirm
    response = client.post(f"/plans/{plan.pk}/sign-off/")
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SIGNED_OFF and plan.signed_off_by == staff["tm_north"]


def test_blank_views_warn_and_sign_off_is_refused_with_a_clear_error(client, staff, teams):
    yp, plan = shared_plan(staff, teams, views="   ")
    client.force_login(staff["tm_north"])
    confirm = client.get(f"/plans/{plan.pk}/sign-off/").content.decode()
    assert "govuk-warning-text" in confirm and "views on the whole plan are blank" in confirm
    assert "Confirm and sign off" not in confirm
    assert f'href="/plans/{plan.pk}/#young_person_views"' in confirm
    refused = client.post(f"/plans/{plan.pk}/sign-off/")
    html = refused.content.decode()
    assert refused.status_code == 200 and "<title>Error: " in html
    assert re.search(r'govuk-error-summary.*Record the young person&#x27;s views on the plan before it is signed off',
                     html, re.S)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SHARED
    assert not AuditEvent.objects.filter(object_type="plans.PathwayPlan", object_id=str(plan.pk),
                                         detail__status__new="signed_off").exists()


def test_only_a_manager_of_the_team_reaches_the_confirmation_page(client, staff, teams):
    yp, plan = shared_plan(staff, teams, views="Fine")
    client.force_login(staff["pa_north"])
    assert "/sign-off/" not in client.get(f"/plans/{plan.pk}/").content.decode()
    assert client.get(f"/plans/{plan.pk}/sign-off/").status_code == 403
    assert client.post(f"/plans/{plan.pk}/sign-off/").status_code == 403
    plan.refresh_from_db()
    assert plan.status == PlanStatus.SHARED


def test_a_signed_off_plan_does_not_look_editable_and_shows_no_refused_words(client, staff, teams, today):
    yp, plan = shared_plan(staff, teams, views="I agree with my plan")
    client.force_login(staff["pa_north"])
    # words typed and kept as a draft, then the plan is signed off before they are saved
    client.post(f"/plans/{plan.pk}/autosave/", {"base_version": plan.version, "area-eet-my_words": "Typed later"})
    actions.sign_off(staff["tm_north"], plan, today)
    assert not PlanDraft.objects.filter(plan=plan).exists()
    page = client.get(f"/plans/{plan.pk}/").content.decode()
    for editable in ("<textarea", "Changes are kept as you type", "Save plan", "plans.js", "We kept what you typed",
                     "Add action"):
        assert editable not in page, editable
    assert "This plan is signed off" in page and "I want to be a chef" in page and "Typed later" not in page
    # a save posted from a page opened before sign-off is refused, and its words are not shown as the plan
    refused = client.post(f"/plans/{plan.pk}/", {"base_version": plan.version, "area-eet-my_words": "Refused words",
                                                 "young_person_views": "Refused views"}).content.decode()
    assert "signed off" in refused and "Refused words" not in refused and "Refused views" not in refused
    after = client.get(f"/plans/{plan.pk}/").content.decode()
    assert "Refused words" not in after and "<textarea" not in after
    assert client.post(f"/plans/{plan.pk}/autosave/", {"base_version": plan.version,
                                                       "area-eet-my_words": "Later"}).status_code == 400


def test_a_new_action_is_listed_under_the_area_chosen_in_its_form(client, staff, teams):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    plan = actions.start_plan(staff["pa_north"], yp)
    first, health = plan.areas.order_by("pk").first(), plan.areas.get(area="health")
    assert first != health
    client.force_login(staff["pa_north"])
    # the form's own address names the first area (no JavaScript changed it); the list in the form says health
    response = client.post(f"/plans/{plan.pk}/areas/{first.pk}/actions/", {
        "area": health.pk, "what": "Register with a GP", "who": "Sam (PA)", "by_when_day": "1",
        "by_when_month": "3", "by_when_year": "2031"})
    assert response.status_code == 302 and response["Location"] == f"/plans/{plan.pk}/#area-health"
    assert health.actions.get().what == "Register with a GP" and not first.actions.exists()
    page = client.get(f"/plans/{plan.pk}/").content.decode()
    section = page.split('id="area-health"')[1].split('<h2 class="govuk-heading-m"')[0]
    assert "Register with a GP" in section
    assert page.count("<li>Register with a GP") == 1 and "<li>Register with a GP" in section
    # the list is a real field of the form: no script is needed to choose the area
    assert 'name="area"' in page and "data-sets-action-of" not in page
    # an area of another plan is not found
    other = actions.start_plan(staff["pa_north"], young_person(teams["north"], pa=staff["pa_north"]))
    response = client.post(f"/plans/{plan.pk}/areas/{first.pk}/actions/", {
        "area": other.areas.first().pk, "what": "X", "who": "Y", "by_when_day": "1", "by_when_month": "3",
        "by_when_year": "2031"})
    assert response.status_code == 404


def test_start_a_review_does_not_copy_the_young_persons_own_words(client, staff, teams, today):
    yp, plan = shared_plan(staff, teams, views="I agree with my plan")
    actions.sign_off(staff["tm_north"], plan, today)
    client.force_login(staff["pa_north"])
    response = client.post(f"/plans/young-person/{yp.pk}/")
    review = yp.pathway_plans.get(is_review=True)
    assert response["Location"] == f"/plans/{review.pk}/"
    assert review.young_person_views == "" and review.areas.get(area="eet").my_words == ""
    assert review.areas.get(area="eet").assessment == "Enrolled at college"  # the worker's assessment carries on
    page = client.get(f"/plans/{review.pk}/").content.decode()
    assert "I want to be a chef" not in page and "I agree with my plan" not in page


def test_the_needs_assessment_opens_from_the_plans_list(client, staff, teams):
    yp, plan = shared_plan(staff, teams, views="Fine")
    done = NeedsAssessment.objects.create(young_person=yp, started_on=dt.date(2024, 1, 5),
                                          completed_on=dt.date(2024, 2, 1), author=staff["sw_north"])
    client.force_login(staff["pa_north"])
    listing = client.get(f"/plans/young-person/{yp.pk}/").content.decode()
    url = f"/plans/young-person/{yp.pk}/assessments/{done.pk}/"
    assert f'href="{url}"' in listing
    page = client.get(url).content.decode()
    assert "Needs assessment started 5 January 2024" in page and "Completed" in page and "1 February 2024" in page
    assert staff["sw_north"].get_full_name() in page and f'href="/plans/{plan.pk}/"' in page
    assert AuditEvent.objects.filter(young_person=yp, object_type="page:needs_assessment").exists()
    # another young person's assessment is not found through this one's address
    other = young_person(teams["north"], pa=staff["pa_north"])
    assert client.get(f"/plans/young-person/{other.pk}/assessments/{done.pk}/").status_code == 404
    # out of scope: a worker of another team is refused
    client.force_login(staff["pa_south"])
    assert client.get(url).status_code == 404
