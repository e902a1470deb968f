"""The performance dashboard: the measures as at a date or for a DfE year, by age band, team and district, beside
published figures; and the young people behind each figure, for those who may see names."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from accounts.policy import may
from audit.log import record, viewed_many
from audit.models import Action
from leavingcare.access import rule
from leavingcare.pagecache import cached_page
from org.config import current_authority, setting
from people.models import YoungPerson
from people.scope import young_people_for
from performance.definitions import AS_AT_BANDS, DFE_BANDS, INDICATORS, rate_band
from performance.forms import AS_AT, DFE_YEAR, FIRST_YEAR, DashboardForm, current_collection_year, year_label
from performance.measures import as_at_members, as_at_rows, dfe_year_members, dfe_year_rows
from performance.series import Live, chart, heading

LABELS = {"in_touch": "In touch", "suitable_accommodation": "Suitable accommodation", "eet": "In education, "
          "employment or training", "eet_adjusted": "EET, excluding illness, disability, pregnancy or parenting"}
CHARTED = ("in_touch", "suitable_accommodation", "eet")
CHART_BANDS = ("17-18", "19-21")
GROUPS = {"team": "team__name", "district": "district__name"}


def _link(view: str, as_at: dt.date, year: int, **extra: Any) -> dict[str, Any]:
    period = {"as_at": as_at.isoformat()} if view == AS_AT else {"year": year}
    return {"view": view, **period, **extra}


def _with_links(rows: list[dict[str, Any]], view: str, as_at: dt.date, year: int, names: bool,
                **extra: Any) -> None:
    """Put on each row the query of the lists of young people behind its numerator and denominator."""
    base = reverse("performance:people")
    for row in rows:
        if not names:
            continue
        q = _link(view, as_at, year, indicator=row["indicator"], band=row["age_band"], **extra)
        row["numerator_url"] = f"{base}?{urlencode({**q, 'which': 'numerator'})}"
        row["denominator_url"] = f"{base}?{urlencode({**q, 'which': 'denominator'})}"


@rule("performance.view_dashboard")
@cached_page
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = DashboardForm(request.GET if request.GET else None, today=today)
    authority = current_authority()
    names = may(request.user, "performance.view_people")
    neighbours = request.GET.get("neighbours") != "hide"
    asked = request.GET.get("view")
    context: dict[str, Any] = {
        "form": form, "labels": LABELS, "authority": authority, "names": names, "neighbours": neighbours,
        "today": today, "view": asked if asked in (AS_AT, DFE_YEAR) else AS_AT,
        "switch_as_at": "?" + urlencode({"view": AS_AT, "as_at": today.isoformat()}),
        "switch_year": "?" + urlencode({"view": DFE_YEAR, "year": form.default_year})}
    if form.is_bound and not form.is_valid():
        record(request.user, Action.VIEW, object_type="page:performance", detail={"errors": list(form.errors)})
        return render(request, "performance/dashboard.html", context)
    view, as_at, year = form.choice()
    bands = setting("kpi_bands")
    if view == DFE_YEAR:
        overall = dfe_year_rows(year)
        so_far = ", so far" if year == current_collection_year(today) else ""
        live_year, note = year, f"DfE year {year - 1} to {year}{so_far}"
    else:
        overall = as_at_rows(YoungPerson.objects.all(), as_at)  # counts only: names are on the lists, by scope
        live_year, note = current_collection_year(as_at), f"as at {as_at:%-d %B %Y}"
    for row in overall:
        row["band"] = rate_band(row["percent"], bands[row["indicator"]])
        row["label"] = LABELS[row["indicator"]]
    _with_links(overall, view, as_at, year, names)
    charts = []
    if authority:
        for measure in CHARTED:
            for band in CHART_BANDS:
                own = next(r for r in overall if r["indicator"] == measure and r["age_band"] == band)
                live = Live(live_year, own["percent"], own["numerator"], own["denominator"], note,
                            {"numerator_url": own.get("numerator_url"), "denominator_url": own.get("denominator_url")})
                charts.append(chart(measure, band, authority, live=live, neighbours=neighbours))
    grouped: dict[str, list[dict[str, Any]]] = {}
    if view == AS_AT:
        for key, by in GROUPS.items():
            grouped[key] = as_at_rows(YoungPerson.objects.all(), as_at, by=by)
            for row in grouped[key]:
                _with_links([row], view, as_at, year, names, group_by=key, group=row["group"] or "")
    query = _link(view, as_at, year)
    hide = {} if neighbours else {"neighbours": "hide"}
    context.update({
        "switch_as_at": "?" + urlencode({"view": AS_AT, "as_at": as_at.isoformat(), **hide}),
        "switch_year": "?" + urlencode({"view": DFE_YEAR, "year": year, **hide}),
        "view": view, "as_at": as_at, "year": year, "year_label": year_label(year, today), "note": note,
        "overall": overall, "charts": [c for c in charts if c.series], "by_team": grouped.get("team", []),
        "by_district": grouped.get("district", []),
        "heading": heading(charts, authority) if authority else "",
        "neighbour_toggle": "?" + urlencode({**query, "neighbours": "hide" if neighbours else "show"}),
        "has_neighbours": bool(authority and authority.statistical_neighbours),
        "report_query": urlencode({"as_at": as_at.isoformat()}),
    })
    record(request.user, Action.VIEW, object_type="page:performance",
           detail={"view": view, "as_at": as_at} if view == AS_AT else {"view": view, "year": year})
    return render(request, "performance/dashboard.html", context)


class BadQuery(ValueError):
    """A list's address names something that is not a figure; the message names the part that is wrong."""


def _read_query(q: QueryDict, today: dt.date) -> dict[str, Any]:
    view = q.get("view", AS_AT)
    if view not in (AS_AT, DFE_YEAR):
        raise BadQuery("Measure must be as at a date or for a DfE collection year")
    indicator = q.get("indicator", "")
    if indicator not in INDICATORS:
        raise BadQuery("Choose a measure: in touch, suitable accommodation, EET or adjusted EET")
    which = q.get("which", "")
    if which not in ("numerator", "denominator"):
        raise BadQuery("Choose the young people counted in the figure or all those it is out of")
    band = q.get("band", "")
    bands = [b[0] for b in (AS_AT_BANDS if view == AS_AT else DFE_BANDS)]
    if band not in bands:
        raise BadQuery(f"Age band must be one of {', '.join(bands)}")
    found: dict[str, Any] = {"view": view, "indicator": indicator, "which": which, "band": band}
    if view == AS_AT:
        try:
            found["as_at"] = dt.date.fromisoformat(q.get("as_at", ""))
        except ValueError:
            raise BadQuery("As at must be a real date, like 2026-03-31") from None
        if not dt.date(2000, 1, 1) <= found["as_at"] <= today:
            raise BadQuery("As at must be today or in the past")
        group_by = q.get("group_by", "")
        if group_by and group_by not in GROUPS:
            raise BadQuery("A figure is grouped by team or district")
        found["group_by"], found["group"] = group_by, q.get("group", "")[:200]
    else:
        year = q.get("year", "")
        if not year.isdigit() or not FIRST_YEAR <= int(year) <= current_collection_year(today):
            raise BadQuery(f"Collection year must be one of {FIRST_YEAR} to {current_collection_year(today)}")
        found["year"] = int(year)
    return found


@rule("performance.view_people")
def people(request: HttpRequest) -> HttpResponse:
    """The young people behind one figure. Everyone counted is counted; only those the viewer may see are named
    (people.scope), and each one shown is logged as viewed."""
    today = timezone.localdate()
    try:
        q = _read_query(request.GET, today)
    except BadQuery as problem:
        return render(request, "performance/people.html", {"problem": str(problem)}, status=400)
    visible = young_people_for(request.user).values("pk")
    if q["view"] == AS_AT:
        by = GROUPS.get(q["group_by"]) if q["group_by"] else None
        members = as_at_members(YoungPerson.objects.all(), q["as_at"], q["indicator"], q["band"], q["which"],
                                group_by=by, group=q["group"] or None)
        total = members.count()
        shown: QuerySet[Any] = (members.filter(pk__in=visible).select_related("team")
                 .order_by("last_name", "first_name", "pk"))
        period = f"as at {q['as_at']:%-d %B %Y}"
        where = f", {q['group_by']} {q['group'] or 'not recorded'}" if q["group_by"] else ""
    else:
        dfe_year_rows(q["year"])  # the derived OC3 rows of the year, fresh, as the figure counted them
        rows = dfe_year_members(q["year"], q["indicator"], q["band"], q["which"])
        total = rows.count()
        shown = (rows.filter(young_person__in=visible).select_related("young_person", "young_person__team")
                 .order_by("young_person__last_name", "young_person__first_name", "pk"))
        period, where = f"for the DfE year {q['year'] - 1} to {q['year']}", ""
    page = Paginator(shown, 100).get_page(request.GET.get("page"))
    people_shown: list[YoungPerson] = [r if q["view"] == AS_AT else r.young_person for r in page.object_list]
    viewed_many(request.user, {p.pk for p in people_shown}, "page:performance_people", request=request)
    label = LABELS[q["indicator"]]
    title = (f"{label}, aged {q['band']}, {period}{where}: "
             f"{'counted in the figure' if q['which'] == 'numerator' else 'everyone the figure is out of'}")
    keep = {k: v for k, v in request.GET.items() if k != "page"}
    back = reverse("performance:dashboard") + "?" + urlencode(
        {"view": q["view"], **({"as_at": q["as_at"].isoformat()} if q["view"] == AS_AT else {"year": q["year"]})})
    return render(request, "performance/people.html", {
        "q": q, "title": title, "total": total, "hidden": total - page.paginator.count, "page": page,
        "rows": list(zip(people_shown, page.object_list, strict=True)), "query": urlencode(keep), "back": back})
