"""What is due next for a young person: the interface the summary page and the API call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DueItem:
    kind: str  # pa_contact | sw_visit | needs_assessment | pathway_plan_review | pa_allocation
    label: str  # e.g. "Personal adviser contact"
    due: dt.date
    status: str  # overdue | due_soon | upcoming
    worker_id: int | None = None


def next_due_for(young_person: Any, as_at: dt.date) -> list[DueItem]:
    """Everything on the statutory clock for one young person, soonest first."""
    from worklists.queries import due_for_one

    return [DueItem(d.kind, d.label, d.due, d.status, d.worker_id) for d in due_for_one(young_person, as_at)]
