"""Eligibility category of a care leaver, as at any date (Children (Leaving Care) Act 2000).

Pure Python, no Django: the rules are table-tested in people/tests/test_eligibility.py.

Conventions
- A care episode runs from ``start`` (the day care began, DECOM) up to but not
  including ``end`` (the day it ceased, DEC), as SSDA903 counts days. ``end`` is
  None while the episode is open.
- Short-break (respite) episodes are ignored entirely: they neither count towards
  the 13 weeks nor make the young person looked after for these rules.
- "13 weeks" is 91 days looked after since the 14th birthday, at least one of
  which falls on or after the 16th birthday.

Categories (DOMAIN.md, "Who the service is for")
- eligible: 16-17, looked after now, and has met the 13-week test;
- relevant: 16-17, no longer looked after, and was eligible when care ended (or was
  detained or in hospital on the 16th birthday after 13 weeks in care since 14);
- former relevant: 18-24 and was eligible or relevant before the 18th birthday;
- qualifying: 16-24, looked after at some time on or after the 16th birthday (now
  left care) without meeting the 13-week test, or under a special guardianship order;
- none: everyone else, including a looked-after 16-17-year-old who has not yet met
  the test (a child in care, not yet a care leaver) and anyone from the 25th birthday.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Iterable

THIRTEEN_WEEKS = 91


class Category(StrEnum):
    ELIGIBLE = "eligible"
    RELEVANT = "relevant"
    FORMER_RELEVANT = "former_relevant"
    QUALIFYING = "qualifying"
    NONE = "none"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Episode:
    start: dt.date
    end: dt.date | None = None  # exclusive; None while open
    short_break: bool = False


def birthday(dob: dt.date, years: int) -> dt.date:
    """The date of the ``years``-th birthday (29 February birthdays fall on 1 March)."""
    try:
        return dob.replace(year=dob.year + years)
    except ValueError:
        return dt.date(dob.year + years, 3, 1)


def age_on(dob: dt.date, on: dt.date) -> int:
    years = on.year - dob.year
    if on < birthday(dob, years):
        years -= 1
    return years


def _counted(episodes: Iterable[Episode]) -> list[Episode]:
    return sorted((e for e in episodes if not e.short_break), key=lambda e: e.start)


def looked_after_on(episodes: Iterable[Episode], day: dt.date) -> bool:
    return any(e.start <= day and (e.end is None or day < e.end) for e in _counted(episodes))


def days_looked_after(episodes: Iterable[Episode], from_day: dt.date, until_excl: dt.date) -> int:
    total = 0
    for e in _counted(episodes):
        start = max(e.start, from_day)
        end = min(e.end or until_excl, until_excl)
        if end > start:
            total += (end - start).days
    return total


def care_ended_on(episodes: Iterable[Episode]) -> dt.date | None:
    """When the last counted episode ended; None while one is open or when there are none."""
    counted = _counted(episodes)
    if not counted or any(e.end is None for e in counted):
        return None
    return max(e.end for e in counted if e.end is not None)


def became_eligible_on(dob: dt.date, episodes: Iterable[Episode]) -> dt.date | None:
    """The first day the 13-week test is met while looked after, before the 18th birthday."""
    b14, b16, b18 = birthday(dob, 14), birthday(dob, 16), birthday(dob, 18)
    cumulative = 0
    day_91: dt.date | None = None
    first_after_16: dt.date | None = None
    for e in _counted(episodes):
        start = max(e.start, b14)
        end = min(e.end or b18, b18)
        if end <= start:
            continue
        if day_91 is None:
            length = (end - start).days
            if cumulative + length >= THIRTEEN_WEEKS:
                day_91 = start + dt.timedelta(days=THIRTEEN_WEEKS - cumulative - 1)
            cumulative += length
        if first_after_16 is None and end > b16:
            first_after_16 = max(start, b16)
        if day_91 is not None and first_after_16 is not None:
            break
    if day_91 is None or first_after_16 is None:
        return None
    if day_91 >= b16:
        return day_91
    # Met 91 days before 16: eligible from the first day looked after on or after the 16th birthday
    return first_after_16


def category_on(
    dob: dt.date,
    episodes: Iterable[Episode],
    as_at: dt.date,
    *,
    special_guardianship: bool = False,
    detained_on_16th: bool = False,
) -> Category:
    episodes = list(episodes)
    age = age_on(dob, as_at)
    if age < 16 or age >= 25:
        return Category.NONE
    b14, b16, b18 = birthday(dob, 14), birthday(dob, 16), birthday(dob, 18)
    eligible_from = became_eligible_on(dob, episodes)
    detained_route = detained_on_16th and days_looked_after(episodes, b14, b16) >= THIRTEEN_WEEKS
    care_after_16 = days_looked_after(episodes, b16, min(as_at + dt.timedelta(days=1), b18)) > 0

    if age < 18:
        if eligible_from is not None and eligible_from <= as_at:
            return Category.ELIGIBLE if looked_after_on(episodes, as_at) else Category.RELEVANT
        if looked_after_on(episodes, as_at):
            return Category.NONE
        if detained_route:
            return Category.RELEVANT
        if care_after_16 or special_guardianship:
            return Category.QUALIFYING
        return Category.NONE

    if eligible_from is not None or detained_route:
        return Category.FORMER_RELEVANT
    if care_after_16 or special_guardianship:
        return Category.QUALIFYING
    return Category.NONE


class AgeBand(StrEnum):
    """Service age bands used on caseworker screens (seed 000 s3.3: 16-17, 18-20, 21+)."""

    UNDER_16 = "under-16"
    B16_17 = "16-17"
    B18_20 = "18-20"
    B21_24 = "21-24"
    OVER = "25+"


def age_band_on(dob: dt.date, as_at: dt.date) -> AgeBand:
    age = age_on(dob, as_at)
    if age < 16:
        return AgeBand.UNDER_16
    if age < 18:
        return AgeBand.B16_17
    if age < 21:
        return AgeBand.B18_20
    if age < 25:
        return AgeBand.B21_24
    return AgeBand.OVER


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return dt.date(day.year - years, 2, 28)


def dob_range_for_ages(as_at: dt.date, min_age: int, max_age: int) -> tuple[dt.date, dt.date]:
    """(earliest, latest) dates of birth of people aged min_age..max_age on as_at, for DB filters."""
    latest = _years_before(as_at, min_age)
    earliest = _years_before(as_at, max_age + 1) + dt.timedelta(days=1)
    return earliest, latest
