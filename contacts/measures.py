"""The keeping-in-touch measure (seed 000 s2.3): open care leavers with a successful PA contact in the last 2 months."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Case, CharField, Count, Exists, OuterRef, Q, QuerySet, Value, When

from contacts.models import Contact
from people.eligibility import dob_range_for_ages
from people.models import Allocation, YoungPerson
from worklists.clock import add_months
from worklists.queries import end_of_day

BANDS = [("16-17", 16, 17), ("18-20", 18, 20), ("21-24", 21, 24)]


def in_touch_rows(qs: QuerySet[YoungPerson], as_at: dt.date) -> list[dict[str, Any]]:
    """[{team, age_band, in_touch, total, percent}] for open care leavers with a personal adviser."""
    since = end_of_day(add_months(as_at, -2) - dt.timedelta(days=1))
    touched = Contact.objects.filter(young_person=OuterRef("pk"), made_by="pa", successful=True,
                                     occurred_at__gte=since, occurred_at__lt=end_of_day(as_at))
    has_pa = Allocation.objects.filter(young_person=OuterRef("pk"), role="pa", end_date__isnull=True)
    whens = []
    for label, low, high in BANDS:
        earliest, latest = dob_range_for_ages(as_at, low, high)
        whens.append(When(date_of_birth__gte=earliest, date_of_birth__lte=latest, then=Value(label)))
    rows = (qs.filter(status="open", category__in=["eligible", "relevant", "former_relevant"])
            .filter(Exists(has_pa))
            .annotate(band=Case(*whens, default=Value(""), output_field=CharField()))
            .exclude(band="")
            .values("team__name", "band")
            .annotate(total=Count("pk"), in_touch=Count("pk", filter=Q(Exists(touched))))
            .order_by("team__name", "band"))
    return [{"team": r["team__name"] or "No team", "age_band": r["band"], "in_touch": r["in_touch"],
             "total": r["total"], "percent": round(100 * r["in_touch"] / r["total"], 1) if r["total"] else None}
            for r in rows]
