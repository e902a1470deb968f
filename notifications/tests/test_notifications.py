"""Notifications (issue 13): an inbox with what needs the person, made by the verbs through one function;
emails stay in the local outbox unless GOV.UK Notify is set up, and never carry personal details."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from money import actions as money
from money.models import Entitlement
from money.presets import load_catalogue
from notifications import notify
from notifications.models import Notification, OutboxEmail
from people.tests.factories import young_person
from plans import actions as plans

pytestmark = pytest.mark.django_db


@pytest.fixture
def suha(db: Any) -> Entitlement:
    load_catalogue()
    return Entitlement.objects.get(code="SUHA")


def test_money_request_waits_for_the_manager_and_the_decision_comes_back(staff: dict, teams: dict,
                                                                         suha: Entitlement) -> None:
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    req = money.raise_request(staff["pa_north"], yp, suha, "120.00", "Kettle and pans")
    waiting = Notification.objects.get(recipient=staff["tm_north"])
    assert waiting.kind == "money_decision" and "£120.00" in waiting.text
    assert not Notification.objects.filter(recipient=staff["tm_south"]).exists()
    money.reject(staff["tm_north"], req, "Already bought by the foster carer")
    decided = Notification.objects.get(recipient=staff["pa_north"])
    assert decided.kind == "money_decided" and "rejected" in decided.text


def test_plan_shared_and_signed_off(staff: dict, teams: dict) -> None:
    yp = young_person(teams["north"], pa=staff["pa_north"])
    plan = plans.start_plan(staff["pa_north"], yp)
    plans.share(staff["pa_north"], plan)
    assert Notification.objects.filter(recipient=staff["tm_north"], kind="plan_shared").exists()
    assert not Notification.objects.filter(recipient=staff["pa_north"], kind="plan_shared").exists()  # the actor


def test_emails_carry_no_personal_details(staff: dict, teams: dict) -> None:
    yp = young_person(teams["north"], pa=staff["pa_north"], first_name="Zebedee", last_name="Quill")
    staff["pa_north"].email = "pa@example.org"
    staff["pa_north"].save()
    notify(staff["pa_north"], "task_given", "Task for Zebedee Quill: ring", url="/tasks/", young_person=yp)
    email = OutboxEmail.objects.get()
    assert email.to == "pa@example.org" and email.sent_via == "outbox"
    assert "Zebedee" not in email.body + email.subject and "Quill" not in email.body + email.subject


def test_nobody_is_told_about_a_record_they_cannot_see(staff: dict, teams: dict) -> None:
    yp = young_person(teams["north"], pa=staff["pa_north"])
    assert notify([staff["pa_south"], staff["analyst"]], "other", "x", young_person=yp) == []


def test_inbox_in_the_header_and_opening_marks_read(client: Any, staff: dict, teams: dict) -> None:
    yp = young_person(teams["north"], pa=staff["pa_north"])
    item = notify(staff["pa_north"], "task_given", "Task for someone: ring the college", url=f"/young-people/{yp.pk}/",
                  young_person=yp)[0]
    client.force_login(staff["pa_north"])
    page = client.get("/notifications/").content.decode()
    assert 'href="/notifications/"' in page and "ring the college" in page and "1<span" in page
    response = client.post(f"/notifications/{item.pk}/open/")
    assert response.status_code == 302 and response["Location"] == f"/young-people/{yp.pk}/"
    item.refresh_from_db()
    assert item.read_at is not None
    client.force_login(staff["pa_south"])
    assert client.post(f"/notifications/{item.pk}/open/").status_code == 404
