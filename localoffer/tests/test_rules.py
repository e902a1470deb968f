"""The Local Offer's rules, table-tested: when a review is overdue, who an entry is for, and how ages read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from localoffer import rules

TODAY = dt.date(2026, 6, 15)


@pytest.mark.parametrize(("review_on", "state"), [
    (dt.date(2026, 6, 14), "overdue"),   # yesterday: past
    (dt.date(2025, 1, 1), "overdue"),
    (dt.date(2026, 6, 15), "soon"),      # the day itself is not overdue yet
    (dt.date(2026, 7, 15), "soon"),      # within 30 days
    (dt.date(2026, 7, 16), ""),          # 31 days away: in date
    (dt.date(2027, 6, 15), ""),
    (None, "overdue"),                   # no date: treat as needing review
])
def test_review_state(review_on: dt.date | None, state: str) -> None:
    assert rules.review_state(review_on, TODAY) == state
    assert rules.is_overdue(review_on, TODAY) == (state == "overdue")


@pytest.mark.parametrize(("low", "high", "circumstances", "age", "theirs", "answer"), [
    (16, 24, [], 16, [], True),                      # both ends included
    (16, 24, [], 24, [], True),
    (16, 24, [], 25, [], False),                     # past the oldest age
    (16, 24, [], 15, [], False),
    (18, 24, [], 17, [], False),                     # from 18 only
    (18, None, [], 40, [], True),                    # no upper limit
    (None, 21, [], 3, [], True),                     # no lower limit
    (16, 24, ["parents"], 19, [], False),            # only for young parents, and they are not one
    (16, 24, ["parents"], 19, ["parents"], True),
    (16, 24, ["parents", "uasc"], 19, ["uasc"], True),  # any one of the groups will do
    (16, 24, ["custody"], 19, None, True),           # circumstances not known: shown, marked as for the group
    (16, 21, ["custody"], 22, None, False),          # ...but never to the wrong age
])
def test_is_for(low: int | None, high: int | None, circumstances: list[str], age: int, theirs: list[str] | None,
                answer: bool) -> None:
    assert rules.is_for(low, high, circumstances, age, theirs) is answer


@pytest.mark.parametrize(("low", "high", "words"), [
    (16, 24, "Any care leaver aged 16 to 25"),
    (16, 25, "Any care leaver aged 16 to 25"),
    (18, 24, "From age 18"),
    (16, 21, "Up to age 21"),
    (18, 21, "Aged 18 to 21"),
    (19, 19, "Aged 19 only"),
])
def test_age_words(low: int, high: int, words: str) -> None:
    assert rules.age_words(low, high) == words


@pytest.mark.parametrize(("low", "high", "groups", "words"), [
    (16, 24, [], "Any care leaver aged 16 to 25"),
    (16, 24, ["Young parents"], "Only young parents, aged 16 to 25"),
    (18, 24, ["Young parents", "Disabled young people"], "Only young parents or disabled young people, from age 18"),
    (16, 21, ["Young parents", "Young people in custody", "Disabled young people"],
     "Only young parents, young people in custody or disabled young people, up to age 21"),
])
def test_who_words(low: int, high: int, groups: list[str], words: str) -> None:
    assert rules.who_words(low, high, groups) == words


@pytest.mark.parametrize(("low", "high", "errors"), [
    (16, 24, {}),
    (20, 18, {"max_age": "The oldest age must be the same as or more than the youngest age"}),
    (-1, 18, {"min_age": "The youngest age must be between 0 and 30"}),
    (16, 99, {"max_age": "The oldest age must be between 0 and 30"}),
])
def test_check_ages(low: int, high: int, errors: dict[str, str]) -> None:
    assert rules.check_ages(low, high) == errors


@pytest.mark.parametrize(("amount", "frequency", "words"), [
    (Decimal("71.70"), "a week", "£71.70 a week"),
    (Decimal("3000.00"), "in total", "£3,000 in total"),
    (Decimal("5"), "", "£5"),
])
def test_money_words(amount: Decimal, frequency: str, words: str) -> None:
    assert rules.money_words(amount, frequency) == words
