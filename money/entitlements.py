"""Who is entitled to what, on which date, for how much. Pure rules: no database, Decimal throughout."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from people.eligibility import age_on, birthday

CARE_LEAVERS = frozenset({"eligible", "relevant", "former_relevant"})
SUPPORT_ENDS_AGE = 25  # nothing is paid on or after the 25th birthday, whatever the catalogue's maximum age
PENNY = Decimal("0.01")


@dataclass(frozen=True)
class Terms:
    code: str
    schedule: str  # weekly | monthly | birthday | festival | "" (on request)
    min_age: int
    max_age: int
    amount: Decimal
    amount_from_18: Decimal | None = None
    supported_accommodation_only: bool = False


@dataclass(frozen=True)
class Person:
    dob: dt.date
    category: str
    is_open: bool
    accom_letter: str | None = None


@dataclass(frozen=True)
class Due:
    code: str
    period_key: str
    amount: Decimal


def to_pay(amount: Decimal) -> Decimal:
    """The one place money is rounded: to the penny, halves up, when a payment is made."""
    return amount.quantize(PENNY, rounding=ROUND_HALF_UP)


def amount_at(terms: Terms, age: int) -> Decimal:
    if age >= 18 and terms.amount_from_18 is not None:
        return terms.amount_from_18
    return terms.amount


def applies(terms: Terms, person: Person, on: dt.date, accom_letters: frozenset[str]) -> bool:
    if not person.is_open or person.category not in CARE_LEAVERS:
        return False
    age = age_on(person.dob, on)
    if age >= SUPPORT_ENDS_AGE or not terms.min_age <= age <= terms.max_age:
        return False
    return not terms.supported_accommodation_only or (person.accom_letter or "") in accom_letters


def week(period_ending: dt.date) -> tuple[dt.date, dt.date]:
    """The seven days ending on ``period_ending``."""
    return period_ending - dt.timedelta(days=6), period_ending


def due_in_run(terms: Terms, person: Person, period_ending: dt.date, accom_letters: frozenset[str],
               festival: tuple[int, int] = (12, 1)) -> Due | None:
    """The payment this entitlement makes in the run for the week ending ``period_ending``, if any."""
    first, last = week(period_ending)
    if terms.schedule == "weekly":
        if applies(terms, person, period_ending, accom_letters):
            return Due(terms.code, period_ending.isoformat(), to_pay(amount_at(terms, age_on(person.dob,
                                                                                            period_ending))))
        return None
    if terms.schedule == "monthly":
        firsts = [d for d in (first + dt.timedelta(days=i) for i in range(7)) if d.day == 1]
        if firsts and applies(terms, person, period_ending, accom_letters):
            return Due(terms.code, f"{firsts[0]:%Y-%m}", to_pay(amount_at(terms, age_on(person.dob, period_ending))))
        return None
    if terms.schedule == "birthday":
        for years in range(terms.min_age, terms.max_age + 1):
            day = birthday(person.dob, years)
            if first <= day <= last and applies(terms, person, day, accom_letters):
                return Due(terms.code, str(day.year), to_pay(amount_at(terms, years)))
        return None
    if terms.schedule == "festival":
        for year in {first.year, last.year}:
            try:
                day = dt.date(year, festival[0], festival[1])
            except ValueError:
                continue
            if first <= day <= last and applies(terms, person, day, accom_letters):
                return Due(terms.code, f"festival-{year}", to_pay(amount_at(terms, age_on(person.dob, day))))
        return None
    return None


def remaining(cap: Decimal, paid: Decimal) -> Decimal:
    """What is left of a capped entitlement (Setting Up Home Allowance); never below zero."""
    return max(cap - paid, Decimal("0.00"))
