"""Read queries over young people that several pages share. All go through people.scope."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from org.config import setting
from people.eligibility import dob_range_for_ages
from people.models import Allocation, AllocationRole, ServiceStatus, YoungPerson
from people.scope import young_people_for


def needing_pa(user: Any, as_at: dt.date) -> QuerySet[YoungPerson]:
    """Open eligible, relevant and former relevant young people past the PA co-allocation age with no PA."""
    earliest, latest = dob_range_for_ages(as_at, int(setting("pa_coallocation_age")), 24)
    has_pa = Allocation.objects.filter(young_person=OuterRef("pk"), role=AllocationRole.PERSONAL_ADVISER,
                                       end_date__isnull=True)
    return (young_people_for(user).filter(status=ServiceStatus.OPEN, date_of_birth__gte=earliest,
                                          date_of_birth__lte=latest)
            .filter(category__in=["eligible", "relevant", "former_relevant"]).exclude(Exists(has_pa)))
