"""Working days, the one place they are counted: Monday to Friday, leaving out England and Wales bank holidays.

Used wherever a rule says "working days": the bed and breakfast alarm (``housing.rules``) and a young person's
message unanswered for two working days (``youngapp.rules``). The bank holidays come from the ``holidays``
package (England and Wales share theirs, including one-off ones such as a state funeral), so nobody keeps a
list by hand. Every function takes ``holiday`` so the rules can be table-tested without the package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

Holiday = Callable[[dt.date], bool]


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[dt.date]:
    import holidays

    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_bank_holiday(day: dt.date) -> bool:
    """An England and Wales bank holiday (substitute days included: Boxing Day on a Saturday moves to Monday)."""
    return day in _bank_holidays(day.year)


def is_working_day(day: dt.date, holiday: Holiday = is_bank_holiday) -> bool:
    return day.weekday() < 5 and not holiday(day)


def add_working_days(start: dt.date, days: int, holiday: Holiday = is_bank_holiday) -> dt.date:
    """The ``days``-th working day after ``start`` (``start`` itself never counts; 0 gives ``start``)."""
    day = start
    counted = 0
    while counted < days:
        day += dt.timedelta(days=1)
        if is_working_day(day, holiday):
            counted += 1
    return day
