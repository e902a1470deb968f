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


def _dfe_left_out() -> Q:
    left_out = Q()
    for letter in sorted(ACCOM_LEFT_OUT):
        left_out |= Q(accommodation__startswith=letter)
    return left_out


def dfe_filters() -> dict[str, tuple[Q, Q]]:
    """Each indicator's numerator and denominator over one year's OC3 rows (DIED and RHOM already left out).
    The counts and the lists of young people behind them both read these, so they agree by construction."""
    left_out = _dfe_left_out()
    return {
        "in_touch": (Q(in_touch="YES"), Q(in_touch__in=sorted(IN_TOUCH_COUNTED))),
        "suitable_accommodation": (Q(accommodation__endswith="1") & ~left_out, ~left_out),
        "eet": (EET, Q()),
        "eet_adjusted": (EET, ~Q(activity__in=sorted(ADJUSTED_OUT))),
    }


def as_at_filters() -> dict[str, tuple[Q, Q]]:
    """Each indicator's numerator and denominator over the as-at cohort (``as_at_cohort``'s columns); the same
    rules as the counts in ``_per_person_counts``."""
    eet = Q(activity__startswith="F") | Q(activity__startswith="P")
    return {
        "in_touch": (Q(in_touch_now=True), Q()),
        "suitable_accommodation": (Q(suitable_now=True), Q()),
        "eet": (eet, Q()),
        "eet_adjusted": (eet, Q(activity__isnull=True) | ~Q(activity__in=sorted(ADJUSTED_OUT))),
    }


def _dfe_year_cohort(year: int) -> QuerySet[Oc3Status]:
    whens = []
    for label, ages in DFE_BANDS:
        earliest, latest = dob_window(year, ages)
        whens.append(When(young_person__date_of_birth__gte=earliest, young_person__date_of_birth__lte=latest,
                          then=Value(label)))
    return (Oc3Status.objects.filter(year=year).exclude(in_touch__in=sorted(OUTSIDE_RATES))
            .annotate(band=_band_case(whens)).exclude(band=""))


def dfe_year_rows(year: int, refresh: bool = True) -> list[dict[str, Any]]:
    """The DfE's rates for the collection year, counted over that year's OC3 rows in the database. Rows of young
    people who died or returned home (DIED, RHOM) are outside all three rates, numerators and denominators."""
    if refresh:
        from returns.oc3 import refresh_derived

        refresh_derived(year)
    filters = dfe_filters()
    counts: dict[str, Any] = {}
    for indicator, (num, den) in filters.items():
        counts[f"{indicator}_n"] = Count("pk", filter=num)
        counts[f"{indicator}_d"] = Count("pk", filter=den) if den != Q() else Count("pk")
    grouped = {g["band"]: g for g in _dfe_year_cohort(year).values("band").annotate(**counts)}
    rows = []
    for label, _ in DFE_BANDS:
        g = grouped.get(label, {})
        for indicator in INDICATORS:
            n, d = g.get(f"{indicator}_n", 0), g.get(f"{indicator}_d", 0)
            rows.append({"indicator": indicator, "age_band": label, "numerator": n, "denominator": d,
                         "percent": percent(n, d)})
    return rows


def _side(filters: dict[str, tuple[Q, Q]], indicator: str, which: str) -> Q:
    num, den = filters[indicator]
    return num & den if which == "numerator" else den


def as_at_members(qs: QuerySet[YoungPerson], as_at: dt.date, indicator: str, band: str, which: str,
                  group_by: str | None = None, group: str | None = None) -> QuerySet[YoungPerson]:
    """The young people behind one as-at figure: counted in its numerator or in its denominator (``which``),
    optionally in one team or district (``group_by`` "team__name" or "district__name"; ``group`` None is the
    young people with none recorded)."""
    cohort = as_at_cohort(qs, as_at).filter(band=band).filter(_side(as_at_filters(), indicator, which))
    if group_by:
        cohort = cohort.filter(**({f"{group_by}__isnull": True} if group is None else {group_by: group}))
    return cohort


def dfe_year_members(year: int, indicator: str, band: str, which: str) -> QuerySet[Oc3Status]:
    """The OC3 rows behind one DfE-year figure (read after ``dfe_year_rows`` has refreshed the derived rows)."""
    return _dfe_year_cohort(year).filter(band=band).filter(_side(dfe_filters(), indicator, which))
