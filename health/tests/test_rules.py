"""Health rules, table-tested: SDQ, ODS codes and due dates."""

from __future__ import annotations

import datetime as dt

import pytest

from health.rules import health_assessment_due, ods_problem, passport_due, sdq_problems


@pytest.mark.parametrize("score, reason, field", [
    (0, "", None), (40, "", None), (17, "", None), (None, "SDQ5", None), (None, "SDQ1", None),
    (41, "", "score"), (-1, "", "score"), (None, "", "score"), (12, "SDQ2", "reason"), (None, "SDQ9", "reason"),
])
def test_sdq_is_a_score_0_to_40_or_a_reason(score, reason, field):
    problems = sdq_problems(score, reason)
    assert list(problems) == ([field] if field else [])


@pytest.mark.parametrize("code, ok", [("P81001", True), ("Y02345", True), ("", True), ("p81001", True),
                                      ("81001P", True), ("P8100", True), ("P81 001", False), ("TOO-LONG1", False)])
def test_ods_code(code, ok):
    assert (ods_problem(code) == "") is ok


@pytest.mark.parametrize("dob, due", [(dt.date(2007, 6, 1), dt.date(2025, 6, 1)),
                                      (dt.date(2008, 2, 29), dt.date(2026, 3, 1))])  # a leapling: 1 March
def test_passport_due_at_18(dob, due):
    assert passport_due(dob) == due


@pytest.mark.parametrize("last, since, months, due", [
    (dt.date(2024, 5, 20), dt.date(2020, 1, 1), 12, dt.date(2025, 5, 20)),
    (None, dt.date(2024, 9, 1), 12, dt.date(2025, 9, 1)),
    (dt.date(2024, 2, 29), dt.date(2020, 1, 1), 12, dt.date(2025, 2, 28)),
])
def test_annual_health_assessment_due(last, since, months, due):
    assert health_assessment_due(last, since, months) == due
