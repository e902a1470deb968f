"""The app's pages as a young person uses them, and what their PA sees."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from accounts.policy import may
from audit.models import Action, AuditEvent
from money.models import PaymentRequest
from money.presets import load_catalogue
from plans import actions as plan_actions
from plans.models import PlanAction, PlanVersion
from youngapp import actions
from youngapp.models import MESSAGE_LIMIT, Message, OutboxMessage, PlanResponse

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_plan(yp: Any, staff: dict[str, Any]) -> Any:
    pa = staff["pa_north"]
    plan = plan_actions.start_plan(pa, yp)
    plan_actions.save(pa, plan, {"areas": {"eet": {"my_words": "I want to be a mechanic",
                                                   "assessment": "STAFF ONLY ASSESSMENT"}}}, plan.version)
    area = plan.areas.get(area="eet")
    plan_actions.add_action(pa, area, "Apply to college", "Sam", timezone.localdate() + dt.timedelta(days=30))
    plan_actions.add_action(pa, area, "Find a bursary", "PA", timezone.localdate() + dt.timedelta(days=30))
    return plan_actions.share(pa, plan)


def test_home_shows_my_pa_when_we_meet_and_help_now(app_client: Client, staff: dict[str, Any]) -> None:
    page = app_client.get("/app/").content.decode()
    assert "Pa_North Tester" in page and "will be in touch by" in page
    assert "I need help now" in page and "116 123" in page and "Emergency Duty Team" in page
    assert "govuk-service-navigation" not in page  # not the staff navigation


def test_every_page_view_is_audited(app_client: Client, yp: Any) -> None:
    for url in ("/app/", "/app/plan/", "/app/money/", "/app/messages/", "/app/record/"):
        assert app_client.get(url).status_code == 200
    seen = set(AuditEvent.objects.filter(young_person=yp, action=Action.VIEW).values_list("object_type", flat=True))
    assert {"app:home", "app:plan", "app:money", "app:messages", "app:record"} <= seen


def test_my_money_shows_entitlements_now_and_what_changes_at_18(app_client: Client) -> None:
    load_catalogue()
    page = app_client.get("/app/money/").content.decode()
    assert "Clothing allowance" in page and "£25.00" in page
    assert "When I turn 18" in page and "<strong>Clothing allowance</strong> stops" in page
    assert "Council tax grant" in page and "When I turn 21" in page
    assert "Setting Up Home Allowance left:</strong> £3,000.00" in page


def test_asking_for_money_enters_the_staff_approval_flow(app_client: Client, yp: Any, access: Any) -> None:
    load_catalogue()
    bad = app_client.post("/app/money/ask/", {"entitlement": "EET", "amount": "lots", "reason": "Course books"})
    assert "Amount must be an amount of money" in bad.content.decode() and "Course books" in bad.content.decode()
    done = app_client.post("/app/money/ask/", {"entitlement": "EET", "amount": "45.00", "reason": "Course books"})
    assert done.status_code == 302
    req = PaymentRequest.objects.get(young_person=yp)
    assert req.requested_by == access.user and req.status == "requested" and str(req.amount) == "45.00"
    assert "Waiting for a decision" in app_client.get("/app/money/").content.decode()


def test_money_and_messages_ask_for_a_new_code_after_twelve_hours(app_client: Client) -> None:
    session = app_client.session
    session["app_code_at"] = time.time() - 13 * 3600
    session.save()
    response = app_client.post("/app/messages/", {"body": "Are you there?"})
    assert response.status_code == 302 and response["Location"].startswith("/app/check/")
    assert Message.objects.count() == 0
    assert app_client.get("/app/money/ask/")["Location"].startswith("/app/check/")
    page = app_client.get("/app/check/?next=/app/messages/")
    assert "sent a new code" in page.content.decode()
    from youngapp.tests.conftest import last_code

    back = app_client.post("/app/check/", {"code": last_code("sam@example.org"), "next": "/app/messages/"})
    assert back["Location"] == "/app/messages/"
    assert "Are you there?" in app_client.get("/app/messages/").content.decode()  # what was typed is kept


def test_messages_both_ways_and_the_notice_says_only_that_there_is_one(
        app_client: Client, yp: Any, staff: dict[str, Any], staff_client: Any) -> None:
    assert app_client.post("/app/messages/", {"body": "Can I get help with my CV?"}).status_code == 302
    pa = staff_client(staff["pa_north"])
    assert "1 new message from young people" in pa.get("/app/staff/messages/").content.decode()
    panel = pa.get(f"/young-people/{yp.pk}/").content.decode()
    assert "1 new message" in panel
    page = pa.get(f"/app/staff/young-person/{yp.pk}/").content.decode()
    assert "Can I get help with my CV?" in page
    assert pa.post(f"/app/staff/young-person/{yp.pk}/", {"body": "Yes, bring it on Tuesday"}).status_code == 302
    notice = OutboxMessage.objects.filter(to="sam@example.org").order_by("-pk").first()
    assert notice.subject == "You have a message" and "Tuesday" not in notice.body
    assert "Yes, bring it on Tuesday" in app_client.get("/app/messages/").content.decode()
    assert Message.objects.get(body="Can I get help with my CV?").answered_at is not None


def test_a_message_over_the_limit_is_refused_with_the_limit_shown_and_kept(app_client: Client) -> None:
    text = "a" * (MESSAGE_LIMIT + 5)
    page = app_client.post("/app/messages/", {"body": text})
    assert page.status_code == 200
    assert f"must be {MESSAGE_LIMIT:,} characters or fewer. It has {MESSAGE_LIMIT + 5:,}" in page.content.decode()
    assert text in page.content.decode() and Message.objects.count() == 0


def test_a_message_written_offline_is_sent_once(app_client: Client, yp: Any) -> None:
    for _ in range(2):
        reply = app_client.post("/app/messages/send/", {"body": "Written on the bus", "key": "k-1"},
                                content_type="application/json")
        assert reply.status_code == 200 and reply.json()["status"] == "sent"
    assert Message.objects.filter(young_person=yp, body="Written on the bus").count() == 1
    long = app_client.post("/app/messages/send/", {"body": "b" * 2000, "key": "k-2"}, content_type="application/json")
    assert long.status_code == 400 and "1,000 characters" in long.json()["errors"]["body"][0]


def test_unanswered_for_two_working_days_goes_on_the_pas_worklist(app_client: Client, yp: Any,
                                                                  staff: dict[str, Any], staff_client: Any) -> None:
    app_client.post("/app/messages/", {"body": "Hello?"})
    pa = staff_client(staff["pa_north"])
    assert "Message not answered" not in pa.get("/worklists/").content.decode()
    Message.objects.update(sent_at=timezone.now() - dt.timedelta(days=7))
    page = pa.get("/worklists/").content.decode()
    assert "From young people's app" in page and "Message not answered" in page
    assert "Message not answered" not in staff_client(staff["pa_north2"]).get("/worklists/").content.decode()


def test_my_plan_in_my_words_with_my_actions(app_client: Client, shared_plan: Any, yp: Any) -> None:
    page = app_client.get("/app/plan/").content.decode()
    assert "I want to be a mechanic" in page and "Apply to college" in page
    assert "STAFF ONLY ASSESSMENT" not in page
    mine = PlanAction.objects.get(what="Apply to college")
    theirs = PlanAction.objects.get(what="Find a bursary")
    assert app_client.post(f"/app/plan/actions/{mine.pk}/done/").status_code == 302
    mine.refresh_from_db()
    assert mine.status == "done"
    app_client.post(f"/app/plan/actions/{theirs.pk}/done/")
    theirs.refresh_from_db()
    assert theirs.status != "done"


def test_my_answer_to_a_shared_plan_is_recorded_on_the_plan_as_mine(app_client: Client, shared_plan: Any,
                                                                     access: Any) -> None:
    missing = app_client.post("/app/plan/answer/", {"views": "Mostly good"})
    assert "Say whether you agree" in missing.content.decode() or "Select do you agree" in missing.content.decode()
    assert app_client.post("/app/plan/answer/", {"agrees": "no", "views": "I want to live nearer my sister"}
                           ).status_code == 302
    shared_plan.refresh_from_db()
    assert shared_plan.young_person_views.startswith("I do not agree with my plan. I want to live nearer my sister")
    assert "Sam" in shared_plan.young_person_views
    assert PlanVersion.objects.filter(plan=shared_plan, saved_by=access.user).exists()
    assert AuditEvent.objects.filter(actor=access.user, object_type="plans.PathwayPlan", action=Action.CHANGE).exists()


def test_asking_for_a_review_lands_on_the_pas_worklist(app_client: Client, shared_plan: Any,
                                                       staff: dict[str, Any], staff_client: Any, yp: Any) -> None:
    assert app_client.post("/app/plan/review/", {"reason": "I moved to a new flat"}).status_code == 302
    again = app_client.post("/app/plan/review/", {"reason": "Again"})
    assert "already asked for a review" in again.content.decode()
    pa = staff_client(staff["pa_north"])
    assert "Asked for a plan review" in pa.get("/worklists/").content.decode()
    review = PlanResponse.objects.get(kind="review")
    pa.post(f"/app/staff/young-person/{yp.pk}/plan/{review.pk}/done/")
    assert "Asked for a plan review" not in pa.get("/worklists/").content.decode()


def test_my_record_and_asking_to_see_my_whole_file(app_client: Client, staff: dict[str, Any], staff_client: Any,
                                                   yp: Any) -> None:
    page = app_client.get("/app/record/").content.decode()
    assert "Sam" in page and "Date of birth" in page and "See my whole file" in page
    refused = app_client.post("/app/record/see-my-file/", {"note": "please"})
    assert refused.status_code == 200 and "please" in refused.content.decode()
    assert app_client.post("/app/record/see-my-file/", {"pa_helps": "yes"}).status_code == 302
    assert "Asked to see their file with your help" in staff_client(staff["pa_north"]).get("/worklists/"
                                                                                          ).content.decode()


# ---------------------------------------------------------------- only my own record


def test_another_young_persons_ids_answer_404(app_client: Client, other: Any, other_access: Any,
                                              staff: dict[str, Any]) -> None:
    pa = staff["pa_north2"]
    plan = plan_actions.start_plan(pa, other)
    act = plan_actions.add_action(pa, plan.areas.first(), "Kim's action", "Kim",
                                  timezone.localdate() + dt.timedelta(days=3))
    plan_actions.share(pa, plan)
    assert app_client.post(f"/app/plan/actions/{act.pk}/done/").status_code == 404
    act.refresh_from_db()
    assert act.status != "done"
    assert AuditEvent.objects.filter(action=Action.DENIED, object_type="plans.PlanAction").exists()


@pytest.mark.parametrize("url", ["/young-people/", "/worklists/", "/plans/", "/money/", "/performance/",
                                 "/app/staff/messages/", "/django-admin/", "/"])
def test_staff_pages_send_a_young_person_to_the_app(app_client: Client, url: str, other: Any) -> None:
    response = app_client.get(url)
    assert response.status_code == 302 and response["Location"] == "/app/"


def test_the_staff_api_refuses_a_young_person(app_client: Client, other: Any) -> None:
    for url in ("/api/v1/me/", "/api/v1/young-people/", f"/api/v1/young-people/{other.pk}/"):
        assert app_client.get(url).status_code == 403


def test_a_young_persons_api_token_is_refused(access: Any) -> None:
    from api.models import ApiToken

    _, key = ApiToken.issue(access.user)
    assert Client().get("/api/v1/me/", HTTP_AUTHORIZATION=f"Token {key}").status_code in (401, 403)


def test_staff_get_no_young_person_permissions_and_young_people_get_no_staff_ones(
        access: Any, other: Any, yp: Any, staff: dict[str, Any]) -> None:
    user = access.user
    assert may(user, "youngapp.view_own", yp) and not may(user, "youngapp.view_own", other)
    assert may(user, "money.raise_request", yp) and not may(user, "money.raise_request", other)
    for perm in ("people.change_record", "plans.change_plan", "money.decide", "youngapp.reply", "youngapp.invite"):
        assert not may(user, perm, yp), perm
    assert not may(staff["pa_north"], "youngapp.view_own", yp)
    from people.scope import young_people_for

    assert not young_people_for(user).exists()
    actions.set_suspended(staff["pa_north"], access, True, "Lost phone")
    from accounts.models import User

    assert not may(User.objects.get(pk=user.pk), "youngapp.view_own", yp)


def test_staff_visiting_the_app_are_told_it_is_for_young_people(staff: dict[str, Any], staff_client: Any) -> None:
    page = staff_client(staff["pa_north"]).get("/app/")
    assert page.status_code == 403 and "This app is for young people" in page.content.decode()


def test_the_app_installs_and_works_offline() -> None:
    client = Client()
    manifest = client.get("/app/manifest.webmanifest").json()
    assert manifest["start_url"] == "/app/" and manifest["display"] == "standalone"
    assert {i["sizes"] for i in manifest["icons"]} == {"192x192", "512x512"}
    worker = client.get("/app/sw.js")
    assert worker["Service-Worker-Allowed"] == "/app/" and "/app/offline/" in worker.content.decode()
    assert "You are offline" in client.get("/app/offline/").content.decode()


def test_a_message_from_the_young_person_is_in_the_pas_notifications(app_client: Client, yp: Any,
                                                                    staff: dict[str, Any],
                                                                    staff_client: Any) -> None:
    from notifications.models import Kind, Notification, OutboxEmail

    app_client.post("/app/messages/", {"body": "My secret worry about the flat"})
    item = Notification.objects.get(recipient=staff["pa_north"], kind=Kind.APP_MESSAGE)
    assert item.young_person == yp and item.url == f"/app/staff/young-person/{yp.pk}/"
    assert "secret worry" not in item.text
    assert not Notification.objects.filter(recipient=staff["pa_north2"]).exists()
    email = OutboxEmail.objects.filter(notification=item).first()
    assert email is None or ("secret worry" not in email.body and yp.last_name not in email.body)
    inbox = staff_client(staff["pa_north"]).get("/notifications/").content.decode()
    assert "New message from" in inbox
