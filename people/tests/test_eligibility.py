"""Every category boundary of the statutory eligibility rules, as a table (DOMAIN.md "Who the service is for")."""

from __future__ import annotations

import datetime as dt

import pytest

from people.eligibility import (
    AgeBand,
    Category,
    Episode,
    age_band_on,
    age_on,
    became_eligible_on,
    birthday,
    category_on,
    days_looked_after,
    dob_range_for_ages,
    looked_after_on,
)

D = dt.date
DOB = D(2006, 5, 10)
B14, B16, B18, B21, B25 = (birthday(DOB, y) for y in (14, 16, 18, 21, 25))
DAY = dt.timedelta(days=1)


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


# Care since the 14th birthday, still open: 91 days reached long before 16
IN_CARE_SINCE_14 = [Episode(B14)]
LEFT_AT_17 = [Episode(B14, birthday(DOB, 17))]


@pytest.mark.parametrize(
    ("label", "episodes", "as_at", "kwargs", "expected"),
    [
        # Age limits
        ("day before 16th birthday", IN_CARE_SINCE_14, B16 - DAY, {}, Category.NONE),
        ("on 16th birthday, in care since 14", IN_CARE_SINCE_14, B16, {}, Category.ELIGIBLE),
        ("day before 18th birthday, in care", IN_CARE_SINCE_14, B18 - DAY, {}, Category.ELIGIBLE),
        ("care ended on 18th birthday", [Episode(B14, B18)], B18, {}, Category.FORMER_RELEVANT),
        ("left at 17 is relevant", LEFT_AT_17, birthday(DOB, 17), {}, Category.RELEVANT),
        ("relevant the day before 18", LEFT_AT_17, B18 - DAY, {}, Category.RELEVANT),
        ("relevant becomes former relevant at 18", LEFT_AT_17, B18, {}, Category.FORMER_RELEVANT),
        ("former relevant at 21", LEFT_AT_17, B21, {}, Category.FORMER_RELEVANT),
        ("former relevant the day before 25", LEFT_AT_17, B25 - DAY, {}, Category.FORMER_RELEVANT),
        ("support ends on 25th birthday", LEFT_AT_17, B25, {}, Category.NONE),
        # The 13-week (91-day) rule
        ("exactly 91 days from 16th birthday", [Episode(B16)], B16 + days(90), {}, Category.ELIGIBLE),
        ("90 days from 16th birthday, still in care", [Episode(B16)], B16 + days(89), {}, Category.NONE),
        ("91 days ending day after 16th birthday", [Episode(B16 - days(90), B16 + DAY)], B16 + DAY, {},
         Category.RELEVANT),
        ("91 days all before 16th birthday, none after", [Episode(B16 - days(91), B16)], B16, {}, Category.NONE),
        ("days before 14th birthday do not count", [Episode(B14 - days(200), B14 + days(30)), Episode(B16, B16 + days(
            30))], B16 + days(40), {}, Category.QUALIFYING),
        ("two separate periods add up to 91", [Episode(B14, B14 + days(60)), Episode(B16, B16 + days(31))],
         B16 + days(40), {}, Category.RELEVANT),
        ("two periods adding to 90 only", [Episode(B14, B14 + days(60)), Episode(B16, B16 + days(30))],
         B16 + days(40), {}, Category.QUALIFYING),
        # Short breaks are excluded
        ("short breaks do not count towards 13 weeks",
         [Episode(B14, B16 - DAY, short_break=True), Episode(B16, B16 + days(30))], B16 + days(40), {},
         Category.QUALIFYING),
        ("a short break alone after 16 is not care", [Episode(B16, B16 + days(200), short_break=True)],
         B16 + days(300), {}, Category.NONE),
        ("short break now does not make a relevant child eligible",
         LEFT_AT_17 + [Episode(birthday(DOB, 17) + days(10), None, short_break=True)],
         birthday(DOB, 17) + days(20), {}, Category.RELEVANT),
        # Qualifying
        ("under 13 weeks after 16, left care", [Episode(B16 + days(10), B16 + days(50))], B16 + days(60), {},
         Category.QUALIFYING),
        ("under 13 weeks after 16, now 20", [Episode(B16 + days(10), B16 + days(50))], birthday(DOB, 20), {},
         Category.QUALIFYING),
        ("special guardianship order, never looked after", [], birthday(DOB, 17), {"special_guardianship": True},
         Category.QUALIFYING),
        ("special guardianship at 24", [], B25 - DAY, {"special_guardianship": True}, Category.QUALIFYING),
        ("special guardianship ends at 25", [], B25, {"special_guardianship": True}, Category.NONE),
        ("never looked after", [], birthday(DOB, 17), {}, Category.NONE),
        ("looked after only before 16", [Episode(B14, B16 - days(10))], birthday(DOB, 17), {}, Category.NONE),
        # Detained or in hospital on the 16th birthday after 13 weeks since 14
        ("detained on 16th after 13 weeks", [Episode(B14, B16 - days(5))], birthday(DOB, 17),
         {"detained_on_16th": True}, Category.RELEVANT),
        ("detained on 16th after 13 weeks, now 19", [Episode(B14, B16 - days(5))], birthday(DOB, 19),
         {"detained_on_16th": True}, Category.FORMER_RELEVANT),
        ("detained on 16th under 13 weeks", [Episode(B16 - days(50), B16 - days(5))], birthday(DOB, 17),
         {"detained_on_16th": True}, Category.NONE),
        # Returning to care
        ("relevant child returns to care is eligible again", LEFT_AT_17 + [Episode(birthday(DOB, 17) + days(30))],
         birthday(DOB, 17) + days(40), {}, Category.ELIGIBLE),
    ],
)
def test_category(label: str, episodes: list[Episode], as_at: dt.date, kwargs: dict[str, bool],
                  expected: Category) -> None:
    assert category_on(DOB, episodes, as_at, **kwargs) == expected, label


@pytest.mark.parametrize(
    ("episodes", "expected"),
    [
        ([Episode(B14)], B16),  # 91 days met before 16: eligible from the 16th birthday
        ([Episode(B16)], B16 + days(90)),  # the 91st day
        ([Episode(B16 + days(5))], B16 + days(95)),
        ([Episode(B14, B14 + days(60)), Episode(B16 + days(10))], B16 + days(40)),
        ([Episode(B14, B16)], None),  # nothing after 16
        ([Episode(B18 - days(30))], None),  # too little before 18
        ([Episode(B16, None, short_break=True)], None),
        ([], None),
    ],
)
def test_became_eligible_on(episodes: list[Episode], expected: dt.date | None) -> None:
    assert became_eligible_on(DOB, episodes) == expected


@pytest.mark.parametrize(
    ("dob", "on", "age"),
    [
        (D(2006, 5, 10), D(2022, 5, 9), 15),
        (D(2006, 5, 10), D(2022, 5, 10), 16),
        (D(2008, 2, 29), D(2024, 2, 28), 15),
        (D(2008, 2, 29), D(2024, 2, 29), 16),
        (D(2008, 2, 29), D(2025, 2, 28), 16),  # leap-day birthdays fall on 1 March
        (D(2008, 2, 29), D(2025, 3, 1), 17),
    ],
)
def test_age_on(dob: dt.date, on: dt.date, age: int) -> None:
    assert age_on(dob, on) == age


@pytest.mark.parametrize(
    ("on", "band"),
    [
        (B16 - DAY, AgeBand.UNDER_16), (B16, AgeBand.B16_17), (B18 - DAY, AgeBand.B16_17), (B18, AgeBand.B18_20),
        (B21 - DAY, AgeBand.B18_20), (B21, AgeBand.B21_24), (B25 - DAY, AgeBand.B21_24), (B25, AgeBand.OVER),
    ],
)
def test_age_band(on: dt.date, band: AgeBand) -> None:
    assert age_band_on(DOB, on) == band


def test_days_and_looked_after_count_end_date_as_exclusive() -> None:
    eps = [Episode(D(2023, 1, 1), D(2023, 1, 11)), Episode(D(2023, 2, 1), None, short_break=True)]
    assert days_looked_after(eps, D(2022, 1, 1), D(2024, 1, 1)) == 10
    assert looked_after_on(eps, D(2023, 1, 10))
    assert not looked_after_on(eps, D(2023, 1, 11))
    assert not looked_after_on(eps, D(2023, 2, 5))


@pytest.mark.parametrize(("as_at", "lo", "hi"), [(D(2024, 6, 1), 16, 24), (D(2024, 2, 29), 17, 20),
                                                  (D(2025, 3, 1), 16, 16)])
def test_dob_range_matches_age_on(as_at: dt.date, lo: int, hi: int) -> None:
    earliest, latest = dob_range_for_ages(as_at, lo, hi)
    assert lo <= age_on(earliest, as_at) <= hi and lo <= age_on(latest, as_at) <= hi
    assert age_on(earliest - DAY, as_at) > hi
    assert age_on(latest + DAY, as_at) < lo
