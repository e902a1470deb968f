"""Caseload sizes per worker, counted in the database, against the authority's threshold bands."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet

from accounts.models import User
from accounts.roles import Role
from org.config import setting

BANDS = ("Outstanding", "Good", "Requires Improvement")


def band_for(caseload: int, upper_bounds: dict[str, int]) -> str:
    """The first band whose upper bound the caseload does not exceed; Inadequate above them all."""
    for band in BANDS:
        if band in upper_bounds and caseload <= upper_bounds[band]:
            return band
    return "Inadequate"


@dataclass(frozen=True)
class Caseload:
    worker: Any
    count: int
    band: str


def caseloads(workers: QuerySet[User]) -> list[Caseload]:
    bands = setting("caseload_bands")
    rows = (workers.filter(role__in=[Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER], is_active=True)
            .select_related("team")
            .annotate(n=Count("allocations", filter=Q(allocations__end_date__isnull=True,
                                                      allocations__young_person__status="open")))
            .order_by("team__name", "last_name", "first_name"))
    return [Caseload(w, w.n, band_for(w.n, bands.get(w.role, {}))) for w in rows]
