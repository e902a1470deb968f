"""Accommodation and activity rules in the SSDA903 codes. Pure functions, table-tested."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from accommodation.codes import ALWAYS_UNSUITABLE, EXCLUDED_FROM_SUITABILITY

EET_PREFIXES = ("F", "P")
ADJUSTED_OUT = frozenset({"G4", "G6"})


def accom_value(letter: str, suitable: bool | None) -> str:
    """The two-character SSDA903 ACCOM value: letter and 1 (suitable) or 2 (unsuitable); 0 when not known.

    No fixed abode (S) and custody (X) are always unsuitable."""
    if not letter:
        return "0"
    if letter in ALWAYS_UNSUITABLE:
        return f"{letter}2"
    if suitable is None:
        return "0"
    return f"{letter}{1 if suitable else 2}"


def counts_for_suitability(letter: str) -> bool:
    """Gone abroad (G), deported (H) and residence not known (R) are left out of the DfE's suitability rate."""
    return letter not in EXCLUDED_FROM_SUITABILITY


def is_eet(activity: str) -> bool:
    return activity[:1] in EET_PREFIXES


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date | None


def problems(new: Period, others: list[Period], dob: dt.date) -> list[tuple[str, str]]:
    """(field, message) for a new episode that ends before it starts, starts before 16 or overlaps another."""
    found: list[tuple[str, str]] = []
    if new.end is not None and new.end < new.start:
        found.append(("end_date", "The end date must be on or after the start date"))
    try:
        sixteen = dob.replace(year=dob.year + 16)
    except ValueError:
        sixteen = dt.date(dob.year + 16, 3, 1)
    if new.start < sixteen:
        found.append(("start_date", "The start date must be on or after the young person's 16th birthday"))
    for other in others:
        if other.start <= (new.end or dt.date.max) and new.start <= (other.end or dt.date.max):
            found.append(("start_date", f"This overlaps the episode from {other.start:%d/%m/%Y}"))
            break
    return found
