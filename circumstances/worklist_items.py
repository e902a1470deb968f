"""Circumstances items on the worklists (see worklists.extra); the worker is the PA, else the social worker.

- ``leave_to_remain``: ``leave_to_remain_warning_days`` (90) before leave to remain ends, until the case is updated.
- ``release_planning``: ``release_planning_days`` (56) before the expected release from custody, until released.
- ``records_request``: an access-to-records request, due one calendar month after it was received, until done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet

from circumstances.models import Custody, ImmigrationCase, RecordsRequest
from circumstances.rules import leave_warning_due, release_planning_due
from health.worklist_items import _workers
from org.config import settings as config

LABELS = {"leave_to_remain": "Leave to remain ends: plan the application", "release_planning": "Release planning",
          "records_request": "Access to records request"}


def due(qs: QuerySet[Any], as_at: dt.date, horizon: dt.date | None) -> Iterator[tuple[int, str, dt.date, int | None]]:
    s = config("leave_to_remain_warning_days", "release_planning_days")
    warn, plan = int(s["leave_to_remain_warning_days"]), int(s["release_planning_days"])
    found: list[tuple[int, str, dt.date]] = []
    cases = ImmigrationCase.objects.filter(young_person__in=qs, leave_ends_on__isnull=False)
    if horizon is not None:
        cases = cases.filter(leave_ends_on__lte=horizon + dt.timedelta(days=warn))
    found += [(pk, "leave_to_remain", leave_warning_due(end, warn))
              for pk, end in cases.values_list("young_person_id", "leave_ends_on")]
    custody = Custody.objects.filter(young_person__in=qs, released_on__isnull=True, release_date__isnull=False)
    if horizon is not None:
        custody = custody.filter(release_date__lte=horizon + dt.timedelta(days=plan))
    found += [(pk, "release_planning", release_planning_due(day, plan))
              for pk, day in custody.values_list("young_person_id", "release_date")]
    requests = RecordsRequest.objects.filter(young_person__in=qs, completed_on__isnull=True)
    if horizon is not None:
        requests = requests.filter(due_on__lte=horizon)
    found += [(pk, "records_request", day) for pk, day in requests.values_list("young_person_id", "due_on")]
    workers = _workers({pk for pk, _, _ in found}, as_at) if found else {}
    for pk, kind, when in found:
        w = workers.get(pk, {})
        yield pk, kind, when, w.get("pa") or w.get("sw")
