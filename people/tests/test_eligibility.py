"""The statutory categories, boundary by boundary (DOMAIN.md "Who the service is for")."""

from __future__ import annotations

import datetime as dt

import pytest

from people.eligibility import AgeBand, Episode, age_band_on, became_eligible_on, category_on

DOB = dt.date(2007, 6, 15)
B14, B16, B18 = dt.date(2021, 6, 15), dt.date(2023, 6, 15), dt.date(2025, 6, 15)
D = dt.timedelta


def cat(episodes, on, **kw):
    return category_on(DOB, episodes, on, **kw).value


@pytest.mark.parametrize("days, expected", [(90, "qualifying"), (91, "relevant")])
def test_thirteen_weeks_is_91_days(days, expected):
    # looked after from the 16th birthday for 90 or 91 days, then left care; asked at 17
    assert cat([Episode(B16, B16 + D(days=days))], dt.date(2024, 7, 1)) == expected


@pytest.mark.parametrize("episodes, on, expected", [
    # 13 weeks from 14 with a day after 16, still looked after at 17: eligible
    ([Episode(B14, None)], dt.date(2024, 6, 15), "eligible"),
    # the same young person after leaving care at 17: relevant
    ([Episode(B14, dt.date(2024, 6, 15))], dt.date(2024, 7, 1), "relevant"),
    # at 18 (and until 25): former relevant
    ([Episode(B14, B18)], B18, "former_relevant"),
    ([Episode(B14, B18)], dt.date(2032, 6, 14), "former_relevant"),
    # the 25th birthday ends it
    ([Episode(B14, B18)], dt.date(2032, 6, 15), "none"),
    # care that ended before 16: not eligible, and not qualifying
    ([Episode(B14, B16 - D(days=1))], dt.date(2024, 1, 1), "none"),
    # 13 weeks all before 16 plus one day after 16: eligible from the 16th birthday
    ([Episode(B14, B16 + D(days=1))], dt.date(2023, 7, 1), "relevant"),
    # short breaks do not count towards the 13 weeks
    ([Episode(B14, B18, short_break=True)], dt.date(2024, 1, 1), "none"),
    # under 13 weeks, looked after at or after 16, now left: qualifying
    ([Episode(B16, B16 + D(days=60))], dt.date(2024, 1, 1), "qualifying"),
    # before the 16th birthday nobody is a care leaver
    ([Episode(B14, None)], B16 - D(days=1), "none"),
])
def test_categories_at_each_boundary(episodes, on, expected):
    assert cat(episodes, on) == expected


def test_special_guardianship_and_detention_routes():
    assert cat([], dt.date(2024, 1, 1), special_guardianship=True) == "qualifying"
    in_care_14_to_16 = [Episode(B14, B16 - D(days=1))]
    assert cat(in_care_14_to_16, dt.date(2024, 1, 1), detained_on_16th=True) == "relevant"
    assert cat(in_care_14_to_16, dt.date(2026, 1, 1), detained_on_16th=True) == "former_relevant"


def test_became_eligible_on_the_91st_day_after_16():
    assert became_eligible_on(DOB, [Episode(B16, None)]) == B16 + D(days=90)
    assert became_eligible_on(DOB, [Episode(B14, None)]) == B16


@pytest.mark.parametrize("on, band", [(B16 - D(days=1), AgeBand.UNDER_16), (B16, AgeBand.B16_17),
                                      (B18, AgeBand.B18_20), (dt.date(2028, 6, 15), AgeBand.B21_24),
                                      (dt.date(2032, 6, 15), AgeBand.OVER)])
def test_age_bands_change_on_birthdays(on, band):
    assert age_band_on(DOB, on) == band
