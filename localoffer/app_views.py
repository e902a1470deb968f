"""The Local Offer in the young person's app, under /app/local-offer/: the five areas, each area's entries, and
search. Amounts of entitlement entries are worked out from the money catalogue for the reader's age today.

These pages are kept by the app's service worker once opened, so they work offline (youngapp/static/youngapp/
sw.js). They show nothing about the young person but which amounts apply at their age; the cache is emptied
when the app signs out or the session ends (the sign-in page is reached)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from localoffer import queries, rules
from localoffer.models import Area
from youngapp import queries as app_queries
from youngapp.views import _base, young_person_only


def _cards(entries: list, age: int | None) -> list[dict]:  # type: ignore[type-arg]
    today = timezone.localdate()
    return [{"e": e, "cost": queries.cost_words(e, today, age),
             "ages": rules.who_words(e.min_age, e.max_age, e.circumstance_labels()),
             # Their circumstances (custody, asylum, parenting...) are deliberately not read: these pages are kept
             # on the phone for offline reading, and must not say more about the young person than their age
             "for_me": age is None or rules.is_for(e.min_age, e.max_age, e.circumstances, age, None)}
            for e in entries]


@young_person_only
def index(request: HttpRequest) -> HttpResponse:
    yp = app_queries.own_record(request.user)
    text = (request.GET.get("q") or "").strip()[:100].replace("\x00", "")
    age = yp.age(timezone.localdate())
    context = {**_base(request, yp, "local_offer"), "q": text, "council": queries.council_name(), "age": age}
    if text:
        found = list(queries.for_young_people(text=text))
        return render(request, "localoffer/app/search.html", {**context, "cards": _cards(found, age)})
    entries = list(queries.for_young_people())
    areas = [(code, label, len(items)) for code, label, items in queries.by_area(entries)]
    return render(request, "localoffer/app/index.html", {**context, "areas": areas})


@young_person_only
def area(request: HttpRequest, code: str) -> HttpResponse:
    if code not in Area.values:
        raise Http404("No such area")
    yp = app_queries.own_record(request.user)
    age = yp.age(timezone.localdate())
    entries = list(queries.for_young_people(area=code))
    cards = _cards(entries, age)
    cards.sort(key=lambda c: not c["for_me"])  # what is for them first; the rest below, marked
    return render(request, "localoffer/app/area.html", {
        **_base(request, yp, "local_offer"), "label": Area(code).label, "code": code, "cards": cards,
        "council": queries.council_name(), "age": age})
