"""Progress of an action that names a measure, read from the live figure rather than typed. Pure rules, and one
function that asks the database for the figures (once for all the actions on a page or in a report)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterable


@dataclass(frozen=True)
class Progress:
    rag: str  # red | amber | green | done
    live: float | None  # the measure's percentage now, None when typed or no one to count
    numerator: int | None = None
    denominator: int | None = None
    from_figures: bool = False

    @property
    def label(self) -> str:
        return {"red": "Red", "amber": "Amber", "green": "Green", "done": "Complete"}.get(self.rag, self.rag)


def rag_for(live: float | None, target: Decimal | float | None, amber_points: float) -> str:
    """Green at or above target; Amber when short by no more than ``amber_points``; Red further below.
    With no figure (nobody in the band) or no target the status cannot be read: Amber, to be looked at."""
    if live is None or target is None:
        return "amber"
    short = float(target) - live
    if short <= 0:
        return "green"
    if short <= amber_points:
        return "amber"
    return "red"


def month_end(as_at: dt.date) -> dt.date:
    """The last month end on or before ``as_at`` (the date itself when it is one): figures are reported to
    scrutiny as at a month end (seed 000 section 2: "at the end of September 24")."""
    last = calendar.monthrange(as_at.year, as_at.month)[1]
    if as_at.day == last:
        return as_at
    return as_at.replace(day=1) - dt.timedelta(days=1)


def figures(as_at: dt.date) -> dict[tuple[str, str], dict[str, Any]]:
    """The measures as at the date by (indicator, age band), counted in the database over every open care
    leaver (aggregates only)."""
    from people.models import YoungPerson
    from performance.measures import as_at_rows

    return {(r["indicator"], r["age_band"]): r for r in as_at_rows(YoungPerson.objects.all(), as_at)}


def progress_of(items: Iterable[Any], as_at: dt.date,
                cache: dict[dt.date, dict[tuple[str, str], dict[str, Any]]] | None = None) -> dict[int, Progress]:
    """Progress for each action (BoardItem or PlanStep) by pk: typed status, or the live figure against the
    target when the action names a measure and a band. ``cache`` keeps the figures between calls (a report)."""
    from org.config import setting

    items = list(items)
    amber = float(setting("action_amber_points"))
    live: dict[tuple[str, str], dict[str, Any]] | None = None
    out: dict[int, Progress] = {}
    for item in items:
        if item.rag == "done" or not (item.measure and item.age_band):
            out[item.pk] = Progress(item.rag, None)
            continue
        if live is None:
            if cache is None:
                live = figures(as_at)
            else:
                live = cache[as_at] if as_at in cache else cache.setdefault(as_at, figures(as_at))
        row = live.get((item.measure, item.age_band), {})
        pct = row.get("percent")
        out[item.pk] = Progress(rag_for(pct, item.target, amber), pct, row.get("numerator"), row.get("denominator"),
                                from_figures=True)
    return out
