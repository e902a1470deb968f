"""Who needs a personal adviser, and which service status changes are allowed."""

from __future__ import annotations

import datetime as dt

import pytest

from people.allocation_rules import needs_pa, pa_due_from, status_change_problem

D = dt.date
DOB = D(2005, 4, 15)
TODAY = D(2031, 1, 1)


@pytest.mark.parametrize(
    ("as_at", "has_pa", "status", "age", "expected"),
    [
        (D(2022, 4, 14), False, "open", 17, False),  # the day before the 17th birthday
        (D(2022, 4, 15), False, "open", 17, True),  # 17th birthday, no PA
        (D(2022, 4, 15), True, "open", 17, False),
        (D(2022, 4, 15), False, "stepped_down", 17, False),
        (D(2021, 4, 15), False, "open", 16, True),  # configured to 16 (earlier local plans)
        (D(2030, 4, 14), False, "open", 17, True),  # the day before the 25th birthday
        (D(2030, 4, 15), False, "open", 17, False),  # support ended
    ],
)
def test_needs_pa(as_at: dt.date, has_pa: bool, status: str, age: int, expected: bool) -> None:
    assert needs_pa(DOB, as_at, has_pa=has_pa, status=status, coallocation_age=age) is expected


def test_pa_due_from_is_the_birthday() -> None:
    assert pa_due_from(DOB, 17) == D(2022, 4, 15)


@pytest.mark.parametrize(
    ("current", "new", "on", "problem"),
    [
        ("open", "stepped_down", D(2026, 4, 14), "from their 21st birthday"),
        ("open", "stepped_down", D(2026, 4, 15), None),
        ("stepped_down", "open", D(2030, 4, 14), None),
        ("stepped_down", "open", D(2030, 4, 15), "only until the 25th birthday"),
        ("open", "closed", D(2030, 4, 14), "closes on the 25th birthday"),
        ("open", "closed", D(2030, 4, 15), None),
        ("stepped_down", "closed", D(2030, 4, 15), None),
        ("open", "died", D(2023, 1, 1), None),
        ("died", "open", D(2023, 2, 1), "has died"),
        ("open", "open", D(2023, 2, 1), "already"),
        ("closed", "stepped_down", D(2030, 5, 1), "Only an open record"),
        ("open", "stepped_down", D(2030, 4, 15), "close the record"),
        ("open", "died", D(2031, 1, 2), "future"),
        ("open", "died", D(2005, 1, 1), "before the date of birth"),
        ("open", "archived", D(2023, 1, 1), "Choose"),
    ],
)
def test_status_change_problem(current: str, new: str, on: dt.date, problem: str | None) -> None:
    found = status_change_problem(DOB, current, new, on, TODAY)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found
