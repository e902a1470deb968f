"""The statutory clock: what is due for one young person, as at a date. Pure rules, no database.

Kinds and their rules (intervals are the authority's settings, statute or seed value by default):

- ``pa_contact``: an open care leaver with a personal adviser is due a successful PA contact 2 months
  after the last one (or after the PA was allocated, if there has been none); a relevant young person
  who has moved since that contact is due one within 7 days of the move, if that is sooner.
- ``sw_visit``: a looked-after young person aged 16 or 17 is due a social worker visit 6 weeks after the
  last one (or after the social worker was allocated, or the 16th birthday, if there has been none).
- ``needs_assessment``: an eligible young person with no completed needs assessment is due one 3 months
  after the 16th birthday or after becoming eligible, whichever is later.
- ``pathway_plan_review``: due 6 months after the latest signed-off plan or review, or sooner when a review
  was brought forward after a significant change.
- ``pa_allocation``: an open eligible, relevant or former relevant young person with no personal adviser
  is due one from the co-allocation age (17 by default; Children Act 1989 s23A, s23B, s23C), or from the day
  their last personal adviser's allocation ended, or from the day their case was opened again, whichever is
  latest. From 21 the duty is a new one (s23CZB, from April 2018): a personal adviser for a former relevant
  young person who wants support to 25, so for someone 21 or over it runs from the 21st birthday at the earliest.
  Someone who has stepped down or whose case is closed is not open, and nothing is due.

Nothing is due on or after the 25th birthday, when support ends: the clock stops at it.

An item is ``overdue`` when its due date is before the as-at date, ``due_soon`` when it falls on the date or
within the next 14 days, ``upcoming`` after that.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from people.eligibility import age_on, birthday

KINDS = ("pa_contact", "sw_visit", "needs_assessment", "pathway_plan_review", "pa_allocation")
LABELS = {
    "pa_contact": "Personal adviser contact",
    "sw_visit": "Social worker visit",
    "needs_assessment": "Needs assessment",
    "pathway_plan_review": "Pathway plan review",
    "pa_allocation": "Allocate a personal adviser",
    # Not on the statutory clock: raised by housing.queries.bed_and_breakfast_items
    "bed_and_breakfast": "16 or 17 in bed and breakfast: move within two working days",
}
CARE_LEAVER = {"eligible", "relevant", "former_relevant", "qualifying"}
# A personal adviser is a duty for these; qualifying young people get one only on request
NEEDS_PA = {"eligible", "relevant", "former_relevant"}
SUPPORT_ENDS_AGE = 25


def support_ends(dob: dt.date) -> dt.date:
    """The 25th birthday: support ends on it, and the clock stops the day before."""
    return birthday(dob, SUPPORT_ENDS_AGE)


@dataclass(frozen=True)
class Intervals:
    pa_contact_months: int = 2
    pa_contact_after_move_days: int = 7
    sw_visit_weeks: int = 6
    needs_assessment_months: int = 3
    plan_review_months: int = 6
    coallocation_age: int = 17
    due_soon_days: int = 14


@dataclass(frozen=True)
class Facts:
    """What the clock needs to know about one young person."""

    dob: dt.date
    category: str  # as at the date: eligible, relevant, former_relevant, qualifying, none
    is_open: bool = True
    looked_after: bool = False
    pa_id: int | None = None
    pa_since: dt.date | None = None
    sw_id: int | None = None
    sw_since: dt.date | None = None
    last_pa_contact: dt.date | None = None
    last_move: dt.date | None = None
    last_sw_visit: dt.date | None = None
    eligible_from: dt.date | None = None
    assessment_completed: bool = False
    latest_plan: dt.date | None = None
    review_due: dt.date | None = None  # set by a manager after a significant change, when sooner
    pa_ended: dt.date | None = None  # the day the last personal adviser's allocation ended, if any
    opened_on: dt.date | None = None  # the day the case was last opened again (after a step down or closure)


class Due(NamedTuple):
    kind: str
    due: dt.date
    status: str
    worker_id: int | None

    @property
    def label(self) -> str:
        return LABELS[self.kind]


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day when it has no such day (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def status_of(due: dt.date, as_at: dt.date, soon_days: int) -> str:
    if due < as_at:
        return "overdue"
    if due <= as_at + dt.timedelta(days=soon_days):
        return "due_soon"
    return "upcoming"


def pa_contact_due(f: Facts, as_at: dt.date, iv: Intervals, relevant: bool) -> dt.date:
    """Two months after the last successful PA contact (or the allocation); for a relevant young person who
    has moved since, 7 days after the move when that is sooner."""
    base = f.last_pa_contact or f.pa_since or as_at
    due = add_months(base, iv.pa_contact_months)
    if relevant and f.last_move is not None and f.last_move > base:
        due = min(due, f.last_move + dt.timedelta(days=iv.pa_contact_after_move_days))
    return due


def sw_visit_due(f: Facts, iv: Intervals) -> dt.date:
    return (f.last_sw_visit or f.sw_since or birthday(f.dob, 16)) + dt.timedelta(weeks=iv.sw_visit_weeks)


def needs_assessment_due(f: Facts, iv: Intervals) -> dt.date:
    start = max(birthday(f.dob, 16), f.eligible_from or birthday(f.dob, 16))
    return add_months(start, iv.needs_assessment_months)


PA_FROM_21_AGE = 21  # s23CZB: a personal adviser from 21 to 25 for a former relevant young person who wants one


def pa_allocation_due(f: Facts, iv: Intervals, from_21: bool = False) -> dt.date:
    """The day a young person without a personal adviser was due one: the co-allocation birthday, the end of the
    last PA's allocation or the reopening of the case, whichever is latest; from 21 (``from_21``) no earlier than
    the 21st birthday, when the duty to 21 ends and the duty on request to 25 begins."""
    starts = [birthday(f.dob, iv.coallocation_age), f.pa_ended, f.opened_on,
              birthday(f.dob, PA_FROM_21_AGE) if from_21 else None]
    return max(d for d in starts if d is not None)


def plan_review_due(latest_plan: dt.date, review_due: dt.date | None, iv: Intervals) -> dt.date:
    due = add_months(latest_plan, iv.plan_review_months)
    return review_due if review_due is not None and review_due < due else due


def owner(kind: str, pa_id: int | None, sw_id: int | None, looked_after: bool) -> int | None:
    """Who is responsible for an item: the PA for contacts, the social worker for visits; a needs assessment
    is the social worker's (the PA's if there is none); a plan review is the social worker's while looked
    after and the PA's after (each falling back to the other)."""
    if kind == "pa_contact":
        return pa_id
    if kind == "sw_visit":
        return sw_id
    if kind == "needs_assessment" or (kind == "pathway_plan_review" and looked_after):
        return sw_id or pa_id
    if kind == "pathway_plan_review":
        return pa_id or sw_id
    return None


def due_dates(f: Facts, as_at: dt.date, iv: Intervals = Intervals()) -> list[tuple[str, dt.date, int | None]]:
    """(kind, due date, responsible worker) for everything on the clock, before statuses are applied."""
    age = age_on(f.dob, as_at)
    if not f.is_open or f.category not in CARE_LEAVER or not 16 <= age < SUPPORT_ENDS_AGE:
        return []
    items: list[tuple[str, dt.date, int | None]] = []
    if f.pa_id is not None:
        items.append(("pa_contact", pa_contact_due(f, as_at, iv, f.category == "relevant"), f.pa_id))
    elif age >= iv.coallocation_age and f.category in NEEDS_PA:
        items.append(("pa_allocation", pa_allocation_due(f, iv, from_21=age >= PA_FROM_21_AGE), None))
    if f.looked_after and age < 18:
        items.append(("sw_visit", sw_visit_due(f, iv), f.sw_id))
    if f.category == "eligible" and not f.assessment_completed:
        items.append(("needs_assessment", needs_assessment_due(f, iv), owner("needs_assessment", f.pa_id, f.sw_id,
                                                                              f.looked_after)))
    if f.latest_plan is not None:
        items.append(("pathway_plan_review", plan_review_due(f.latest_plan, f.review_due, iv),
                      owner("pathway_plan_review", f.pa_id, f.sw_id, f.looked_after)))
    ends = support_ends(f.dob)
    return [item for item in items if item[1] < ends]


def clock(f: Facts, as_at: dt.date, iv: Intervals = Intervals()) -> list[Due]:
    """Everything due for one young person, soonest first."""
    items = [Due(kind, due, status_of(due, as_at, iv.due_soon_days), worker)
             for kind, due, worker in due_dates(f, as_at, iv)]
    return sorted(items, key=lambda d: (d.due, KINDS.index(d.kind)))
