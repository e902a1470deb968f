"""Safeguarding rules: plain Python, no database.

- Escalation: a concern is with the team manager from the moment it is raised. Not acknowledged within
  ``concern_escalate_after_hours`` (org.config) it escalates to the senior manager; not acknowledged within a
  further ``concern_escalate_again_after_hours`` it escalates to the head of service. An acknowledgement stops the
  clock at the level reached by then.
- Oversight reviews ("most worried about"): due ``review_every_months`` after the latest review, or after the
  start when there has been none (monthly by default, ``oversight_review_months``).
"""

from __future__ import annotations

import datetime as dt

from worklists.clock import add_months


def escalation_level(raised_at: dt.datetime, acknowledged_at: dt.datetime | None, now: dt.datetime,
                     first: dt.timedelta, second: dt.timedelta) -> int:
    """0 with the team manager, 1 escalated to the senior manager, 2 escalated to the head of service."""
    until = min(acknowledged_at, now) if acknowledged_at is not None else now
    waited = until - raised_at
    if waited >= first + second:
        return 2
    if waited >= first:
        return 1
    return 0


def next_escalation_at(raised_at: dt.datetime, level: int, first: dt.timedelta,
                       second: dt.timedelta) -> dt.datetime | None:
    """When an unacknowledged concern at ``level`` escalates next (None at the top)."""
    if level <= 0:
        return raised_at + first
    if level == 1:
        return raised_at + first + second
    return None


def oversight_review_due(started_on: dt.date, last_review_on: dt.date | None, every_months: int) -> dt.date:
    return add_months(last_review_on or started_on, max(1, every_months))
