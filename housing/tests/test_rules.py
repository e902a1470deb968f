"""Priority for supported accommodation, the queue's order, the bed and breakfast alarm and Staying Put's end:
table-tested."""

from __future__ import annotations

import datetime as dt

import pytest

from housing.rules import (
    Priority,
    PriorityAges,
    Waiting,
    bed_and_breakfast,
    offer_order,
    priority_for,
    staying_put_latest_end,
)

D = dt.date
DOB = D(2007, 6, 15)


@pytest.mark.parametrize(("referred_on", "expected"), [
    (D(2023, 6, 15), Priority.HIGH),     # 16th birthday
    (D(2025, 6, 14), Priority.HIGH),     # the day before the 18th birthday
    (D(2025, 6, 15), Priority.MEDIUM),   # 18th birthday
    (D(2027, 6, 14), Priority.MEDIUM),   # 20, the day before the 21st birthday
    (D(2028, 6, 15), Priority.LOW),      # 21st birthday
    (D(2031, 1, 1), Priority.LOW),       # 23
])
def test_priority_by_age_on_the_referral_date(referred_on, expected):
    assert priority_for(DOB, referred_on) == expected


@pytest.mark.parametrize(("ages", "referred_on", "expected"), [
    (PriorityAges(medium_from=19, low_from=22), D(2025, 6, 15), Priority.HIGH),    # 18 is high under these bands
    (PriorityAges(medium_from=19, low_from=22), D(2028, 6, 15), Priority.MEDIUM),  # 21 is medium
    (PriorityAges(medium_from=19, low_from=22), D(2029, 6, 15), Priority.LOW),
    (PriorityAges(medium_from=18, low_from=22), D(2028, 6, 15), Priority.MEDIUM),  # the seed's "18-21 medium"
])
def test_priority_bands_are_the_authoritys_choice(ages, referred_on, expected):
    assert priority_for(DOB, referred_on, ages) == expected


def test_a_29_february_birthday_turns_18_on_1_march():
    dob = D(2008, 2, 29)
    assert priority_for(dob, D(2026, 2, 28)) == Priority.HIGH
    assert priority_for(dob, D(2026, 3, 1)) == Priority.MEDIUM


def test_offer_order_is_priority_then_referral_date_then_record():
    waiting = [
        Waiting(1, D(2004, 1, 1), D(2025, 1, 1)),   # 21: low, earliest
        Waiting(2, D(2006, 1, 1), D(2025, 3, 1)),   # 19: medium
        Waiting(3, D(2008, 5, 1), D(2025, 4, 1)),   # 16: high, later
        Waiting(4, D(2008, 1, 1), D(2025, 2, 1)),   # 17: high, earlier
        Waiting(5, D(2008, 1, 1), D(2025, 2, 1)),   # 17: high, same day, later record
        Waiting(6, D(2006, 1, 1), D(2024, 12, 1)),  # 18: medium, earliest of the mediums
    ]
    assert [(w.referral_id, p.value) for w, p in offer_order(waiting)] == [
        (4, "high"), (5, "high"), (3, "high"), (6, "medium"), (2, "medium"), (1, "low")]


# The working-day tables themselves are in leavingcare/tests/test_workingdays.py (one place for the service)


@pytest.mark.parametrize(("as_at", "escalated", "status"), [
    (D(2025, 5, 2), False, "due_soon"),   # the day of the move: on the worklist at once
    (D(2025, 5, 7), False, "due_soon"),   # the second working day
    (D(2025, 5, 8), True, "overdue"),     # after two working days: escalated
])
def test_bed_and_breakfast_escalates_after_two_working_days(as_at, escalated, status):
    bb = bed_and_breakfast(D(2025, 5, 2), as_at)
    assert (bb.deadline, bb.escalated, bb.status) == (D(2025, 5, 7), escalated, status)


@pytest.mark.parametrize(("dob", "expected"), [
    (D(2006, 6, 15), D(2027, 6, 14)),
    (D(2008, 2, 29), D(2029, 2, 28)),  # 21st birthday on 1 March
])
def test_staying_put_ends_by_the_21st_birthday(dob, expected):
    assert staying_put_latest_end(dob) == expected
