"""When a young person needs a personal adviser, and which service status changes are allowed. Pure Python."""

from __future__ import annotations

import datetime as dt

from people.eligibility import age_on, birthday

OPEN, STEPPED_DOWN, CLOSED, DIED = "open", "stepped_down", "closed", "died"
STEP_DOWN_FROM_AGE = 21  # statute: step down to universal services from 21, on request
SUPPORT_ENDS_AGE = 25  # support ends on the 25th birthday


def pa_due_from(dob: dt.date, coallocation_age: int) -> dt.date:
    """The day a PA should be co-allocated: the ``coallocation_age`` birthday (17 by default, seed 000 s3.1)."""
    return birthday(dob, coallocation_age)


def needs_pa(dob: dt.date, as_at: dt.date, *, has_pa: bool, status: str, coallocation_age: int) -> bool:
    """True when the young person has reached the co-allocation age, is under 25, open, and has no PA."""
    if has_pa or status != OPEN:
        return False
    return pa_due_from(dob, coallocation_age) <= as_at and age_on(dob, as_at) < SUPPORT_ENDS_AGE


def status_change_problem(dob: dt.date, current: str, new: str, on: dt.date, today: dt.date) -> str | None:
    """Why the service status cannot change from ``current`` to ``new`` on ``on``; None when it can."""
    if on > today:
        return "The date of the change cannot be in the future"
    if on < dob:
        return "The date of the change cannot be before the date of birth"
    if current == DIED:
        return "This young person has died; the record is closed"
    if new == current:
        return "The service status is already that"
    age = age_on(dob, on)
    if new == STEPPED_DOWN:
        if current != OPEN:
            return "Only an open record can be stepped down"
        if age < STEP_DOWN_FROM_AGE:
            return "A young person can step down from their 21st birthday, on their request"
        if age >= SUPPORT_ENDS_AGE:
            return "Support has ended at 25; close the record instead"
    elif new == OPEN:
        if age >= SUPPORT_ENDS_AGE:
            return "The service can be re-opened only until the 25th birthday"
    elif new == CLOSED:
        if age < SUPPORT_ENDS_AGE:
            return "A record closes on the 25th birthday; before then a young person can step down from 21"
    elif new != DIED:
        return "Choose open, stepped down, closed or died"
    return None
