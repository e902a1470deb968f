"""Read-side queries over young people, always through people.scope."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from org.config import setting
from people.allocation_rules import SUPPORT_ENDS_AGE
from people.eligibility import Category, dob_range_for_ages
from people.models import Allocation, AllocationRole, ServiceStatus, YoungPerson
from people.scope import young_people_for


def current_pa_exists() -> Exists:
    return Exists(Allocation.objects.filter(young_person=OuterRef("pk"), role=AllocationRole.PERSONAL_ADVISER,
                                            end_date__isnull=True))


def needing_pa(user: Any, as_at: dt.date) -> QuerySet[YoungPerson]:
    """Open care leavers ``user`` may see who reached the PA co-allocation age (config
    ``pa_coallocation_age``, 17 by default) and are under 25, with no current personal adviser.

    Same rule as people.allocation_rules.needs_pa, in the database. Oldest first (longest waiting).
    """
    age = int(setting("pa_coallocation_age"))
    earliest, latest = dob_range_for_ages(as_at, age, SUPPORT_ENDS_AGE - 1)
    return (young_people_for(user)
            .filter(status=ServiceStatus.OPEN, date_of_birth__range=(earliest, latest))
            .exclude(category=Category.NONE)
            .exclude(current_pa_exists())
            .select_related("team")
            .order_by("date_of_birth", "pk"))
