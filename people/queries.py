"""Read-side queries over young people, always through people.scope: needing a PA, and search and filters
(names, LA person ID, date of birth, team, age band, category, status, worker) for the list page and the API."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet

from org.config import setting
from people.allocation_rules import SUPPORT_ENDS_AGE
from people.eligibility import AgeBand, Category, dob_range_for_ages
from people.models import Allocation, AllocationRole, ServiceStatus, YoungPerson
from people.scope import young_people_for
from people.search_text import fold, phone_digits, query_terms


def current_pa_exists() -> Exists:
    return Exists(Allocation.objects.filter(young_person=OuterRef("pk"), role=AllocationRole.PERSONAL_ADVISER,
                                            end_date__isnull=True))


def needing_pa(user: Any, as_at: dt.date) -> QuerySet[YoungPerson]:
    """Open care leavers ``user`` may see who reached the PA co-allocation age (config
    ``pa_coallocation_age``, 17 by default) and are under 25, with no current personal adviser.

    Same rule as people.allocation_rules.needs_pa, in the database. Oldest first (longest waiting).
    """
    age = int(setting("pa_coallocation_age"))
    earliest, latest = dob_range_for_ages(as_at, age, SUPPORT_ENDS_AGE - 1)
    return (young_people_for(user)
            .filter(status=ServiceStatus.OPEN, date_of_birth__range=(earliest, latest))
            .exclude(category=Category.NONE)
            .exclude(current_pa_exists())
            .select_related("team")
            .order_by("date_of_birth", "pk"))


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


MIN_SEARCH = 2


def text_query(text: str) -> Q:
    """What the search box means: a date of birth; a phone, NHS or ID number (or part of one); or words each
    found in a name, preferred name, LA person ID or postcode (in part; accents ignored). One character is
    too little to search on: a ValidationError keyed "q" asks for more."""
    text = text.strip()
    if len(text.replace(" ", "")) < MIN_SEARCH:
        raise ValidationError({"q": f"Enter at least {MIN_SEARCH} characters to search"})
    day = parse_date(text)
    if day is not None:
        return Q(date_of_birth=day)
    compact = re.sub(r"[\s()+\-]", "", text)
    if compact.isdigit():
        number = phone_digits(compact) if compact.startswith("44") else compact
        return Q(search_text__contains=number)
    found = Q()
    for word in query_terms(text):
        found &= (Q(search_text__contains=word) | Q(first_name__icontains=word) | Q(last_name__icontains=word)
                  | Q(preferred_name__icontains=word) | Q(la_person_id__icontains=word))
    # A postcode typed with its space also matches as one word ("PR2 5DH" -> "pr25dh")
    joined = fold(text).replace(" ", "")
    if " " in text.strip() and len(joined) <= 8:
        found |= Q(search_text__contains=joined)
    return found


AGE_BANDS = {AgeBand.B16_17.value: (16, 17), AgeBand.B18_20.value: (18, 20), AgeBand.B21_24.value: (21, 24)}


def search_young_people(qs: QuerySet[YoungPerson], as_at: dt.date, *, q: str = "", team: Any = None,
                        age_band: str = "", category: str = "", status: str = "",
                        worker: str = "") -> QuerySet[YoungPerson]:
    """Narrow an already scoped queryset: ``q`` is what the search box takes (``text_query``);
    ``worker`` a staff ID currently allocated. Bad values raise ValidationError keyed by parameter."""
    text = (q or "").strip()
    if text:
        qs = qs.filter(text_query(text))
    if team not in (None, ""):
        try:
            qs = qs.filter(team_id=int(team))
        except (TypeError, ValueError) as exc:
            raise ValidationError({"team": "Give a team id"}) from exc
    if age_band:
        if age_band not in AGE_BANDS:
            raise ValidationError({"age_band": f"Choose one of {', '.join(AGE_BANDS)}"})
        earliest, latest = dob_range_for_ages(as_at, *AGE_BANDS[age_band])
        qs = qs.filter(date_of_birth__range=(earliest, latest))
    if category:
        if category not in Category.__members__.values():
            raise ValidationError({"category": "Choose eligible, relevant, former_relevant, qualifying or none"})
        qs = qs.filter(category=category)
    if status:
        if status not in ServiceStatus.values:
            raise ValidationError({"status": "Choose open, stepped_down, closed or died"})
        qs = qs.filter(status=status)
    if worker:
        qs = qs.filter(pk__in=Allocation.objects.filter(worker__staff_id=worker, end_date__isnull=True)
                       .values("young_person_id"))
    return qs


def search_from_form(qs: QuerySet[YoungPerson], params: dict[str, Any], as_at: dt.date) -> QuerySet[YoungPerson]:
    """The list page's search form (its cleaned values) applied through search_young_people."""
    return search_young_people(qs, as_at, q=params.get("q") or "", team=params.get("team") or None,
                               age_band=params.get("age_band") or "", category=params.get("category") or "",
                               status=params.get("status") or "")
