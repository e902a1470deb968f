"""Housing rules as plain typed Python, table-tested: priority for supported accommodation, the order of the
queue, working days for the bed and breakfast alarm, and the Staying Put end date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from leavingcare.workingdays import add_working_days, is_bank_holiday
from people.eligibility import age_on, birthday


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


RANK = {Priority.HIGH: 0, Priority.MEDIUM: 1, Priority.LOW: 2}


@dataclass(frozen=True)
class PriorityAges:
    """Age bands for admission to core supported accommodation (seed 000 s3.4: 16-17 high, 18-20 medium,
    21 and older low). ``medium_from``: first age of medium priority; ``low_from``: first age of low."""

    medium_from: int = 18
    low_from: int = 21


def priority_for(date_of_birth: dt.date, referred_on: dt.date, ages: PriorityAges = PriorityAges()) -> Priority:
    """Priority from the young person's age on the referral date (never later: waiting does not lower it)."""
    age = age_on(date_of_birth, referred_on)
    if age < ages.medium_from:
        return Priority.HIGH
    if age < ages.low_from:
        return Priority.MEDIUM
    return Priority.LOW


@dataclass(frozen=True)
class Waiting:
    referral_id: int
    date_of_birth: dt.date
    referred_on: dt.date


def offer_order(waiting: Iterable[Waiting], ages: PriorityAges = PriorityAges()) -> list[tuple[Waiting, Priority]]:
    """The order homes are offered in: priority first, then the earlier referral, then the earlier record."""
    ranked = [(w, priority_for(w.date_of_birth, w.referred_on, ages)) for w in waiting]
    return sorted(ranked, key=lambda pair: (RANK[pair[1]], pair[0].referred_on, pair[0].referral_id))


# ---------------------------------------------------------------- working days (bed and breakfast alarm)
# Counted in one place for the whole service: leavingcare/workingdays.py


@dataclass(frozen=True)
class BedAndBreakfast:
    deadline: dt.date  # the last day a 16- or 17-year-old may be there: two working days after the move
    escalated: bool  # past the deadline: escalated to the head of service

    @property
    def status(self) -> str:
        """In the worklist's words: due_soon (on every manager's list at once), overdue once escalated."""
        return "overdue" if self.escalated else "due_soon"


def bed_and_breakfast(moved_in: dt.date, as_at: dt.date, working_days: int = 2,
                      holiday: Callable[[dt.date], bool] = is_bank_holiday) -> BedAndBreakfast:
    """Statutory guidance: bed and breakfast for a 16- or 17-year-old only in an emergency and for no more than
    two working days (seed 002 near line 1330)."""
    deadline = add_working_days(moved_in, working_days, holiday)
    return BedAndBreakfast(deadline, as_at > deadline)


def staying_put_latest_end(date_of_birth: dt.date, until_age: int = 21) -> dt.date:
    """Staying Put runs up to the 21st birthday: the last day is the day before it."""
    return birthday(date_of_birth, until_age) - dt.timedelta(days=1)
