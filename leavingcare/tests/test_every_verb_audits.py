"""Every verb writes its audit event, with old and new values where it changes a stored row.

The verbs are found by reading every app's actions.py (public functions whose first argument is ``actor``), so
a new verb fails ``test_every_verb_has_a_recipe`` until a recipe for it is added below.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.apps import apps
from django.utils import timezone

from audit.models import Action, AuditEvent
from people.tests.helpers import allocate_now, make_yp

pytestmark = pytest.mark.django_db

# Functions in actions.py that take an actor but change no record: answers, or a person's own unsaved draft.
NOT_VERBS = {"contacts.actions.can_edit", "contacts.actions.can_change",
             "plans.actions.autosave",  # the draft is the writer's own, until they save the plan
             # a young person's own verbs need an invited young person: youngapp/tests check their events
             "plans.actions.record_young_person_views", "plans.actions.complete_own_action"}


# The apps of the core record and of administration. Apps added for later features (housing, safeguarding,
# health, circumstances, tasks, the young person's app, corporate parenting, ...) test their own verbs' events
# in their own tests.
CORE = {"people", "contacts", "accommodation", "money", "plans", "org", "accounts"}


def all_verbs() -> list[str]:
    found = []
    for config in apps.get_app_configs():
        if config.name not in CORE:
            continue
        try:
            module = importlib.import_module(f"{config.name}.actions")
        except ModuleNotFoundError:
            continue
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            params = list(inspect.signature(fn).parameters)
            if params and params[0] == "actor" and f"{module.__name__}.{name}" not in NOT_VERBS:
                found.append(f"{module.__name__}.{name}")
    return sorted(found)


def _world(staff: dict[str, Any], teams: dict[str, Any]) -> dict[str, Any]:
    from money.models import Entitlement
    from money.presets import load_catalogue
    from money.queries import entitled_today
    from plans import actions as plans

    yp = make_yp(age=19, team=teams["north"])
    allocate_now(yp, staff["pa_north"])
    plan = plans.start_plan(staff["pa_north"], yp)
    load_catalogue()
    codes = [o.code for o in entitled_today(yp, timezone.localdate())]
    assert "EET" in codes, codes
    entitlement = Entitlement.objects.get(code="EET")
    return {"yp": yp, "plan": plan, "area": plan.areas.first(), "entitlement": entitlement}


def _request(w: dict[str, Any], staff: dict[str, Any]) -> Any:
    from money import actions as money

    return money.raise_request(staff["pa_north"], w["yp"], w["entitlement"], "40.00", "Coat")


TODAY = dt.date.today


def _with_views(w: dict[str, Any], s: dict[str, Any]) -> Any:
    from plans import actions as plans

    return plans.save(s["pa_north"], w["plan"], {"young_person_views": "I want a flat near college"},
                      w["plan"].version)


def recipes() -> dict[str, Callable[[dict[str, Any], dict[str, Any]], Any]]:
    from accommodation import actions as accommodation
    from accounts import actions as accounts
    from contacts import actions as contacts
    from money import actions as money
    from org import actions as org
    from org.models import Locality
    from people import actions as people
    from plans import actions as plans

    now = timezone.now
    contact = {"occurred_at": None, "kind": "visit", "made_by": "pa", "successful": True, "reason_unsuccessful": "",
               "seen_alone": True, "note": "Met at the flat"}

    def a_contact(w: dict[str, Any], s: dict[str, Any]) -> Any:
        return contacts.record_contact(s["pa_north"], w["yp"], {**contact, "occurred_at": now()})[0]

    return {
        "accommodation.actions.record_move": lambda w, s: accommodation.record_move(
            s["pa_north"], w["yp"], TODAY(), "Z", True),
        "accommodation.actions.record_activity": lambda w, s: accommodation.record_activity(
            s["pa_north"], w["yp"], TODAY(), "F2"),
        "accommodation.actions.record_in_touch": lambda w, s: accommodation.record_in_touch(
            s["pa_north"], w["yp"], TODAY(), "YES"),
        "contacts.actions.record_contact": a_contact,
        "contacts.actions.change_contact": lambda w, s: contacts.change_contact(
            s["pa_north"], a_contact(w, s), {**contact, "occurred_at": now(), "note": "Met at the café"}),
        "contacts.actions.record_effort": lambda w, s: contacts.record_effort(
            s["pa_north"], w["yp"], {"effort": "phone_text_email", "done_on": TODAY(), "outcome": "No answer"}),
        "contacts.actions.record_missing": lambda w, s: contacts.record_missing(
            s["pa_north"], w["yp"], {"start_date": TODAY(), "end_date": None}),
        "money.actions.raise_request": lambda w, s: _request(w, s),
        "money.actions.approve": lambda w, s: money.approve(s["tm_north"], _request(w, s)),
        "money.actions.reject": lambda w, s: money.reject(s["tm_north"], _request(w, s), "Ask the EET fund"),
        "money.actions.mark_paid": lambda w, s: money.mark_paid(
            s["finance"], money.approve(s["tm_north"], _request(w, s))),
        "people.actions.create_young_person": lambda w, s: people.create_young_person(
            s["pa_north"], la_person_id="NEW1", first_name="Sam", last_name="New", date_of_birth=dt.date(2006, 5, 1)),
        "people.actions.update_young_person": lambda w, s: people.update_young_person(
            s["pa_north"], w["yp"], phone="07700 900123", version=w["yp"].version),
        "people.actions.save_care_episode": lambda w, s: people.save_care_episode(
            s["sw_north"], w["yp"], w["yp"].care_episodes.get()),
        "people.actions.add_care_episode": lambda w, s: people.add_care_episode(
            s["sw_north"], w["yp"], start_date=w["yp"].date_of_birth + dt.timedelta(days=365 * 10),
            end_date=w["yp"].date_of_birth + dt.timedelta(days=365 * 10 + 20), legal_status="V2",
            placement_type="U1"),
        "people.actions.allocate": lambda w, s: people.allocate(
            s["tm_north"], w["yp"], s["pa_north2"], "pa", TODAY(), reason="Caseloads balanced"),
        "people.actions.end_allocation": lambda w, s: people.end_allocation(
            s["tm_north"], w["yp"].allocations.get(), TODAY(), "Moved away"),
        "people.actions.set_service_status": lambda w, s: people.set_service_status(
            s["tm_north"], w["yp"], "died", TODAY()),
        "plans.actions.start_plan": lambda w, s: plans.start_plan(s["pa_north"], make_yp(team=w["yp"].team)),
        "plans.actions.save": lambda w, s: plans.save(
            s["pa_north"], w["plan"], {"areas": {w["area"].area: {"my_words": "A flat near college"}}},
            w["plan"].version),
        "plans.actions.add_action": lambda w, s: plans.add_action(s["pa_north"], w["area"], "Visit", "PA", TODAY()),
        "plans.actions.share": lambda w, s: plans.share(s["pa_north"], w["plan"]),
        "plans.actions.sign_off": lambda w, s: plans.sign_off(s["tm_north"], _with_views(w, s), TODAY()),
        "plans.actions.audit": lambda w, s: plans.audit(s["tm_north"], w["plan"], "Good", {}, "", ""),
        "plans.actions.complete_action": lambda w, s: plans.complete_action(
            s["pa_north"], plans.add_action(s["pa_north"], w["area"], "Visit", "PA", TODAY())),
        # administration (issue 12): teams, staff, the catalogue and local settings
        "org.actions.add_team": lambda w, s: org.add_team(s["admin"], "East Team", Locality.objects.first()),
        "org.actions.rename_team": lambda w, s: org.rename_team(s["admin"], w["yp"].team, "Northern Team"),
        "org.actions.close_team": lambda w, s: org.close_team(
            s["admin"], org.add_team(s["admin"], "Closing Team", Locality.objects.first())),
        "org.actions.change_settings": lambda w, s: org.change_settings(s["admin"], {"due_soon_days": 10}),
        "accounts.actions.invite_staff": lambda w, s: accounts.invite_staff(s["admin"], accounts.Invitation(
            "new.pa@example.gov.uk", "New", "Adviser", "personal_adviser", w["yp"].team)),
        "accounts.actions.create_staff_from_csv": lambda w, s: accounts.create_staff_from_csv(
            s["admin"], "email,first_name,last_name,role,team,staff_id\n"
                        f"csv.pa@example.gov.uk,Csv,Adviser,personal_adviser,{w['yp'].team.name},ST-CSV1\n"),
        "accounts.actions.set_active": lambda w, s: accounts.set_active(s["admin"], s["pa_north2"], False),
        "money.actions.add_entitlement": lambda w, s: money.add_entitlement(  # noqa: E131
            s["admin"], "BIKE", name="Bicycle", budget_code="LC-B", frequency="one_off"),
        "money.actions.change_entitlement": lambda w, s: money.change_entitlement(
            s["admin"], w["entitlement"], name="Clothing and shoes"),
        "money.actions.add_rate": lambda w, s: money.add_rate(s["admin"], w["entitlement"], TODAY(), "60.00"),
        "plans.actions.bring_review_forward": lambda w, s: plans.bring_review_forward(
            s["pa_north"], plans.sign_off(s["tm_north"], _with_views(w, s), TODAY()), TODAY() + dt.timedelta(days=30),
            "Moved into custody"),
    }


def test_every_verb_has_a_recipe() -> None:
    missing = sorted(set(all_verbs()) - set(recipes()))
    assert not missing, f"Verbs with no recipe in leavingcare/tests/test_every_verb_audits.py: {missing}"


@pytest.mark.parametrize("verb", all_verbs())
def test_verb_writes_its_event(verb: str, staff: dict[str, Any], teams: dict[str, Any]) -> None:
    recipe = recipes().get(verb)
    if recipe is None:
        pytest.fail(f"{verb} has no recipe")
    world = _world(staff, teams)
    before = set(AuditEvent.objects.values_list("pk", flat=True))
    recipe(world, staff)
    new = AuditEvent.objects.exclude(pk__in=before).filter(action__in=[Action.CREATE, Action.CHANGE])
    assert new.exists(), f"{verb} wrote no audit event"
    for event in new.filter(action=Action.CHANGE):
        assert event.actor is not None
        changes = {k: v for k, v in event.detail.items() if isinstance(v, dict) and set(v) == {"old", "new"}}
        assert changes, f"{verb}: a change event without old and new values: {event.detail}"
        assert all(v["old"] != v["new"] for v in changes.values())


def test_money_amounts_stay_decimal(staff: dict[str, Any], teams: dict[str, Any]) -> None:
    req = _request(_world(staff, teams), staff)
    req.refresh_from_db()
    assert isinstance(req.amount, Decimal) and req.amount == Decimal("40.00")
