"""Entitlement rules, table-tested: who gets what in which week, and for how much."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from money.entitlements import Person, Terms, due_in_run, remaining, to_pay

D = Decimal
LETTERS = frozenset({"D", "E", "T"})
LCA = Terms("LCA", "weekly", 16, 17, D("71.70"), None, True)
CLOTHING = Terms("CLOTHING", "monthly", 16, 17, D("25.00"))
BIRTHDAY = Terms("BIRTHDAY", "birthday", 16, 24, D("50.00"), D("25.00"))
FESTIVAL = Terms("FESTIVAL", "festival", 16, 24, D("71.70"), D("35.85"))
SEVENTEEN = Person(dt.date(2008, 3, 10), "relevant", True, "D")


@pytest.mark.parametrize("person, expected", [
    (SEVENTEEN, D("71.70")),
    (Person(dt.date(2008, 3, 10), "relevant", True, "U"), None),       # independent living: no allowance
    (Person(dt.date(2006, 3, 10), "former_relevant", True, "D"), None),  # 19
    (Person(dt.date(2008, 3, 10), "relevant", False, "D"), None),      # service closed
    (Person(dt.date(2008, 3, 10), "none", True, "D"), None),
])
def test_leaving_care_allowance(person, expected):
    due = due_in_run(LCA, person, dt.date(2025, 6, 15), LETTERS)
    assert (due.amount if due else None) == expected


@pytest.mark.parametrize("period_ending, key", [(dt.date(2025, 6, 1), "2025-06"), (dt.date(2025, 6, 7), "2025-06"),
                                                (dt.date(2025, 6, 8), None), (dt.date(2025, 5, 31), None)])
def test_clothing_in_the_run_whose_week_holds_the_first(period_ending, key):
    due = due_in_run(CLOTHING, SEVENTEEN, period_ending, LETTERS)
    assert (due.period_key if due else None) == key


@pytest.mark.parametrize("dob, period_ending, amount", [
    (dt.date(2008, 6, 12), dt.date(2025, 6, 15), D("50.00")),   # 17th birthday in the week
    (dt.date(2007, 6, 12), dt.date(2025, 6, 15), D("25.00")),   # 18th: the lower amount
    (dt.date(2008, 6, 16), dt.date(2025, 6, 15), None),         # birthday next week
])
def test_birthday_in_the_run_containing_it(dob, period_ending, amount):
    due = due_in_run(BIRTHDAY, Person(dob, "relevant", True), period_ending, LETTERS)
    assert (due.amount if due else None) == amount


def test_festival_is_a_weeks_allowance_and_less_from_18():
    week_with_1_december = dt.date(2025, 12, 3)
    assert due_in_run(FESTIVAL, SEVENTEEN, week_with_1_december, LETTERS).amount == D("71.70")
    older = Person(dt.date(2004, 1, 1), "former_relevant", True)
    assert due_in_run(FESTIVAL, older, week_with_1_december, LETTERS).amount == D("35.85")
    assert due_in_run(FESTIVAL, older, dt.date(2025, 11, 30), LETTERS) is None


def test_money_is_rounded_only_when_paid_and_caps_never_go_negative():
    assert to_pay(D("10.005")) == D("10.01") and to_pay(D("3000") / 7) == D("428.57")
    assert remaining(D("3000.00"), D("2500.50")) == D("499.50")
    assert remaining(D("3000.00"), D("3100.00")) == D("0.00")
