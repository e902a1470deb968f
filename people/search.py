"""Search and filters for lists of young people: names, LA person ID, date of birth, team, age band."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.db.models import Q, QuerySet

from people.eligibility import dob_range_for_ages
from people.models import YoungPerson

BAND_AGES = {"16-17": (16, 17), "18-20": (18, 20), "21-24": (21, 24)}
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
    text = (params.get("q") or "").strip()
    if text:
        day = parse_date(text)
        if day:
            qs = qs.filter(date_of_birth=day)
        else:
            words = text.split()
            cond = Q(la_person_id__iexact=text)
            name = Q()
            for word in words:
                name &= (Q(first_name__istartswith=word) | Q(last_name__istartswith=word)
                         | Q(preferred_name__istartswith=word))
            qs = qs.filter(cond | name)
    if params.get("team"):
        qs = qs.filter(team_id=params["team"])
    if params.get("age_band") in BAND_AGES:
        low, high = BAND_AGES[params["age_band"]]
        earliest, latest = dob_range_for_ages(as_at, low, high)
        qs = qs.filter(date_of_birth__gte=earliest, date_of_birth__lte=latest)
    if params.get("category"):
        qs = qs.filter(category=params["category"])
    if params.get("status"):
        qs = qs.filter(status=params["status"])
    return qs
