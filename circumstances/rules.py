"""Circumstances rules: plain Python, no database.

- Access to records: a request is answered within one calendar month of receipt (UK GDPR Art. 12(3)): the same
  day of the next month, or that month's last day when it has no such day (``records_request_months``).
- Custody: the release date cannot be before the sentence date; release planning is due
  ``release_planning_days`` (56) before release.
- UASC: a worklist item ``leave_to_remain_warning_days`` (90) before leave to remain ends; support and money
  continue after 18 until the asylum decision.
- Transitions to adult social care: referred between the 14th and 18th birthdays (seed 000 section 3.2).
- Step-down to universal services: on the young person's request from 21 (``step_down_from_age``); re-opened on
  request until the 25th birthday.
"""

from __future__ import annotations

import datetime as dt

from people.eligibility import age_on, birthday
from worklists.clock import add_months


def records_request_due(received_on: dt.date, months: int = 1) -> dt.date:
    return add_months(received_on, months)


def release_problems(sentence_date: dt.date | None, release_date: dt.date | None) -> dict[str, str]:
    if sentence_date and release_date and release_date < sentence_date:
        return {"release_date": "The release date must be on or after the sentence date"}
    return {}


def release_planning_due(release_date: dt.date, days: int = 56) -> dt.date:
    return release_date - dt.timedelta(days=days)


def leave_warning_due(leave_ends_on: dt.date, days: int = 90) -> dt.date:
    return leave_ends_on - dt.timedelta(days=days)


def transitions_on_time(dob: dt.date, referred_on: dt.date) -> bool:
    return 14 <= age_on(dob, referred_on) <= 17


def step_down_problems(dob: dt.date, requested_on: dt.date, from_age: int = 21) -> dict[str, str]:
    if age_on(dob, requested_on) < from_age:
        return {"requested_on": f"A step-down can be requested from the {from_age}st birthday "
                                f"({birthday(dob, from_age):%d %B %Y})"}
    if requested_on >= birthday(dob, 25):
        return {"requested_on": "Support ends on the 25th birthday"}
    return {}


def support_continues_for_asylum(dob: dt.date, on: dt.date, decided_on: dt.date | None) -> bool:
    """A UASC care leaver over 18 without an asylum decision keeps their home and money until the decision."""
    return age_on(dob, on) >= 18 and decided_on is None
