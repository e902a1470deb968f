"""The performance dashboard: the measures as at a date by age band, team and district, beside published figures."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accounts.roles import Role
from audit.log import record
from audit.models import Action
from leavingcare.access import rule
from leavingcare.pagecache import cached_page
from org.config import current_authority, setting
from people.models import YoungPerson
from performance.definitions import rate_band
from performance.measures import as_at_rows
from performance.series import chart

ALLOWED = {Role.TEAM_MANAGER, Role.SENIOR_MANAGER, Role.PERFORMANCE_ANALYST}
LABELS = {"in_touch": "In touch", "suitable_accommodation": "Suitable accommodation", "eet": "In education, "
          "employment or training", "eet_adjusted": "EET, excluding illness, disability, pregnancy or parenting"}


@rule("performance.view_dashboard")
@cached_page
def dashboard(request: HttpRequest) -> HttpResponse:
    if not (request.user.is_superuser or request.user.role in ALLOWED):
        raise PermissionDenied("The dashboard is for managers and performance analysts.")
    try:
        as_at = dt.date.fromisoformat(request.GET.get("as_at", ""))
    except ValueError:
        as_at = timezone.localdate()
    everyone = YoungPerson.objects.all()  # aggregates only: no names leave this view
    bands = setting("kpi_bands")
    overall = as_at_rows(everyone, as_at)
    for row in overall:
        row["band"] = rate_band(row["percent"], bands[row["indicator"]])
        row["label"] = LABELS[row["indicator"]]
    authority = current_authority()
    charts = [chart(m, b, authority) for m in ("in_touch", "suitable_accommodation", "eet") for b in ("17-18", "19-21")
              ] if authority else []
    record(request.user, Action.VIEW, object_type="page:performance", detail={"as_at": as_at})
    return render(request, "performance/dashboard.html", {
        "as_at": as_at, "overall": overall, "labels": LABELS,
        "by_team": as_at_rows(everyone, as_at, by="team__name"),
        "by_district": as_at_rows(everyone, as_at, by="district__name"),
        "charts": charts, "authority": authority})
