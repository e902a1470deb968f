"""The Local Offer's rules as plain Python (no database, no HTTP), table-tested in tests/test_rules.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

REVIEW_SOON_DAYS = 30  # an entry whose review falls within this many days is shown as "review due soon"
DEFAULT_REVIEW_MONTHS = 12  # a new entry is reviewed a year after it is written unless told otherwise
LOWEST_AGE, HIGHEST_AGE = 16, 25  # care leavers' support runs from 16 to the 25th birthday


def review_state(review_on: dt.date | None, today: dt.date) -> str:
    """"overdue" when the review date has passed (the day itself is not overdue), "soon" within
    REVIEW_SOON_DAYS, otherwise "" (in date)."""
    if review_on is None:
        return "overdue"
    if review_on < today:
        return "overdue"
    if review_on <= today + dt.timedelta(days=REVIEW_SOON_DAYS):
        return "soon"
    return ""


def is_overdue(review_on: dt.date | None, today: dt.date) -> bool:
    return review_state(review_on, today) == "overdue"


def for_age(min_age: int | None, max_age: int | None, age: int) -> bool:
    """Is an entry for ages ``min_age`` to ``max_age`` (both included; None is no limit) for someone ``age``?"""
    return (min_age is None or age >= min_age) and (max_age is None or age <= max_age)


def is_for(min_age: int | None, max_age: int | None, circumstances: Iterable[str], age: int,
           theirs: Iterable[str] | None = None) -> bool:
    """Is the entry for this young person? Their age must be in range; an entry for particular groups
    (``circumstances``) is for someone in any one of them. ``theirs=None`` means "we do not know their
    circumstances" (the app does not read them): then an entry for particular groups is shown to everyone of
    the right age, marked as for those groups, because leaving it out could hide help someone needs."""
    if not for_age(min_age, max_age, age):
        return False
    wanted = set(circumstances or ())
    if not wanted or theirs is None:
        return True
    return bool(wanted & set(theirs))


def _age_phrase(min_age: int | None, max_age: int | None) -> str:
    low = min_age if min_age is not None and min_age > LOWEST_AGE else None
    high = max_age if max_age is not None and max_age < HIGHEST_AGE - 1 else None  # 24: to the 25th birthday
    if low is not None and high is not None:
        return f"aged {low} to {high}" if low != high else f"aged {low} only"
    if low is not None:
        return f"from age {low}"
    if high is not None:
        return f"up to age {high}"
    return ""


def age_words(min_age: int | None, max_age: int | None) -> str:
    """"Aged 18 to 21", "From age 18", "Up to age 21", as a young person reads it."""
    phrase = _age_phrase(min_age, max_age)
    return phrase[:1].upper() + phrase[1:] if phrase else "Any care leaver aged 16 to 25"


def who_words(min_age: int | None, max_age: int | None, groups: list[str]) -> str:
    """Who an entry is for, in one phrase: "Young parents or disabled young people, from age 18"."""
    if not groups:
        return age_words(min_age, max_age)
    names = [g[:1].lower() + g[1:] for g in groups]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    phrase = _age_phrase(min_age, max_age) or "aged 16 to 25"
    text = f"{joined}, {phrase}"
    return "Only " + text


def check_ages(min_age: int | None, max_age: int | None) -> dict[str, str]:
    """Errors keyed by field for an impossible age range."""
    errors = {}
    if min_age is not None and not 0 <= min_age <= 30:
        errors["min_age"] = "The youngest age must be between 0 and 30"
    if max_age is not None and not 0 <= max_age <= 30:
        errors["max_age"] = "The oldest age must be between 0 and 30"
    if not errors and min_age is not None and max_age is not None and min_age > max_age:
        errors["max_age"] = "The oldest age must be the same as or more than the youngest age"
    return errors


def money_words(amount: Decimal, frequency: str = "") -> str:
    """£71.70 a week; £3,000 (no pence when whole pounds)."""
    text = f"£{amount:,.0f}" if amount == amount.to_integral_value() else f"£{amount:,.2f}"
    return f"{text} {frequency}".strip()
