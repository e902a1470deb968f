"""Importing the DfE's published files as they are, and Lancashire's rows matching the seed reports."""

from __future__ import annotations

from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from performance.models import PublishedFigure

DFE = Path(__file__).resolve().parents[2] / "data" / "dfe"


def lancashire(measure: str, breakdown: str, band: str, year: int) -> Decimal:
    return PublishedFigure.objects.get(measure=measure, breakdown=breakdown, age_band=band, year=year,
                                       level="Local authority", area_code="888").percent


def test_real_files_import_and_match_the_seed_reports(db):
    out = StringIO()
    call_command("import_comparators", str(DFE), stdout=out)
    touch = "Local authority in touch with care leaver"
    assert [lancashire("in_touch", touch, "17-18", y) for y in (2020, 2021, 2022)] == [99, 95, 97]
    assert lancashire("activity", "Total in education, employment or training", "19-21", 2023) == 46
    england = PublishedFigure.objects.get(measure="in_touch", breakdown=touch, age_band="17-18", year=2022,
                                          level="National")
    assert england.area_name == "England" and england.percent == 94
    suppressed = PublishedFigure.objects.filter(count_marker="c").first()
    assert suppressed is not None and suppressed.count is None
    before = PublishedFigure.objects.count()
    again = StringIO()
    call_command("import_comparators", str(DFE), stdout=again)
    assert PublishedFigure.objects.count() == before and "0 new, 0 changed" in again.getvalue()


def test_bad_rows_are_all_reported_and_nothing_is_saved(db, tmp_path):
    lines = (DFE / "la_care_leavers_intouch.csv").read_bytes().decode("utf-8-sig").splitlines()
    bad = lines[:3] + [lines[3].replace("National", "Planet")] + [lines[4].replace(",130,1", ",130,lots")] + lines[5:8]
    (tmp_path / "la_care_leavers_intouch.csv").write_text("\ufeff" + "\r\n".join(bad) + "\r\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing imported: 2 problems"):
        call_command("import_comparators", str(tmp_path), stdout=StringIO(), stderr=err)
    assert "la_care_leavers_intouch.csv row 4, geographic_level" in err.getvalue()
    assert "row 5, percentage" in err.getvalue()
    assert PublishedFigure.objects.count() == 0
