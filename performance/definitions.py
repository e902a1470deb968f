"""The performance measures, defined once: bands, which codes count, and how a rate is rounded. Pure rules.

Two methods (issue 6, DOMAIN.md "Performance measures"):

- ``as_at`` a date: open care leavers aged 17 or over by age at the date, bands 17-18, 19-21, 22-25 (the last
  band stops the day before the 25th birthday: support ends on it, so nobody aged 25 is counted);
- ``dfe_year`` YEAR (1 April YEAR-1 to 31 March YEAR): the SSDA903 OC3 cohort, whose 17th to 21st
  birthday falls in the year, bands 17-18 (17th or 18th birthday) and 19-21, with the DfE's rates.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

INDICATORS = ("in_touch", "suitable_accommodation", "eet", "eet_adjusted")
AS_AT_BANDS = (("17-18", 17, 18), ("19-21", 19, 21), ("22-25", 22, 24))  # "22-25": up to the 25th birthday
DFE_BANDS = (("17-18", (17, 18)), ("19-21", (19, 20, 21)))

EET_PREFIXES = ("F", "P")
ADJUSTED_OUT = frozenset({"G4", "G6"})  # NEET through illness or disability, or pregnancy or parenting
IN_TOUCH_COUNTED = frozenset({"YES", "NO", "REFU", "NREQ"})
# Young people who died or returned home are outside every one of the DfE's three rates (in touch, activity,
# accommodation), not only the in-touch rate: the published totals show it (DOMAIN.md, England 2022 aged 17-18:
# in-touch total 12,350, activity total 12,330, suitability total 12,280)
OUTSIDE_RATES = frozenset({"DIED", "RHOM"})
ACCOM_LEFT_OUT = frozenset({"G", "H", "R"})  # gone abroad, deported, residence not known


def counted_in_rates(in_touch: str) -> bool:
    """Whether an OC3 row counts in any of the DfE's rates (DIED and RHOM are outside all three)."""
    return in_touch not in OUTSIDE_RATES


def percent(numerator: int, denominator: int) -> float | None:
    """Rounded to one decimal place, halves away from zero (as a person rounds); None when nothing to count."""
    if denominator == 0:
        return None
    value = Decimal(100 * numerator) / Decimal(denominator)
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def is_eet(activity: str) -> bool:
    return activity[:1] in EET_PREFIXES


def as_at_band(age: int) -> str | None:
    for label, low, high in AS_AT_BANDS:
        if low <= age <= high:
            return label
    return None


def collection_year(year: int) -> tuple[dt.date, dt.date]:
    """First and last day of the DfE collection year ending 31 March ``year``."""
    return dt.date(year - 1, 4, 1), dt.date(year, 3, 31)


def dob_window(year: int, ages: tuple[int, ...]) -> tuple[dt.date, dt.date]:
    """Dates of birth whose birthday at one of ``ages`` falls in the collection year (29 Feb counted in)."""
    first, last = collection_year(year)
    earliest = first.replace(year=first.year - max(ages))
    latest = last.replace(year=last.year - min(ages))
    return earliest, latest


def dfe_band(birthday_age: int) -> str | None:
    for label, ages in DFE_BANDS:
        if birthday_age in ages:
            return label
    return None


def rate_band(rate: float | None, bounds: list[float]) -> str:
    """Seed 002's banding: above the top bound Outstanding, from the middle Good, from the lowest Requires
    Improvement, below it Inadequate."""
    if rate is None:
        return "No data"
    low, good, top = bounds
    if rate > top:
        return "Outstanding"
    if rate >= good:
        return "Good"
    if rate >= low:
        return "Requires Improvement"
    return "Inadequate"
