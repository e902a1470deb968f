"""Comparator series for the dashboard: this authority beside England, its region and its neighbours."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from performance.comparators import HEADLINE
from performance.models import PublishedFigure

ENGLAND = "E92000001"
COLOURS = ["#1d70b8", "#0b0c0c", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#5694ca", "#912b88", "#85994b",
           "#6f72af", "#b58840", "#28a197", "#801650"]


@dataclass
class Series:
    name: str
    values: dict[int, Decimal | None]
    colour: str
    emphasis: bool = False


@dataclass
class Chart:
    measure: str
    age_band: str
    years: list[int]
    series: list[Series]

    def svg_lines(self, width: int = 560, height: int = 260, pad: int = 40) -> list[dict[str, Any]]:
        """Polyline points per series, on a 0-100% scale."""
        if not self.years:
            return []
        step = (width - 2 * pad) / max(len(self.years) - 1, 1)
        lines = []
        for s in self.series:
            points = [(pad + i * step, pad + (height - 2 * pad) * (1 - float(v) / 100))
                      for i, y in enumerate(self.years) if (v := s.values.get(y)) is not None]
            lines.append({"name": s.name, "colour": s.colour, "emphasis": s.emphasis,
                          "points": " ".join(f"{x:.1f},{y:.1f}" for x, y in points),
                          "dots": [{"x": round(x, 1), "y": round(y, 1)} for x, y in points]})
        return lines

    def x_labels(self, width: int = 560, pad: int = 40) -> list[dict[str, Any]]:
        step = (width - 2 * pad) / max(len(self.years) - 1, 1)
        return [{"x": round(pad + i * step, 1), "year": y} for i, y in enumerate(self.years)]


def chart(measure: str, age_band: str, authority: Any) -> Chart:
    file_measure, breakdown = HEADLINE[measure]
    areas = [(ENGLAND, "National", "England"), (None, "Regional", authority.region),
             (authority.la_code, "Local authority", authority.name)]
    neighbours = list(authority.statistical_neighbours or [])
    rows = (PublishedFigure.objects.filter(measure=file_measure, breakdown=breakdown, age_band=age_band)
            .filter(area_code__in=[ENGLAND, authority.la_code, *neighbours]) |
            PublishedFigure.objects.filter(measure=file_measure, breakdown=breakdown, age_band=age_band,
                                           level="Regional", area_name=authority.region))
    values: dict[tuple[str, str], dict[int, Decimal | None]] = {}
    names: dict[tuple[str, str], str] = {}
    for level, code, name, year, pct in rows.values_list("level", "area_code", "area_name", "year", "percent"):
        values.setdefault((level, code), {})[year] = pct
        names[(level, code)] = name
    years = sorted({y for v in values.values() for y in v})
    series: list[Series] = []
    own = [(lvl, c) for lvl, c in values if lvl == "Local authority" and c == authority.la_code]
    for key in own:
        series.append(Series(names[key], values[key], COLOURS[0], emphasis=True))
    for _, level, label in areas[:2]:  # (code, level, label)
        for key in [k for k in values if k[0] == level]:
            series.append(Series(label if level == "National" else names[key], values[key],
                                 COLOURS[len(series) % len(COLOURS)]))
    for code in neighbours:
        key = ("Local authority", code)
        if key in values:
            series.append(Series(names[key], values[key], COLOURS[len(series) % len(COLOURS)]))
    return Chart(measure, age_band, years, series)
