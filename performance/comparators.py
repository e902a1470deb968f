"""Reading the DfE's published care-leaver files exactly as they are downloaded.

Handles the byte-order mark, CRLF or LF line ends, suppression markers (c, z, k, x), and the two column
layouts (``care_leaver_age``/``breakdown``/``care_leaver_count``/``care_leaver_percent`` and
``age``/``in_touch`` or ``stay_put``/``number``/``percentage``). Every row is checked before anything is saved.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from leavingcare.imports import ImportProblems

MARKERS = {"c", "z", "k", "x"}
FILES = {
    "la_care_leavers_activity.csv": "activity",
    "la_care_leavers_accommodation_suitability.csv": "accommodation",
    "la_care_leavers_intouch.csv": "in_touch",
    "la_care_leavers_stayput.csv": "stay_put",
}
LAYOUTS = [
    ("care_leaver_age", "breakdown", "care_leaver_count", "care_leaver_percent"),
    ("age", "in_touch", "number", "percentage"),
    ("age", "stay_put", "number", "percentage"),
]
LEVELS = {"National", "Regional", "Local authority"}
# Which published breakdown is each measure's headline rate
HEADLINE = {
    "in_touch": ("in_touch", "Local authority in touch with care leaver"),
    "suitable_accommodation": ("accommodation", "Accommodation considered suitable"),
    "eet": ("activity", "Total in education, employment or training"),
}


@dataclass
class Cell:
    measure: str
    year: int
    level: str
    area_code: str
    area_name: str
    new_la_code: str
    region_code: str
    age_band: str
    breakdown: str
    count: int | None
    percent: Decimal | None
    count_marker: str
    percent_marker: str

    def key(self) -> tuple[Any, ...]:
        return (self.measure, self.year, self.level, self.area_code, self.age_band, self.breakdown)


def age_band(label: str) -> str | None:
    """"17 to 18 years" / "Aged 17 to 18" -> "17-18"; "Aged 18" -> "18"."""
    numbers = re.findall(r"\d+", label)
    if len(numbers) == 2:
        return f"{numbers[0]}-{numbers[1]}"
    if len(numbers) == 1:
        return numbers[0]
    return None


def _value(raw: str, kind: str) -> tuple[Any, str]:
    raw = raw.strip()
    if raw.lower() in MARKERS:
        return None, raw.lower()
    if kind == "count":
        return int(raw.replace(",", "")), ""
    return Decimal(raw), ""


def read_file(path: Path, problems: list[str]) -> list[Cell]:
    measure = FILES[path.name]
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = set(reader.fieldnames or [])
    layout = next((lay for lay in LAYOUTS if set(lay) <= fields), None)
    if layout is None:
        problems.append(f"{path.name}: the header has none of the known column layouts")
        return []
    age_col, breakdown_col, count_col, percent_col = layout
    cells = []
    for line, row in enumerate(reader, start=2):
        where = f"{path.name} row {line}"
        level = (row.get("geographic_level") or "").strip()
        if level not in LEVELS:
            problems.append(f"{where}, geographic_level: {level!r} is not National, Regional or Local authority")
            continue
        try:
            year = int(row["time_period"])
        except (TypeError, ValueError):
            problems.append(f"{where}, time_period: {row.get('time_period')!r} is not a year")
            continue
        band = age_band(row.get(age_col) or "")
        if band is None:
            problems.append(f"{where}, {age_col}: {row.get(age_col)!r} is not an age band")
            continue
        try:
            count, count_marker = _value(row.get(count_col) or "", "count")
        except ValueError:
            problems.append(f"{where}, {count_col}: {row.get(count_col)!r} is not a number or a marker (c, z, k, x)")
            continue
        try:
            pct, percent_marker = _value(row.get(percent_col) or "", "percent")
        except (InvalidOperation, ValueError):
            problems.append(f"{where}, {percent_col}: {row.get(percent_col)!r} is not a number or a marker")
            continue
        if level == "National":
            code, name = row["country_code"], row["country_name"]
        elif level == "Regional":
            code, name = row["region_code"], row["region_name"]
        else:
            code, name = row["old_la_code"], row["la_name"]
        if not code:
            problems.append(f"{where}: no area code for a {level} row")
            continue
        cells.append(Cell(measure, year, level, code.strip(), name.strip(), (row.get("new_la_code") or "").strip(),
                          (row.get("region_code") or "").strip(), band, row[breakdown_col].strip(), count, pct,
                          count_marker, percent_marker))
    return cells


def read_dir(directory: Path, progress: Callable[[str], None] = lambda _: None) -> list[Cell]:
    problems: list[str] = []
    cells: list[Cell] = []
    found = [directory / name for name in FILES if (directory / name).exists()]
    if not found:
        raise ImportProblems([f"{directory}: none of {', '.join(FILES)} is here"])
    for path in found:
        read = read_file(path, problems)
        progress(f"{path.name}: {len(read)} rows read")
        cells.extend(read)
    seen: set[tuple[Any, ...]] = set()
    for cell in cells:
        if cell.key() in seen:
            problems.append(f"{cell.measure}: the cell {cell.key()} appears twice")
        seen.add(cell.key())
    if problems:
        raise ImportProblems(problems)
    return cells
