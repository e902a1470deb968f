"""Circumstances rules, table-tested: due dates and the bounds on dates."""

from __future__ import annotations

import datetime as dt

import pytest

from circumstances.rules import (
    leave_warning_due,
    records_request_due,
    release_planning_due,
    release_problems,
    step_down_problems,
    support_continues_for_asylum,
    transitions_on_time,
)


@pytest.mark.parametrize("received, due", [
    (dt.date(2025, 1, 15), dt.date(2025, 2, 15)),   # one calendar month
    (dt.date(2025, 1, 31), dt.date(2025, 2, 28)),   # no 31 February: the month's last day
    (dt.date(2024, 1, 31), dt.date(2024, 2, 29)),
    (dt.date(2025, 12, 10), dt.date(2026, 1, 10)),
])
def test_records_request_due_in_one_calendar_month(received, due):
    assert records_request_due(received) == due


@pytest.mark.parametrize("sentence, release, field", [
    (dt.date(2025, 1, 1), dt.date(2025, 6, 1), None), (dt.date(2025, 1, 1), dt.date(2025, 1, 1), None),
    (dt.date(2025, 1, 1), None, None), (dt.date(2025, 6, 1), dt.date(2025, 1, 1), "release_date"),
])
def test_release_not_before_sentence(sentence, release, field):
    assert list(release_problems(sentence, release)) == ([field] if field else [])


@pytest.mark.parametrize("release, days, due", [(dt.date(2025, 6, 30), 56, dt.date(2025, 5, 5)),
                                                (dt.date(2025, 6, 30), 28, dt.date(2025, 6, 2))])
def test_release_planning_due(release, days, due):
    assert release_planning_due(release, days) == due


def test_leave_warning_90_days_before():
    assert leave_warning_due(dt.date(2026, 3, 31)) == dt.date(2025, 12, 31)


@pytest.mark.parametrize("referred, on_time", [(dt.date(2019, 6, 1), True), (dt.date(2023, 5, 31), True),
                                               (dt.date(2023, 6, 1), False), (dt.date(2019, 5, 31), False)])
def test_transitions_referral_between_14_and_17(referred, on_time):
    assert transitions_on_time(dt.date(2005, 6, 1), referred) is on_time


@pytest.mark.parametrize("requested, field", [(dt.date(2026, 6, 1), None), (dt.date(2026, 5, 31), "requested_on"),
                                              (dt.date(2030, 6, 1), "requested_on")])
def test_step_down_from_21_until_25(requested, field):
    assert list(step_down_problems(dt.date(2005, 6, 1), requested)) == ([field] if field else [])


def test_support_continues_until_the_asylum_decision():
    dob = dt.date(2006, 1, 1)
    assert support_continues_for_asylum(dob, dt.date(2025, 1, 1), None)
    assert not support_continues_for_asylum(dob, dt.date(2025, 1, 1), dt.date(2024, 12, 1))
    assert not support_continues_for_asylum(dob, dt.date(2023, 1, 1), None)
