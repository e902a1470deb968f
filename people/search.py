"""Search and filters for lists of young people: names, LA person ID, date of birth, team, age band."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db.models import QuerySet

from people.models import YoungPerson

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"], start=1)}


def parse_date(text: str) -> dt.date | None:
    """27/03/2007, 27-3-2007, 2007-03-27 or 27 March 2007; None when the text is not a date."""
    text = text.strip().lower()
    try:
        if m := re.fullmatch(r"(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})", text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", text):
            month = next((n for name, n in MONTHS.items() if name.startswith(m[2][:3])), None)
            return dt.date(int(m[3]), month, int(m[1])) if month else None
    except ValueError:
        return None
    return None


def search(qs: QuerySet[YoungPerson], params: dict[str, Any], as_at: dt.date) -> QuerySet[YoungPerson]:
    """The search form's cleaned values applied through people.queries.search_young_people."""
    from people.queries import search_young_people

    return search_young_people(qs, as_at, q=params.get("q") or "", team=params.get("team") or None,
                               age_band=params.get("age_band") or "", category=params.get("category") or "",
                               status=params.get("status") or "")
