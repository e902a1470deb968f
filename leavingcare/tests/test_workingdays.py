"""Working days for the whole service (leavingcare/workingdays.py): weekends and England and Wales bank holidays
left out, from the ``holidays`` package. Table-tested around Christmas, Easter and the other bank holidays."""

from __future__ import annotations

import datetime as dt

import pytest

from leavingcare.workingdays import add_working_days, is_bank_holiday, is_working_day

D = dt.date


def no_holidays(day: dt.date) -> bool:
    return False


@pytest.mark.parametrize(("start", "days", "expected"), [
    (D(2025, 6, 2), 2, D(2025, 6, 4)),    # Monday -> Wednesday
    (D(2025, 6, 5), 2, D(2025, 6, 9)),    # Thursday -> Monday
    (D(2025, 6, 6), 2, D(2025, 6, 10)),   # Friday -> Tuesday
    (D(2025, 6, 7), 2, D(2025, 6, 10)),   # Saturday -> Tuesday
    (D(2025, 6, 8), 1, D(2025, 6, 9)),    # Sunday -> Monday
    (D(2025, 6, 2), 0, D(2025, 6, 2)),
    (D(2025, 12, 24), 2, D(2025, 12, 26)),  # with no holidays Christmas is an ordinary Thursday
])
def test_weekends_are_left_out(start: dt.date, days: int, expected: dt.date) -> None:
    assert add_working_days(start, days, no_holidays) == expected


@pytest.mark.parametrize(("start", "days", "expected"), [
    # Christmas
    (D(2025, 12, 24), 2, D(2025, 12, 30)),  # Wed: Christmas Thu and Boxing Day Fri left out -> Mon 29, Tue 30
    (D(2025, 12, 23), 1, D(2025, 12, 24)),
    (D(2025, 12, 31), 1, D(2026, 1, 2)),    # New Year's Day 2026 is a Thursday
    (D(2026, 12, 24), 2, D(2026, 12, 30)),  # Boxing Day on a Saturday: observed Monday 28 -> Tue 29, Wed 30
    (D(2027, 12, 24), 2, D(2027, 12, 30)),  # Christmas Sat, Boxing Day Sun: observed Mon 27, Tue 28
    (D(2027, 12, 31), 1, D(2028, 1, 4)),    # New Year's Day 2028 is a Saturday: observed Monday 3
    # Easter
    (D(2025, 4, 17), 2, D(2025, 4, 23)),    # Thursday before Good Friday 18 and Easter Monday 21
    (D(2026, 4, 2), 2, D(2026, 4, 8)),      # Good Friday 3 April, Easter Monday 6 April 2026
    (D(2027, 3, 25), 1, D(2027, 3, 30)),    # Good Friday 26 March, Easter Monday 29 March 2027
    # the other bank holidays
    (D(2025, 5, 2), 2, D(2025, 5, 7)),      # Early May bank holiday, Monday 5 May 2025
    (D(2026, 5, 22), 2, D(2026, 5, 27)),    # Spring bank holiday, Monday 25 May 2026
    (D(2025, 8, 22), 2, D(2025, 8, 27)),    # Summer bank holiday (England and Wales, not Scotland's)
    (D(2022, 9, 16), 2, D(2022, 9, 21)),    # the one-off State Funeral bank holiday of 19 September 2022
    (D(2023, 5, 5), 1, D(2023, 5, 9)),      # the one-off Coronation bank holiday of 8 May 2023
    # Scottish and Northern Irish holidays are working days here
    (D(2026, 1, 1), 1, D(2026, 1, 2)),      # 2 January (Scotland only)
    (D(2026, 3, 16), 1, D(2026, 3, 17)),    # St Patrick's Day (Northern Ireland only)
    (D(2026, 11, 27), 1, D(2026, 11, 30)),  # St Andrew's Day (Scotland only)
])
def test_england_and_wales_bank_holidays_are_left_out(start: dt.date, days: int, expected: dt.date) -> None:
    assert add_working_days(start, days) == expected


@pytest.mark.parametrize(("day", "working"), [
    (D(2026, 12, 25), False), (D(2026, 12, 28), False), (D(2026, 12, 29), True),
    (D(2026, 4, 3), False), (D(2026, 4, 6), False), (D(2026, 4, 7), True),
    (D(2026, 8, 31), False), (D(2026, 8, 3), True),  # Summer: last Monday of August, not the first (Scotland)
    (D(2026, 6, 6), False), (D(2026, 6, 8), True),
])
def test_is_working_day(day: dt.date, working: bool) -> None:
    assert is_working_day(day) is working
    assert is_bank_holiday(day) is (not working and day.weekday() < 5)
