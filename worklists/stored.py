"""The worklist read straight from stored clock facts, in one scan of the open young people.

Each kind's due date is stored (``ClockFacts``); what the date changes is only whether the kind applies (the
young person's age and category on it), which is a filter on the date of birth, the eligibility date, the
cached category and whether looked after. So the database returns, for each young person with anything
overdue or due by the horizon, the due date of each kind that applies (or null), and Python only lays them
out as items. ``worklists.queries.items`` uses this for everyone whose facts hold on the date and the clock
rules directly for the rest; the tests check the two agree for every young person of the demo cohort.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from typing import Any

from django.db.models import Case, Count, DateField, F, Q, QuerySet, When

from people.eligibility import dob_range_for_ages
from people.models import ServiceStatus, YoungPerson
from worklists.clock import KINDS, PA_FROM_21_AGE, SUPPORT_ENDS_AGE, Intervals, owner, support_ends
from worklists.facts import intervals_key

# Columns of the young person as a worklist shows them (``worklists.queries.Listed``)
PERSON = ["pk", "la_person_id", "first_name", "last_name", "preferred_name", "team__name", "team__locality__name"]
WORKERS = ["clock_facts__pa_worker_id", "clock_facts__sw_worker_id", "clock_facts__looked_after"]
CACHED_LEAVER = ["relevant", "former_relevant"]


def open_in_age(qs: QuerySet[YoungPerson], as_at: dt.date) -> QuerySet[YoungPerson]:
    """Open young people aged 16-24 on ``as_at``: the only ones the statutory clock can have anything for."""
    oldest, youngest = dob_range_for_ages(as_at, 16, 24)
    return qs.filter(status=ServiceStatus.OPEN, date_of_birth__gte=oldest, date_of_birth__lte=youngest)


def facts_hold(as_at: dt.date, iv: Intervals) -> Q:
    """Stored facts exist, hold on ``as_at`` and were worked out under the current intervals."""
    return (Q(clock_facts__isnull=False) & Q(clock_facts__valid_from__lte=as_at)
            & Q(clock_facts__intervals_key=intervals_key(iv)))


def holding(qs: QuerySet[YoungPerson], as_at: dt.date, iv: Intervals) -> QuerySet[YoungPerson]:
    """Open young people aged 16-24 whose stored facts hold on ``as_at`` under the current intervals."""
    return open_in_age(qs, as_at).filter(facts_hold(as_at, iv))


def before_support_ends(field: str, as_at: dt.date, horizon: dt.date) -> Q:
    """The stored due date ``field`` falls before the 25th birthday (the clock stops at it). Only those whose 25th
    birthday is by the horizon can have one after it: a few dates of birth (one per day to the horizon), each
    given its own bound, so the test stays a plain comparison the database can index."""
    oldest = dob_range_for_ages(as_at, 16, SUPPORT_ENDS_AGE - 1)[0]
    near = dob_range_for_ages(horizon, SUPPORT_ENDS_AGE, 200)[1]
    bound = Q(date_of_birth__gt=near)
    day = oldest
    while day <= near:
        bound |= Q(date_of_birth=day, **{f"clock_facts__{field}__lt": support_ends(day)})
        day += dt.timedelta(days=1)
    return bound


def _dues(as_at: dt.date, iv: Intervals) -> dict[str, Case]:
    """For each kind, its stored due date when it applies on ``as_at`` and falls by the horizon, else null."""
    horizon = as_at + dt.timedelta(days=iv.due_soon_days)
    under_18 = Q(date_of_birth__gte=dob_range_for_ages(as_at, 16, 17)[0])
    coallocation_age = Q(date_of_birth__lte=dob_range_for_ages(as_at, iv.coallocation_age, 200)[1])
    from_21 = Q(date_of_birth__lte=dob_range_for_ages(as_at, PA_FROM_21_AGE, 200)[1])
    eligible_by = Q(eligible_from__lte=as_at)
    looked_after = Q(clock_facts__looked_after=True)
    care_leaver = eligible_by | Q(category__in=[*CACHED_LEAVER, "qualifying"])
    needs_pa = eligible_by | Q(category__in=CACHED_LEAVER)
    relevant = under_18 & ~looked_after & needs_pa
    has_pa = Q(clock_facts__pa_worker_id__isnull=False)

    def by(field: str) -> Q:
        return Q(**{f"clock_facts__{field}__lte": horizon}) & before_support_ends(field, as_at, horizon)

    def by_horizon(field: str, applies: Q) -> Case:
        return Case(When(applies & by(field), then=F(f"clock_facts__{field}")), output_field=DateField())

    return {
        "pa_contact": Case(
            When(care_leaver & has_pa & relevant & by("pa_contact_due_if_relevant"),
                 then=F("clock_facts__pa_contact_due_if_relevant")),
            When(care_leaver & has_pa & ~relevant & by("pa_contact_due"),
                 then=F("clock_facts__pa_contact_due")), output_field=DateField()),
        "pa_allocation": Case(
            When(needs_pa & ~has_pa & coallocation_age & ~from_21 & by("pa_allocation_due"),
                 then=F("clock_facts__pa_allocation_due")),
            When(needs_pa & ~has_pa & from_21 & by("pa_allocation_due_from_21"),
                 then=F("clock_facts__pa_allocation_due_from_21")), output_field=DateField()),
        "sw_visit": by_horizon("sw_visit_due", care_leaver & looked_after & under_18),
        "needs_assessment": by_horizon("needs_assessment_due", eligible_by & under_18 & looked_after
                                       & Q(clock_facts__assessment_completed=False)),
        "pathway_plan_review": by_horizon("plan_review_due", care_leaver),
    }


def _with_dues(qs: QuerySet[YoungPerson], as_at: dt.date, iv: Intervals) -> QuerySet[YoungPerson]:
    dues = _dues(as_at, iv)
    anything = Q()
    for kind in KINDS:
        anything |= Q(**{f"{kind}__isnull": False})
    horizon = as_at + dt.timedelta(days=iv.due_soon_days)
    return (holding(qs, as_at, iv).filter(clock_facts__earliest_due__lte=horizon).order_by().annotate(**dues)
            .filter(anything))


def stored_items(qs: QuerySet[YoungPerson], as_at: dt.date, iv: Intervals, worker_id: int | None = None
                 ) -> Iterator[tuple[tuple[Any, ...], str, dt.date, int | None]]:
    """(person columns ``PERSON``, kind, due, worker) for everything overdue at ``as_at`` or due by the horizon,
    for those whose stored facts hold."""
    rows = _with_dues(qs, as_at, iv)
    if worker_id is not None:
        rows = rows.filter(Q(clock_facts__pa_worker_id=worker_id) | Q(clock_facts__sw_worker_id=worker_id))
    n = len(PERSON)
    for row in rows.values_list(*PERSON, *WORKERS, *KINDS).iterator(chunk_size=5000):
        person, (pa, sw, looked_after), dues = row[:n], row[n:n + 3], row[n + 3:]
        for kind, due in zip(KINDS, dues, strict=True):
            if due is not None:
                yield person, kind, due, owner(kind, pa, sw, looked_after)


def stored_counts(qs: QuerySet[YoungPerson], as_at: dt.date, iv: Intervals) -> Counter[tuple[Any, Any, str]]:
    """(team, locality, overdue|due_soon) -> how many items, counted in the database, for those whose facts hold."""
    counted = {f"{kind}_{status}": Count("pk", filter=Q(**{f"{kind}__{op}": as_at}))
               for kind in KINDS for status, op in (("overdue", "lt"), ("due_soon", "gte"))}
    found: Counter[tuple[Any, Any, str]] = Counter()
    for g in (_with_dues(qs, as_at, iv).values("team__name", "team__locality__name").annotate(**counted)
              .order_by()):
        for status in ("overdue", "due_soon"):
            found[(g["team__name"], g["team__locality__name"], status)] += sum(g[f"{k}_{status}"] for k in KINDS)
    return found
