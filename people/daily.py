"""The daily work on young people's records: refresh each cached eligibility category, and close each record
on the 25th birthday. Both are idempotent: a second run on the same day changes nothing."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction

from people import actions
from people.allocation_rules import SUPPORT_ENDS_AGE
from people.eligibility import Episode, became_eligible_on, birthday, care_ended_on, category_on, dob_range_for_ages
from people.models import CareEpisode, ServiceStatus, YoungPerson

log = logging.getLogger("leavingcare.jobs")
CHUNK = 2000
REACHED_25 = "Reached 25"


def refresh_categories(as_at: dt.date) -> tuple[int, int]:
    """Recompute every cached category (and eligibility date, care end) as at ``as_at``; returns (seen, changed).
    Only rows whose values changed are written."""
    changed = seen = 0
    last_pk = 0
    while True:
        people = list(YoungPerson.objects.filter(pk__gt=last_pk).order_by("pk").only(
            "pk", "date_of_birth", "special_guardianship", "detained_on_16th", "category", "eligible_from",
            "care_ended_on",
        )[:CHUNK])
        if not people:
            break
        last_pk = people[-1].pk
        episodes: dict[int, list[Episode]] = {}
        for yp_id, start, end, short in CareEpisode.objects.filter(
                young_person_id__in=[p.pk for p in people]).values_list(
                "young_person_id", "start_date", "end_date", "is_short_break"):
            episodes.setdefault(yp_id, []).append(Episode(start, end, short))
        updates = []
        for yp in people:
            eps = episodes.get(yp.pk, [])
            category = category_on(yp.date_of_birth, eps, as_at, special_guardianship=yp.special_guardianship,
                                   detained_on_16th=yp.detained_on_16th).value
            eligible_from, ended = became_eligible_on(yp.date_of_birth, eps), care_ended_on(eps)
            if (category, eligible_from, ended) != (yp.category, yp.eligible_from, yp.care_ended_on):
                yp.category, yp.eligible_from, yp.care_ended_on = category, eligible_from, ended
                updates.append(yp)
        with transaction.atomic():
            YoungPerson.objects.bulk_update(updates, ["category", "eligible_from", "care_ended_on"], batch_size=500)
        seen += len(people)
        changed += len(updates)
    log.info("categories refreshed", extra={"job": "refresh_categories", "as_at": as_at.isoformat(),
                                            "seen": seen, "changed": changed})
    return seen, changed


def due_to_close(as_at: dt.date) -> list[YoungPerson]:
    """Open or stepped-down records of young people whose 25th birthday is on or before ``as_at``."""
    born_by = dob_range_for_ages(as_at, SUPPORT_ENDS_AGE, 200)[1]
    return list(YoungPerson.objects.filter(status__in=[ServiceStatus.OPEN, ServiceStatus.STEPPED_DOWN],
                                           date_of_birth__lte=born_by).order_by("pk"))


def close_at_25(as_at: dt.date) -> list[YoungPerson]:
    """Close each record on its 25th birthday through the ordinary verb (``people.actions.set_service_status``:
    ends the allocations, writes the audit event with old and new values and the reason "Reached 25"). The
    closure is dated the 25th birthday, even when the job runs later. Returns the records closed."""
    closed = []
    for yp in due_to_close(as_at):
        actions.set_service_status(None, yp, ServiceStatus.CLOSED, birthday(yp.date_of_birth, SUPPORT_ENDS_AGE),
                                   reason=REACHED_25, today=as_at)
        closed.append(yp)
    log.info("records closed at 25", extra={"job": "close_at_25", "as_at": as_at.isoformat(),
                                            "closed": len(closed)})
    return closed
