"""Health items on the worklists (see worklists.extra).

- ``health_passport``: a care leaver without a health passport is due one by the 18th birthday; the item stays until
  it is issued, while they are 17 or 18 (seed 000 section 6: a passport when they leave care).
- ``health_assessment``: a looked-after young person under 18 is due a health assessment 12 months after the last
  completed one, or after the current episode of care began if none is recorded (statute: annual while looked
  after). The worker is the social worker, else the PA.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.db.models import Max, Q, QuerySet

from health.models import HealthCheck, HealthProfile
from health.rules import health_assessment_due, passport_due
from org.config import settings as config
from people.eligibility import dob_range_for_ages
from people.models import Allocation, CareEpisode

LABELS = {"health_passport": "Health passport", "health_assessment": "Health assessment (looked after)"}
CARE_LEAVER = ["eligible", "relevant", "former_relevant", "qualifying"]


def _workers(ids: set[int], as_at: dt.date) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = {}
    rows = (Allocation.objects.filter(young_person_id__in=ids, start_date__lte=as_at)
            .filter(Q(end_date__isnull=True) | Q(end_date__gt=as_at)).values_list("young_person_id", "role",
                                                                                   "worker_id"))
    for pk, role, worker in rows:
        out.setdefault(pk, {})[role] = worker
    return out


def due(qs: QuerySet[Any], as_at: dt.date, horizon: dt.date | None) -> Iterator[tuple[int, str, dt.date, int | None]]:
    s = config("health_passport_age", "health_assessment_months")
    age, months = int(s["health_passport_age"]), int(s["health_assessment_months"])
    # Passport: aged 17 or 18 (its due birthday within a year either side), no passport issued
    oldest = dob_range_for_ages(as_at, age, age)[0]
    youngest = dob_range_for_ages(horizon or as_at + dt.timedelta(days=366), age - 1, age)[1]
    issued = HealthProfile.objects.filter(passport_issued=True).values("young_person_id")
    passport_rows = list(qs.filter(category__in=CARE_LEAVER, date_of_birth__gte=oldest, date_of_birth__lte=youngest)
                         .exclude(pk__in=issued).values_list("pk", "date_of_birth"))
    # Health assessment: looked after now and under 18
    under_18 = dob_range_for_ages(as_at, 0, 17)[0]
    episodes = dict(CareEpisode.objects.filter(young_person__in=qs.filter(date_of_birth__gte=under_18),
                                               start_date__lte=as_at, is_short_break=False)
                    .filter(Q(end_date__isnull=True) | Q(end_date__gt=as_at))
                    .values_list("young_person_id", "start_date"))
    last = dict(HealthCheck.objects.filter(young_person_id__in=list(episodes), kind="health_assessment",
                                           status="Completed", on__lte=as_at)
                .values("young_person_id").annotate(last=Max("on")).values_list("young_person_id", "last"))
    workers = _workers({pk for pk, _ in passport_rows} | set(episodes), as_at)
    for pk, dob in passport_rows:
        when = passport_due(dob, age)
        if horizon is None or when <= horizon:
            w = workers.get(pk, {})
            yield pk, "health_passport", when, w.get("pa") or w.get("sw")
    for pk, since in episodes.items():
        when = health_assessment_due(last.get(pk), since, months)
        if horizon is None or when <= horizon:
            w = workers.get(pk, {})
            yield pk, "health_assessment", when, w.get("sw") or w.get("pa")
