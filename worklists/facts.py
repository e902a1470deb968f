"""Keep ``ClockFacts`` rows: work out, in one query, what the clock needs to know after every event on a record,
and the due dates the clock gives from it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from people.models import Allocation, CareEpisode, ServiceStatus, YoungPerson
from plans.models import NeedsAssessment
from worklists import clock
from worklists.models import ClockFacts

# A date after every event: the facts "as at" it are those after the latest event on the record
AFTER_EVERYTHING = dt.date(9000, 1, 1)
NO_EVENTS = dt.date(1900, 1, 1)
FIELDS = ["pa_since", "sw_since", "last_pa_contact_at", "last_sw_visit_at", "last_move", "latest_plan",
          "review_due", "assessment_completed", "looked_after"]
DUES = ["intervals_key", "pa_contact_due", "pa_contact_due_if_relevant", "sw_visit_due", "needs_assessment_due",
        "plan_review_due", "pa_allocation_due", "pa_allocation_due_from_21", "earliest_due"]
BATCH = 2000


def intervals_key(iv: clock.Intervals) -> str:
    return ",".join(str(getattr(iv, f.name)) for f in dataclasses.fields(iv))


def _latest(model: Any, field: str, **filters: Any) -> Subquery:
    rows = model.objects.filter(young_person=OuterRef("pk"), **filters, **{f"{field}__isnull": False})
    return Subquery(rows.order_by(f"-{field}").values(field)[:1])


def _local_date(value: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(value).date() if value is not None else None


def _facts(row: dict[str, Any], iv: clock.Intervals) -> ClockFacts:
    events = [row["allocated_latest"], row["allocation_ended"], row["care_started"], row["care_ended"],
              row["assessed_on"], row["last_move"], row["latest_plan"],
              _local_date(row["last_pa_contact_at"]), _local_date(row["last_sw_visit_at"]), row["opened_on"]]
    valid_from = max((d for d in events if d is not None), default=NO_EVENTS)
    f = clock.Facts(dob=row["date_of_birth"], category="", pa_id=row["pa_id"], pa_since=row["pa_since"],
                    sw_id=row["sw_id"], sw_since=row["sw_since"],
                    last_pa_contact=_local_date(row["last_pa_contact_at"]),
                    last_move=row["last_move"], last_sw_visit=_local_date(row["last_sw_visit_at"]),
                    eligible_from=row["eligible_from"], pa_ended=row["pa_ended"], opened_on=row["opened_on"])
    has_pa = row["pa_id"] is not None
    facts = ClockFacts(
        young_person_id=row["pk"], pa_worker_id=row["pa_id"], sw_worker_id=row["sw_id"], valid_from=valid_from,
        refreshed_at=timezone.now(), **{name: row[name] for name in FIELDS}, intervals_key=intervals_key(iv),
        pa_contact_due=clock.pa_contact_due(f, valid_from, iv, relevant=False) if has_pa else None,
        pa_contact_due_if_relevant=clock.pa_contact_due(f, valid_from, iv, relevant=True) if has_pa else None,
        sw_visit_due=clock.sw_visit_due(f, iv), needs_assessment_due=clock.needs_assessment_due(f, iv),
        plan_review_due=(clock.plan_review_due(row["latest_plan"], row["review_due"], iv)
                         if row["latest_plan"] is not None else None),
        pa_allocation_due=clock.pa_allocation_due(f, iv),
        pa_allocation_due_from_21=clock.pa_allocation_due(f, iv, from_21=True))
    could_apply = [facts.pa_contact_due, facts.pa_contact_due_if_relevant, facts.plan_review_due,
                   None if has_pa else facts.pa_allocation_due,
                   facts.sw_visit_due if facts.looked_after else None,
                   facts.needs_assessment_due if facts.looked_after and not facts.assessment_completed else None]
    facts.earliest_due = min((d for d in could_apply if d is not None), default=None)
    return facts


def refresh(young_people: QuerySet[YoungPerson]) -> int:
    """Work out and store the clock facts of ``young_people``; returns how many rows were written."""
    from worklists.queries import annotated, intervals

    iv = intervals()
    rows = annotated(young_people.order_by(), AFTER_EVERYTHING).annotate(
        allocated_latest=_latest(Allocation, "start_date"), allocation_ended=_latest(Allocation, "end_date"),
        care_started=_latest(CareEpisode, "start_date"), care_ended=_latest(CareEpisode, "end_date"),
        assessed_on=_latest(NeedsAssessment, "completed_on"),
    ).values("pk", "date_of_birth", "eligible_from", "pa_id", "sw_id", "allocated_latest", "allocation_ended",
             "care_started", "care_ended", "assessed_on", "pa_ended", "opened_on", *FIELDS)
    written = 0
    batch: list[ClockFacts] = []
    for row in rows.iterator(chunk_size=BATCH):
        batch.append(_facts(row, iv))
        if len(batch) == BATCH:
            written += _write(batch)
    return written + _write(batch)


def _write(batch: list[ClockFacts]) -> int:
    if batch:
        ClockFacts.objects.bulk_create(batch, update_conflicts=True, unique_fields=["young_person"],
                                       update_fields=["valid_from", "pa_worker_id", "sw_worker_id", "refreshed_at",
                                                      *FIELDS, *DUES])
    count = len(batch)
    batch.clear()
    return count


def fill_missing(young_people: QuerySet[YoungPerson], iv: clock.Intervals) -> int:
    """Store facts for the open young people in ``young_people`` who have none (new, or changed since), or whose
    due dates were worked out under other intervals (the authority changed a setting)."""
    current = Q(clock_facts__isnull=False) & Q(clock_facts__intervals_key=intervals_key(iv))
    return refresh(young_people.filter(status=ServiceStatus.OPEN).exclude(current))


def refresh_all() -> int:
    return refresh(YoungPerson.objects.filter(status=ServiceStatus.OPEN))


def forget(young_person_id: int | None) -> None:
    """Drop one young person's facts: something on their record changed. The next worklist refills them."""
    if young_person_id is not None:
        ClockFacts.objects.filter(young_person_id=young_person_id).delete()
