"""The demo command builds a cohort whose categories are computed from care history."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management import call_command

from people.models import YoungPerson


def test_demo_cohort_is_deterministic_and_categorised(db: Any) -> None:
    call_command("demo_data", "--young-people", "60", "--seed", "7", "--as-at", "2025-06-30",
                 stdout=open("/dev/null", "w"))
    first = list(YoungPerson.objects.order_by("pk").values_list("first_name", "date_of_birth", "category"))
    assert len(first) == 60
    assert {c for _, _, c in first} >= {"eligible", "former_relevant"}
    for yp in YoungPerson.objects.all()[:20]:
        assert yp.category_on(dt.date(2025, 6, 30)).value == yp.category
