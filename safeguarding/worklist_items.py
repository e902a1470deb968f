"""Safeguarding items on the worklists (see worklists.extra).

- ``oversight_review``: a young person under Head of Service oversight is due a review ``review_every_months``
  after the latest review (or the start); the item is the manager's who asked for oversight.
- ``meeting_action``: an action agreed at a multi-agency meeting, due on its date until done, on its owner's list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.db.models import Max, QuerySet

from safeguarding.models import MeetingAction, Oversight
from safeguarding.rules import oversight_review_due

LABELS = {"oversight_review": "Head of Service oversight review", "meeting_action": "Action from a meeting"}


def due(qs: QuerySet[Any], as_at: dt.date, horizon: dt.date | None) -> Iterator[tuple[int, str, dt.date, int | None]]:
    current = (Oversight.objects.filter(young_person__in=qs, ended_on__isnull=True, started_on__lte=as_at)
               .annotate(last=Max("reviews__reviewed_on"))
               .values_list("young_person_id", "started_on", "last", "review_every_months", "started_by_id"))
    for pk, started, last, every, by in current:
        when = oversight_review_due(started, last, every)
        if horizon is None or when <= horizon:
            yield pk, "oversight_review", when, by
    actions = MeetingAction.objects.filter(meeting__young_person__in=qs, done_on__isnull=True)
    if horizon is not None:
        actions = actions.filter(due_on__lte=horizon)
    for pk, when, owner in actions.values_list("meeting__young_person_id", "due_on", "owner_id"):
        yield pk, "meeting_action", when, owner
