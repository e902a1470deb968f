"""Returns: Ofsted Annex A for inspectors and the SSDA903 files, downloaded by managers, every download logged."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from audit.log import exported
from leavingcare.access import rule
from people.scope import young_people_for
from performance.definitions import collection_year
from returns.annex_a import cohort, write
from returns.ssda903 import export

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def current_year() -> int:
    today = timezone.localdate()
    return today.year + 1 if today.month >= 4 else today.year


@rule("returns.view")
def home(request: HttpRequest) -> HttpResponse:
    year = current_year()
    years = [(y, collection_year(y)) for y in range(year, year - 4, -1)]
    return render(request, "returns/home.html", {"years": years})


@rule("returns.export_annex_a")
def annex_a(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    buffer = io.BytesIO()
    n = write(young_people_for(request.user), buffer, today)
    exported(request.user, "export:annex_a", n, cohort(young_people_for(request.user), today).values_list(
        "pk", flat=True), request=request, detail={"as_at": today})
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="annex-a-list-9-care-leavers-{today}.xlsx"'
    return response


@rule("returns.export_ssda903")
def ssda903(request: HttpRequest, year: int) -> HttpResponse:
    if not 2000 <= year <= 2100:  # no such collection year (and no date can be made for year 0)
        raise Http404("No SSDA903 return for that year")
    with tempfile.TemporaryDirectory() as tmp:
        done = export(year, Path(tmp))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in ("header.csv", "episodes.csv", "oc3.csv"):
                zf.write(Path(tmp) / name, name)
    exported(request.user, "export:ssda903", done.header, done.people, request=request, object_id=str(year),
             detail={"header": done.header, "episodes": done.episodes, "oc3": done.oc3})
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="ssda903-{year}.zip"'
    return response
