"""The three measures computed in the database, as at a date or for a DfE collection year."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection
from django.db.models import Case, CharField, Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Value, When

from accommodation.models import AccommodationEpisode, ActivityEpisode
from contacts.models import Contact
from people.eligibility import dob_range_for_ages
from people.models import YoungPerson
from performance.definitions import (
    ACCOM_LEFT_OUT,
    ADJUSTED_OUT,
    AS_AT_BANDS,
    DFE_BANDS,
    IN_TOUCH_COUNTED,
    INDICATORS,
    OUTSIDE_RATES,
    dob_window,
    percent,
)
from returns.models import Oc3Status
from worklists.clock import add_months
from worklists.queries import end_of_day

EET = Q(activity__startswith="F") | Q(activity__startswith="P")


def _band_case(whens: list[When]) -> Case:
    return Case(*whens, default=Value(""), output_field=CharField())


def as_at_cohort(qs: QuerySet[YoungPerson], as_at: dt.date) -> QuerySet[YoungPerson]:
    """Open care leavers aged 17 to 25 at the date (eligible 17-year-olds count), with band and status columns."""
    whens = []
    for label, low, high in AS_AT_BANDS:
        earliest, latest = dob_range_for_ages(as_at, low, high)
        whens.append(When(date_of_birth__gte=earliest, date_of_birth__lte=latest, then=Value(label)))
    on = Q(start_date__lte=as_at) & (Q(end_date__isnull=True) | Q(end_date__gte=as_at))
    accommodation = AccommodationEpisode.objects.filter(on, young_person=OuterRef("pk")).order_by("-start_date", "-pk")
    activity = ActivityEpisode.objects.filter(on, young_person=OuterRef("pk")).order_by("-start_date", "-pk")
    touched = Contact.objects.filter(young_person=OuterRef("pk"), made_by="pa", successful=True,
                                     occurred_at__gte=end_of_day(add_months(as_at, -2) - dt.timedelta(days=1)),
                                     occurred_at__lt=end_of_day(as_at))
    care_leaver = Q(eligible_from__lte=as_at) | Q(eligible_from__isnull=True,
                                                  category__in=["relevant", "former_relevant"])
    return (qs.filter(care_leaver, status="open")
            .annotate(band=_band_case(whens), suitable_now=Subquery(accommodation.values("suitable")[:1]),
                      activity=Subquery(activity.values("activity")[:1]), in_touch_now=Exists(touched))
            .exclude(band=""))


def _per_person_counts(cohort: QuerySet[YoungPerson], by: str | None) -> list[dict[str, Any]]:
    """Counts by band (and group) over the cohort, each young person's status worked out once: the cohort is
    a materialised CTE, so the subqueries for home, activity and contact run once per person rather than
    once per count that reads them."""
    per_person = cohort.order_by().annotate(grp=F(by) if by else Value("")).values(
        "band", "grp", "in_touch_now", "suitable_now", "activity")
    sql, params = per_person.query.sql_with_params()
    adjusted_out = ", ".join(f"'{code}'" for code in sorted(ADJUSTED_OUT))
    eet = "(activity LIKE 'F%%' OR activity LIKE 'P%%')"
    with connection.cursor() as cursor:
        cursor.execute(f"""
            WITH p AS MATERIALIZED ({sql})
            SELECT band, grp, COUNT(*),
                   SUM(CASE WHEN in_touch_now THEN 1 ELSE 0 END),
                   SUM(CASE WHEN suitable_now THEN 1 ELSE 0 END),
                   SUM(CASE WHEN {eet} THEN 1 ELSE 0 END),
                   SUM(CASE WHEN activity IS NULL OR activity NOT IN ({adjusted_out}) THEN 1 ELSE 0 END)
            FROM p GROUP BY band, grp""", params)
        names = ["band", by or "grp", "total", "in_touch", "suitable", "eet", "adjusted_total"]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def as_at_rows(qs: QuerySet[YoungPerson], as_at: dt.date, by: str | None = None) -> list[dict[str, Any]]:
    """Indicator rows by age band (and by ``by``, e.g. "team__name", when given), counted in the database."""
    keys = ["band"] + ([by] if by else [])
    grouped = _per_person_counts(as_at_cohort(qs, as_at), by)
    found = {tuple(g[k] for k in keys): g for g in grouped}
    # a young person with no team or district groups under None, listed last (None and text do not sort together)
    groups = sorted({k[1:] for k in found}, key=lambda g: (g[0] is None, g[0] or "")) if by else [()]
    rows = []
    for group in groups:
        for label, _, _ in AS_AT_BANDS:
            g = found.get((label, *group), {})
            total, adjusted = g.get("total", 0), g.get("adjusted_total", 0)
            pairs = {"in_touch": (g.get("in_touch", 0), total), "suitable_accommodation": (g.get("suitable", 0), total),
                     "eet": (g.get("eet", 0), total), "eet_adjusted": (g.get("eet", 0), adjusted)}
            for indicator in INDICATORS:
                n, d = pairs[indicator]
                row = {"indicator": indicator, "age_band": label, "numerator": n, "denominator": d,
                       "percent": percent(n, d)}
                if by:
                    row["group"] = group[0]
                rows.append(row)
    return rows


def dfe_year_rows(year: int, refresh: bool = True) -> list[dict[str, Any]]:
    """The DfE's rates for the collection year, counted over that year's OC3 rows in the database. Rows of young
    people who died or returned home (DIED, RHOM) are outside all three rates, numerators and denominators."""
    if refresh:
        from returns.oc3 import refresh_derived

        refresh_derived(year)
    whens = []
    for label, ages in DFE_BANDS:
        earliest, latest = dob_window(year, ages)
        whens.append(When(young_person__date_of_birth__gte=earliest, young_person__date_of_birth__lte=latest,
                          then=Value(label)))
    left_out = Q()
    for letter in sorted(ACCOM_LEFT_OUT):
        left_out |= Q(accommodation__startswith=letter)
    grouped = {g["band"]: g for g in (
        Oc3Status.objects.filter(year=year).exclude(in_touch__in=sorted(OUTSIDE_RATES))
        .annotate(band=_band_case(whens)).exclude(band="")
        .values("band").annotate(
            all=Count("pk"),
            yes=Count("pk", filter=Q(in_touch="YES")),
            touch_counted=Count("pk", filter=Q(in_touch__in=sorted(IN_TOUCH_COUNTED))),
            suitable=Count("pk", filter=Q(accommodation__endswith="1") & ~left_out),
            accom_counted=Count("pk", filter=~left_out),
            eet=Count("pk", filter=EET),
            adjusted=Count("pk", filter=~Q(activity__in=sorted(ADJUSTED_OUT))),
        ))}
    rows = []
    for label, _ in DFE_BANDS:
        g = grouped.get(label, {})
        pairs = {"in_touch": ("yes", "touch_counted"), "suitable_accommodation": ("suitable", "accom_counted"),
                 "eet": ("eet", "all"), "eet_adjusted": ("eet", "adjusted")}
        for indicator in INDICATORS:
            n, d = (g.get(k, 0) for k in pairs[indicator])
            rows.append({"indicator": indicator, "age_band": label, "numerator": n, "denominator": d,
                         "percent": percent(n, d)})
    return rows
