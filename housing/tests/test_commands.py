"""housing_queue, the worklist's bed and breakfast items and the figures."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command

from accommodation.actions import record_move
from housing import actions
from housing.models import Referral
from housing.queries import figures
from housing.tests.helpers import stock
from org.models import District
from people.models import YoungPerson
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db
D = dt.date


def run(command: str, as_at: str) -> dict:
    out = StringIO()
    call_command(command, "--as-at", as_at, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def test_housing_queue_lists_referrals_waiting_at_the_date_in_offer_order(staff, teams):
    adviser = staff["housing"]
    north = District.objects.get(name="Northtown")
    people = {name: young_person(teams["north"], dob=dob, la_person_id=name) for name, dob in [
        ("OLD21", D(2003, 1, 1)), ("MID19", D(2005, 6, 1)), ("KID17", D(2007, 6, 1)), ("KID16", D(2008, 6, 1)),
        ("GONE", D(2007, 1, 1))]}  # GONE turned 18 on 1 January: medium
    actions.make_referral(adviser, people["OLD21"], D(2025, 1, 5), "A flat", north)
    actions.make_referral(adviser, people["MID19"], D(2025, 1, 10), "A flat")
    actions.make_referral(adviser, people["KID17"], D(2025, 2, 1), "A room", north)
    actions.make_referral(adviser, people["KID16"], D(2025, 1, 20), "A room")
    gone = actions.make_referral(adviser, people["GONE"], D(2025, 1, 2), "A room")
    actions.withdraw_referral(adviser, gone, D(2025, 2, 10), "Went home to family")
    result = run("housing_queue", "2025-02-05")
    assert result == {"as_at": "2025-02-05", "referrals": [
        {"young_person": "KID16", "priority": "high", "referred_on": "2025-01-20", "district": None},
        {"young_person": "KID17", "priority": "high", "referred_on": "2025-02-01", "district": "Northtown"},
        {"young_person": "GONE", "priority": "medium", "referred_on": "2025-01-02", "district": None},
        {"young_person": "MID19", "priority": "medium", "referred_on": "2025-01-10", "district": None},
        {"young_person": "OLD21", "priority": "low", "referred_on": "2025-01-05", "district": "Northtown"},
    ]}
    later = [r["young_person"] for r in run("housing_queue", "2025-02-10")["referrals"]]
    assert later == ["KID16", "KID17", "MID19", "OLD21"]  # withdrawn on the 10th
    assert run("housing_queue", "2025-01-03")["referrals"] == [
        {"young_person": "GONE", "priority": "medium", "referred_on": "2025-01-02", "district": None}]


def test_a_16_year_old_in_bed_and_breakfast_is_on_the_worklist_at_once_and_escalates(staff, teams):
    yp = young_person(teams["north"], dob=D(2008, 3, 1), sw=staff["sw_north"], la_person_id="BB16",
                      in_care=(D(2022, 3, 1), D(2025, 3, 1)))
    record_move(None, yp, D(2025, 5, 2), "W", False)  # a Friday before the Early May bank holiday
    older = young_person(teams["north"], dob=D(2005, 3, 1), la_person_id="BB20")
    record_move(None, older, D(2025, 5, 2), "W", False)
    item = next(i for i in run("worklist", "2025-05-02")["items"] if i["kind"] == "bed_and_breakfast")
    assert item == {"young_person": "BB16", "kind": "bed_and_breakfast", "due": "2025-05-07", "status": "due_soon",
                    "worker": "ST-sw_north"}
    assert [i["status"] for i in run("worklist", "2025-05-07")["items"] if i["kind"] == "bed_and_breakfast"] == [
        "due_soon"]
    assert [i["status"] for i in run("worklist", "2025-05-08")["items"] if i["kind"] == "bed_and_breakfast"] == [
        "overdue"]
    for row in run("worklist", "2025-05-08")["items"]:
        assert set(row) == {"young_person", "kind", "due", "status", "worker"}
    record_move(None, yp, D(2025, 5, 9), "D", True)
    assert not [i for i in run("worklist", "2025-05-12")["items"] if i["kind"] == "bed_and_breakfast"]


def test_figures_occupancy_waiting_and_homeless(staff, teams, today):
    adviser = staff["housing"]
    _, homes = stock(adviser, homes=4, start=today - dt.timedelta(days=100))
    actions.set_home_status(adviser, homes[3], "offline", today - dt.timedelta(days=50))
    yp = young_person(teams["north"], dob=today.replace(year=today.year - 17) - dt.timedelta(days=40))
    referral = actions.make_referral(adviser, yp, today - dt.timedelta(days=30), "A flat")
    offer = actions.offer_home(adviser, referral, homes[0], today - dt.timedelta(days=20))
    actions.answer_offer(adviser, offer, True, today - dt.timedelta(days=20))
    actions.move_in(adviser, offer, today - dt.timedelta(days=10))
    waiting = young_person(teams["north"], dob=today.replace(year=today.year - 19))
    actions.make_referral(adviser, waiting, today - dt.timedelta(days=7), "A flat")
    homeless = young_person(teams["north"], dob=today.replace(year=today.year - 20))
    actions.start_homelessness(adviser, homeless, today - dt.timedelta(days=3))
    was = young_person(teams["north"], dob=today.replace(year=today.year - 20))
    episode = actions.start_homelessness(adviser, was, today - dt.timedelta(days=200))
    actions.end_homelessness(adviser, episode, today - dt.timedelta(days=150))
    got = figures(today, YoungPerson.objects.all())
    assert (got["homes"], got["in_service"], got["occupied"], got["occupancy_percent"]) == (4, 3, 1, 33.3)
    waits = {w["priority"]: w for w in got["waits"]}
    assert (waits["high"]["housed"], waits["high"]["housed_average_days"]) == (1, 20)
    assert (waits["medium"]["waiting"], waits["medium"]["waiting_average_days"]) == (1, 7)
    assert (got["homeless_now"], got["homeless_year"]) == (1, 2)
    # 4 homes for the year's 100 days in contract: home 0 empty 90 days, 1 and 2 all 101, home 3 empty until offline
    assert got["void_days_year"] == 90 + 101 + 101 + 50
    assert Referral.objects.count() == 2
