"""Small builders for people tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from people.eligibility import birthday
from people.models import Allocation, CareEpisode, YoungPerson

_counter = iter(range(1, 1_000_000))


def make_yp(age: int = 19, team: Any = None, today: dt.date | None = None, in_care_from_14: bool = True,
            **extra: Any) -> YoungPerson:
    """A care leaver of ``age`` with one care episode from 14 to 18 (or still open if under 18)."""
    from django.utils import timezone

    today = today or timezone.localdate()
    n = next(_counter)
    dob = birthday(today, -age) - dt.timedelta(days=30)
    fields: dict[str, Any] = {"la_person_id": f"T{n:06d}", "first_name": f"Alex{n}", "last_name": "Example",
                              "date_of_birth": dob, "team": team, "category": "former_relevant" if age >= 18
                              else "eligible"}
    fields.update(extra)
    yp = YoungPerson.objects.create(**fields)
    if in_care_from_14:
        b18 = birthday(dob, 18)
        CareEpisode.objects.create(young_person=yp, start_date=birthday(dob, 14),
                                   end_date=b18 if b18 <= today else None, legal_status="C2", placement_type="U1")
    return yp


def allocate_now(yp: YoungPerson, worker: Any, role: str = "pa", days_ago: int = 100) -> Allocation:
    from django.utils import timezone

    return Allocation.objects.create(young_person=yp, worker=worker, role=role,
                                     start_date=timezone.localdate() - dt.timedelta(days=days_ago))
