"""Small builders for young people in tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from people import actions
from people.models import Allocation, CareEpisode, YoungPerson

_counter = iter(range(1, 10**6))


def young_person(team: Any = None, dob: dt.date | None = None, pa: Any = None, sw: Any = None,
                 in_care: tuple[dt.date, dt.date | None] | None = None, **fields: Any) -> YoungPerson:
    """A young person, by default looked after from 14 to 18, so a care leaver."""
    n = next(_counter)
    dob = dob or dt.date(2006, 5, 1)
    fields.setdefault("first_name", f"Alex{n}")
    fields.setdefault("last_name", f"Tester{n}")
    yp = YoungPerson.objects.create(la_person_id=fields.pop("la_person_id", f"T{n:06d}"), date_of_birth=dob,
                                    team=team, **fields)
    start, end = in_care or (dob.replace(year=dob.year + 14), dob.replace(year=dob.year + 18))
    CareEpisode.objects.create(young_person=yp, start_date=start, end_date=end, legal_status="C2",
                               placement_type="U1", reason_ceased="E17" if end else "")
    for worker, role in ((pa, "pa"), (sw, "sw")):
        if worker is not None:
            Allocation.objects.create(young_person=yp, worker=worker, role=role, start_date=start)
    return actions.refresh_category(yp)
