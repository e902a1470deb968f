"""Escalation timing and oversight review dates, table-tested."""

from __future__ import annotations

import datetime as dt

import pytest

from safeguarding import codes
from safeguarding.rules import escalation_level, next_escalation_at, oversight_review_due

T0 = dt.datetime(2025, 3, 3, 9, 0, tzinfo=dt.UTC)
H = dt.timedelta(hours=1)
DAY = 24 * H


@pytest.mark.parametrize("acknowledged_after, now_after, level", [
    (None, 0 * H, 0),            # just raised: with the team manager
    (None, 23 * H, 0),
    (None, 24 * H, 1),           # not acknowledged in a day: the senior manager
    (None, 47 * H, 1),
    (None, 48 * H, 2),           # a day more: the head of service
    (None, 200 * H, 2),          # never beyond the head of service
    (2 * H, 100 * H, 0),         # acknowledged in time: no escalation, however long after
    (30 * H, 100 * H, 1),        # acknowledged after the first escalation: stays with the senior manager
    (50 * H, 60 * H, 2),
])
def test_escalation_level(acknowledged_after, now_after, level):
    acknowledged = T0 + acknowledged_after if acknowledged_after is not None else None
    assert escalation_level(T0, acknowledged, T0 + now_after, DAY, DAY) == level


@pytest.mark.parametrize("first, second, waited, level", [
    (4 * H, 4 * H, 3 * H, 0), (4 * H, 4 * H, 4 * H, 1), (4 * H, 4 * H, 8 * H, 2),  # a 4-hour setting
    (72 * H, 24 * H, 80 * H, 1), (72 * H, 24 * H, 96 * H, 2),
])
def test_escalation_follows_the_configured_times(first, second, waited, level):
    assert escalation_level(T0, None, T0 + waited, first, second) == level


@pytest.mark.parametrize("level, expected", [(0, T0 + DAY), (1, T0 + 2 * DAY), (2, None)])
def test_next_escalation(level, expected):
    assert next_escalation_at(T0, level, DAY, DAY) == expected


@pytest.mark.parametrize("started, last, months, due", [
    (dt.date(2025, 1, 10), None, 1, dt.date(2025, 2, 10)),             # monthly by default
    (dt.date(2025, 1, 31), None, 1, dt.date(2025, 2, 28)),             # month end
    (dt.date(2025, 1, 10), dt.date(2025, 3, 2), 1, dt.date(2025, 4, 2)),  # from the latest review
    (dt.date(2025, 1, 10), None, 3, dt.date(2025, 4, 10)),
    (dt.date(2025, 1, 10), None, 0, dt.date(2025, 2, 10)),             # never less than monthly
])
def test_oversight_review_due(started, last, months, due):
    assert oversight_review_due(started, last, months) == due


def test_concern_categories_are_the_cin_factor_codes_about_the_young_person():
    offered = dict(codes.CONCERN_CATEGORIES)
    for code in ("4A", "15A", "11A", "24A", "10A", "2A", "3A", "13A", "12A", "20"):
        assert code in offered
    assert "4B" not in offered and "21" not in offered and "8F" not in offered
    assert set(offered) <= set(codes.CIN_FACTOR_LABELS)
