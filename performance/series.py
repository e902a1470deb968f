"""Comparator series for the dashboard: this authority beside England, its region and its neighbours.

Each series says what it is (``kind``): the authority's published figures, England, the authority's region, a
statistical neighbour, or the authority's own figure worked out from the record (not published). Each kind has
its own colour, line style and marker, so a reader can tell England from a neighbour without the colour key.
The years are every year the DfE files hold for the measure (a file that stops earlier than another is not cut
to match), plus the year of the authority's own figure when it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from performance.comparators import HEADLINE
from performance.models import PublishedFigure

ENGLAND = "E92000001"

AUTHORITY, ENGLAND_KIND, REGION, NEIGHBOUR, LIVE = "authority", "england", "region", "neighbour", "live"
# kind: (colour, stroke width, dash pattern, marker). Colours have at least 3:1 contrast with white (WCAG 1.4.11).
STYLES: dict[str, tuple[str, float, str, str]] = {
    AUTHORITY: ("#1d70b8", 4, "", "circle"),
    ENGLAND_KIND: ("#0b0c0c", 3, "10 5", "square"),
    REGION: ("#912b88", 3, "3 4", "triangle"),
    NEIGHBOUR: ("#6f777b", 1.5, "", ""),
    LIVE: ("#1d70b8", 3, "", "diamond"),
}
COLOURS = [STYLES[k][0] for k in (AUTHORITY, ENGLAND_KIND, REGION, NEIGHBOUR)]  # kept for older callers


@dataclass
class Series:
    name: str
    values: dict[int, Decimal | float | None]
    colour: str
    emphasis: bool = False
    kind: str = NEIGHBOUR
    width: float = 1.5
    dash: str = ""
    marker: str = ""
    note: str = ""  # e.g. "as at 2 December 2026, from the record"
    link: dict[str, Any] = field(default_factory=dict)  # query for the young people behind a live figure


def styled(name: str, values: dict[int, Any], kind: str, note: str = "") -> Series:
    colour, width, dash, marker = STYLES[kind]
    return Series(name, values, colour, emphasis=kind == AUTHORITY, kind=kind, width=width, dash=dash,
                  marker=marker, note=note)


@dataclass
class Live:
    """The authority's own latest figure, worked out from the record (as at a date, or for a DfE year)."""

    year: int  # the collection year (ending 31 March) it is plotted in
    percent: float | None
    numerator: int
    denominator: int
    note: str  # how it was measured, e.g. "as at 2 December 2026"
    link: dict[str, Any] = field(default_factory=dict)


# The chart's drawing area (viewBox units); the page scales the SVG to its width
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 640, 300, 64, 28, 24, 44


def marker(shape: str, x: float, y: float, size: float = 5) -> dict[str, Any]:
    """An SVG marker at (x, y): a circle, or a polygon's points for a square, triangle or diamond."""
    if shape == "circle":
        return {"circle": True, "x": x, "y": y, "r": size}
    shapes: dict[str, list[tuple[float, float]]] = {
        "square": [(-1, -1), (1, -1), (1, 1), (-1, 1)],
        "triangle": [(0, -1.3), (1.2, 0.9), (-1.2, 0.9)],
        "diamond": [(0, -1.5), (1.5, 0), (0, 1.5), (-1.5, 0)],
    }
    corners = shapes.get(shape, [])
    return {"circle": False, "points": " ".join(f"{round(x + dx * size, 1)},{round(y + dy * size, 1)}"
                                                 for dx, dy in corners)}


def y_of(percent: Any, low: int = 0) -> float:
    return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - (float(percent) - low) / (100 - low)), 1)


def axis_floor(values: list[float]) -> int:
    """Where the percentage axis starts: 0, or a round number below the lowest figure when every figure is high
    (in-touch rates sit between 80% and 100%: from 0 the lines would lie on top of each other)."""
    if not values:
        return 0
    lowest = min(values)
    return 0 if lowest < 45 else int((lowest - 5) // 10 * 10)


@dataclass
class Chart:
    measure: str
    age_band: str
    years: list[int]
    series: list[Series]
    published_years: list[int] = field(default_factory=list)

    @property
    def low(self) -> int:
        return axis_floor([float(v) for s in self.series for y, v in s.values.items() if v is not None
                           and y in self.years])

    def x_of(self, index: int) -> float:
        step = (WIDTH - LEFT - RIGHT) / max(len(self.years) - 1, 1)
        return round(LEFT + index * step, 1) if len(self.years) > 1 else (LEFT + WIDTH - RIGHT) / 2

    def svg_lines(self) -> list[dict[str, Any]]:
        """Per series, from the back (neighbours) to the front (the authority): the line in unbroken runs (a
        year with no figure breaks the line rather than joining across it) and a marker at each figure."""
        order = {NEIGHBOUR: 0, REGION: 1, ENGLAND_KIND: 2, AUTHORITY: 3, LIVE: 4}
        return sorted(self.legend(), key=lambda line: order.get(line["kind"], 0))

    def legend(self) -> list[dict[str, Any]]:
        """The drawn series in the order of ``series``: the authority, England, the region, neighbours, own figure."""
        lines = []
        low = self.low
        for s in self.series:
            runs: list[list[tuple[float, float]]] = [[]]
            dots = []
            for i, year in enumerate(self.years):
                v = s.values.get(year)
                if v is None:
                    if runs[-1]:
                        runs.append([])
                    continue
                point = (self.x_of(i), y_of(v, low))
                runs[-1].append(point)
                dots.append({"year": year, "value": v, "x": point[0], "y": point[1],
                             "end": i == len(self.years) - 1, **marker(s.marker, *point)})
            lines.append({"name": s.name, "kind": s.kind, "colour": s.colour, "width": s.width, "dash": s.dash,
                          "marker": s.marker, "note": s.note,
                          "runs": [" ".join(f"{x},{y}" for x, y in run) for run in runs if len(run) > 1],
                          "dots": dots if s.marker else [],
                          "swatch": marker(s.marker, 18, 8, 4) if s.marker else None})
        return lines

    def x_labels(self) -> list[dict[str, Any]]:
        return [{"x": self.x_of(i), "year": y} for i, y in enumerate(self.years)]

    def y_labels(self) -> list[dict[str, Any]]:
        low = self.low
        step = (100 - low) / 4
        return [{"y": y_of(low + i * step, low), "label": f"{low + i * step:g}%"} for i in range(5)]

    @property
    def comparators(self) -> list[Series]:
        return [s for s in self.series if s.kind in (ENGLAND_KIND, REGION)]

    @property
    def neighbours(self) -> list[Series]:
        return [s for s in self.series if s.kind == NEIGHBOUR]

    @property
    def key(self) -> list[Series]:
        """The series the key names one by one (neighbours share one entry)."""
        return [s for s in self.series if s.kind != NEIGHBOUR]


def region_of(authority: Any) -> tuple[str, str]:
    """(region code, region name) of the authority: from its LA code in the published files (the DfE's own
    answer), else the region named in its settings."""
    code = (PublishedFigure.objects.filter(level="Local authority", area_code=authority.la_code)
            .exclude(region_code="").values_list("region_code", flat=True).first())
    if code:
        name = (PublishedFigure.objects.filter(level="Regional", area_code=code)
                .values_list("area_name", flat=True).first())
        return code, name or authority.region
    named = (PublishedFigure.objects.filter(level="Regional", area_name=authority.region)
             .values_list("area_code", flat=True).first()) if authority.region else None
    return named or "", authority.region or ""


def chart(measure: str, age_band: str, authority: Any, live: Live | None = None,
          neighbours: bool = True) -> Chart:
    """The published figures for one measure and age band: the authority (first), England, its region and,
    when ``neighbours``, its statistical neighbours; with ``live``, the authority's own figure from the record."""
    file_measure, breakdown = HEADLINE[measure]
    published = PublishedFigure.objects.filter(measure=file_measure, breakdown=breakdown, age_band=age_band)
    region_code, region_name = region_of(authority)
    neighbour_codes = [str(c) for c in (authority.statistical_neighbours or []) if str(c) != authority.la_code]
    wanted = [("National", ENGLAND), ("Local authority", authority.la_code)]
    if region_code:
        wanted.append(("Regional", region_code))
    if neighbours:
        wanted += [("Local authority", c) for c in neighbour_codes]
    values: dict[tuple[str, str], dict[int, Any]] = {}
    names: dict[tuple[str, str], str] = {}
    codes = {code for _, code in wanted}
    for level, code, name, year, pct in (published.filter(area_code__in=codes)
                                         .values_list("level", "area_code", "area_name", "year", "percent")):
        if (level, code) in wanted:
            values.setdefault((level, code), {})[year] = pct
            names[(level, code)] = name
    published_years = sorted(set(published.values_list("year", flat=True).distinct()))
    series: list[Series] = []
    own = ("Local authority", authority.la_code)
    if own in values:
        series.append(styled(names[own], values[own], AUTHORITY, "published by the DfE"))
    if ("National", ENGLAND) in values:
        series.append(styled("England", values[("National", ENGLAND)], ENGLAND_KIND, "published by the DfE"))
    if region_code and ("Regional", region_code) in values:
        series.append(styled(region_name or names[("Regional", region_code)], values[("Regional", region_code)],
                             REGION, "region, published by the DfE"))
    if neighbours:
        for code in neighbour_codes:
            if ("Local authority", code) in values:
                series.append(styled(names[("Local authority", code)], values[("Local authority", code)],
                                     NEIGHBOUR, "statistical neighbour"))
    years = list(published_years)
    if live is not None:
        name = f"{names.get(own, authority.name)}, own record"
        said = (f"{live.note}, not published" if live.percent is not None
                else f"{live.note}: nobody in this age band, so no figure")
        s = styled(name, {live.year: live.percent}, LIVE, said)
        s.link = live.link
        series.append(s)
        if years:
            years = list(range(min(years[0], live.year), max(years[-1], live.year) + 1))
        else:
            years = [live.year]
    return Chart(measure, age_band, years, series, published_years)


def heading(charts: list[Chart], authority: Any) -> str:
    """What the charts show, from what they hold: never a comparator that is not drawn."""
    shown = {s.kind: s.name for c in charts for s in c.series if s.kind in (ENGLAND_KIND, REGION)}
    neighbours = {s.name for c in charts for s in c.neighbours}
    parts = [shown[k] for k in (ENGLAND_KIND, REGION) if k in shown]
    if neighbours:
        parts.append(f"{len(neighbours)} statistical neighbour{'s' if len(neighbours) != 1 else ''}")
    if not parts:
        return f"{authority.name} by year"
    words = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{authority.name} beside {words}"
