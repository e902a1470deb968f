"""Checks on a care history before it is saved. Pure: returns messages naming the field."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class EpisodeInput:
    start: dt.date
    end: dt.date | None
    label: str = "episode"


def long_date(day: dt.date) -> str:
    """GOV.UK style: 5 March 2024."""
    return f"{day.day} {day:%B %Y}"


def problems(dob: dt.date, episodes: list[EpisodeInput], today: dt.date) -> list[tuple[str, str]]:
    """(field, message) for every impossible thing in a care history; empty when it is sound."""
    found: list[tuple[str, str]] = []
    for e in episodes:
        if e.start < dob:
            found.append(("start_date", f"The {e.label} cannot start before the date of birth"))
        if e.start > today:
            found.append(("start_date", f"The {e.label} cannot start in the future"))
        if e.end is not None and e.end <= e.start:
            found.append(("end_date", f"The {e.label} must end after it starts"))
        if e.end is not None and e.end > today:
            found.append(("end_date", f"The {e.label} cannot end in the future"))
    ordered = sorted(episodes, key=lambda e: e.start)
    for earlier, later in zip(ordered, ordered[1:], strict=False):
        if earlier.end is None or later.start < earlier.end:
            found.append(("start_date", f"The {later.label} starting {long_date(later.start)} overlaps the "
                                        f"{earlier.label} starting {long_date(earlier.start)}"))
    open_count = sum(1 for e in episodes if e.end is None)
    if open_count > 1:
        found.append(("end_date", "Only one episode of care can be open"))
    return found
