"""Comparator series (performance/series.py): England and the region as themselves, every published year, the
authority's own figure from the record, and a heading that names only what is drawn."""

from __future__ import annotations

from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from performance.models import PublishedFigure
from performance.series import (
    AUTHORITY,
    ENGLAND,
    ENGLAND_KIND,
    LIVE,
    NEIGHBOUR,
    REGION,
    STYLES,
    Live,
    axis_floor,
    chart,
    heading,
)

DFE = Path(__file__).resolve().parents[2] / "data" / "dfe"
EET = ("activity", "Total in education, employment or training")


def cell(level: str, code: str, name: str, year: int, pct: int | None, region_code: str = "") -> None:
    PublishedFigure.objects.create(measure=EET[0], breakdown=EET[1], age_band="17-18", year=year, level=level,
                                   area_code=code, area_name=name, region_code=region_code,
                                   percent=None if pct is None else Decimal(pct),
                                   percent_marker="c" if pct is None else "")


@pytest.fixture
def published(authority):
    """England 2021-2025; the North West 2021-2025; the authority (999) 2021-2023 with 2022 suppressed;
    a neighbour (111) 2023 only; another authority (222) that is nobody's neighbour."""
    for year in range(2021, 2026):
        cell("National", ENGLAND, "England", year, 60 + year - 2021)
        cell("Regional", "E12000002", "North West", year, 55 + year - 2021, "E12000002")
    for year, pct in ((2021, 50), (2022, None), (2023, 52)):
        cell("Local authority", "999", "Testshire", year, pct, "E12000002")
    cell("Local authority", "111", "Neighbourton", 2023, 70, "E12000004")
    cell("Local authority", "222", "Elsewhere", 2023, 90, "E12000002")
    authority.statistical_neighbours = ["111"]
    authority.save()
    return authority


def by_kind(c):
    return {s.kind: s for s in c.series}


@pytest.mark.parametrize(("kind", "name", "values"), [
    (AUTHORITY, "Testshire", {2021: 50, 2022: None, 2023: 52}),
    (ENGLAND_KIND, "England", {2021: 60, 2022: 61, 2023: 62, 2024: 63, 2025: 64}),
    (REGION, "North West", {2021: 55, 2022: 56, 2023: 57, 2024: 58, 2025: 59}),
    (NEIGHBOUR, "Neighbourton", {2023: 70}),
])
def test_each_series_is_what_it_says(published, kind, name, values):
    s = by_kind(chart("eet", "17-18", published))[kind]
    assert (s.name, {y: (None if v is None else int(v)) for y, v in s.values.items()}) == (name, values)
    assert (s.colour, s.width, s.dash, s.marker) == STYLES[kind]


def test_the_authority_comes_first_and_nobody_else_is_drawn(published):
    c = chart("eet", "17-18", published)
    assert [s.kind for s in c.series] == [AUTHORITY, ENGLAND_KIND, REGION, NEIGHBOUR]
    assert "Elsewhere" not in [s.name for s in c.series]


def test_england_region_and_authority_each_have_their_own_colour_and_line():
    looks = {kind: STYLES[kind][:3] for kind in (AUTHORITY, ENGLAND_KIND, REGION, NEIGHBOUR)}
    assert len(set(looks.values())) == 4
    assert len({STYLES[k][0] for k in (AUTHORITY, ENGLAND_KIND, REGION, NEIGHBOUR)}) == 4


@pytest.mark.parametrize("region_setting", ["North West", "", "Somewhere Wrong"])
def test_the_region_comes_from_the_la_code_in_the_published_files(published, region_setting):
    published.region = region_setting
    assert by_kind(chart("eet", "17-18", published))[REGION].name == "North West"


def test_without_published_rows_for_the_authority_the_region_setting_is_used(published):
    PublishedFigure.objects.filter(area_code="999").delete()
    c = chart("eet", "17-18", published)
    assert by_kind(c)[REGION].name == "North West" and AUTHORITY not in by_kind(c)


def test_every_published_year_is_on_the_axis(published):
    c = chart("eet", "17-18", published)
    assert c.years == [2021, 2022, 2023, 2024, 2025] == c.published_years


def test_neighbours_can_be_left_off(published):
    c = chart("eet", "17-18", published, neighbours=False)
    assert NEIGHBOUR not in by_kind(c) and {ENGLAND_KIND, REGION, AUTHORITY} <= set(by_kind(c))


@pytest.mark.parametrize(("live_year", "years"), [
    (2027, [2021, 2022, 2023, 2024, 2025, 2026, 2027]),  # as at a date in the 2026-27 collection year
    (2026, [2021, 2022, 2023, 2024, 2025, 2026]),
    (2024, [2021, 2022, 2023, 2024, 2025]),
])
def test_the_authoritys_own_figure_is_drawn_in_its_year(published, live_year, years):
    c = chart("eet", "17-18", published, live=Live(live_year, 61.5, 8, 13, "as at 2 December 2026"))
    live = by_kind(c)[LIVE]
    assert c.years == years and live.values == {live_year: 61.5}
    assert live.name == "Testshire, own record" and "not published" in live.note
    assert c.published_years == [2021, 2022, 2023, 2024, 2025]
    drawn = next(line for line in c.svg_lines() if line["kind"] == LIVE)
    assert [d["year"] for d in drawn["dots"]] == [live_year]


def test_a_suppressed_year_breaks_the_line_rather_than_joining_across_it(published):
    own = next(line for line in chart("eet", "17-18", published).svg_lines() if line["kind"] == AUTHORITY)
    assert own["runs"] == []  # 2021 and 2023 stand alone: no line through the suppressed 2022
    assert [d["year"] for d in own["dots"]] == [2021, 2023]


def test_the_authority_is_drawn_last_so_it_is_on_top(published):
    kinds = [line["kind"] for line in chart("eet", "17-18", published, live=Live(2026, 50, 1, 2, "x")).svg_lines()]
    assert kinds == [NEIGHBOUR, REGION, ENGLAND_KIND, AUTHORITY, LIVE]


@pytest.mark.parametrize(("neighbours", "expected"), [
    (True, "Testshire County Council beside England, North West and 1 statistical neighbour"),
    (False, "Testshire County Council beside England and North West"),
])
def test_the_heading_names_only_what_is_drawn(published, neighbours, expected):
    assert heading([chart("eet", "17-18", published, neighbours=neighbours)], published) == expected


def test_the_heading_does_not_claim_england_when_it_is_not_there(published):
    PublishedFigure.objects.exclude(level="Local authority").delete()
    assert heading([chart("eet", "17-18", published, neighbours=False)], published) == \
        "Testshire County Council by year"


@pytest.mark.parametrize(("values", "low"), [([], 0), ([12.0, 99.0], 0), ([44.9], 0), ([45.0], 40), ([79.0, 100], 70),
                                              ([94.0, 97.0], 80), ([70.0], 60)])
def test_the_axis_starts_below_the_lowest_figure(values, low):
    assert axis_floor(values) == low


def test_the_shipped_files_every_year_and_why_in_touch_stops_at_2022(authority):
    """The DfE's in-touch file shipped in data/dfe runs 2018-2022; activity and accommodation run 2021-2025.
    Each chart shows every year its own file holds (none is cut to another's years)."""
    authority.la_code, authority.name, authority.statistical_neighbours = "888", "Lancashire County Council", []
    authority.save()
    call_command("import_comparators", str(DFE), stdout=StringIO())
    assert chart("in_touch", "17-18", authority).years == [2018, 2019, 2020, 2021, 2022]
    for measure in ("eet", "suitable_accommodation"):
        c = chart(measure, "19-21", authority)
        assert c.years == [2021, 2022, 2023, 2024, 2025]
        assert [s.name for s in c.series] == ["Lancashire", "England", "North West"]
    eet = by_kind(chart("eet", "19-21", authority))
    assert eet[AUTHORITY].values[2023] == Decimal("46.0")  # the seed's "EET 19-21: 46% in 2023"


def test_an_own_figure_with_nobody_counted_says_so(published):
    live = by_kind(chart("eet", "17-18", published, live=Live(2026, None, 0, 0, "DfE year 2025 to 2026")))[LIVE]
    assert live.note == "DfE year 2025 to 2026: nobody in this age band, so no figure"
