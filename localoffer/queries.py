"""Reading the Local Offer: entries by area with filters, review flags, and what an entitlement entry is worth
(always from the money catalogue's dated rates, never typed into the entry)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet

from localoffer import rules
from localoffer.models import Area, CostKind, Entry, Status

# What a young person reads: active entries and those temporarily closed (said so on the page)
SHOWN_TO_YOUNG_PEOPLE = (Status.ACTIVE, Status.TEMPORARILY_CLOSED)


def council_name() -> str:
    from org.models import Authority

    authority = Authority.objects.order_by("pk").first()
    return authority.name if authority else "The council"


@dataclass(frozen=True)
class Worth:
    """What an entitlement entry pays, from the rate in force on ``on``."""

    amount: Decimal
    amount_from_18: Decimal | None
    frequency: str  # "a week", "a month", ...
    effective_from: dt.date
    for_age: Decimal | None = None  # the amount at the reader's age, when we know it and it applies

    def words(self) -> str:
        """"£71.70 a week"; "up to £300 when your PA agrees" for money given on request."""
        asked = self.frequency == FREQUENCY_WORDS["on_request"]
        if self.for_age is not None:
            text = rules.money_words(self.for_age, "" if asked else self.frequency)
        else:
            text = rules.money_words(self.amount, "" if asked else self.frequency)
            if self.amount_from_18 is not None and self.amount_from_18 != self.amount:
                text += f" ({rules.money_words(self.amount_from_18)} from 18)"
        return f"up to {text} when your PA agrees" if asked else text


FREQUENCY_WORDS = {"weekly": "a week", "monthly": "a month", "yearly": "a year", "one_off": "once",
                   "lifetime_cap": "in total", "on_request": "when your PA agrees"}


def worth(entry: Entry, on: dt.date, age: int | None = None) -> Worth | None:
    """The entitlement's rate in force on ``on`` (and the amount at ``age`` when that age is entitled to it)."""
    from money.entitlements import Terms, amount_at
    from money.models import Rate

    if entry.cost_kind != CostKind.ENTITLEMENT or entry.entitlement_id is None:
        return None
    ent = entry.entitlement
    rate = (Rate.objects.filter(entitlement_id=entry.entitlement_id, effective_from__lte=on)
            .order_by("-effective_from").first())
    if rate is None or ent is None:
        return None
    at_age = None
    if age is not None and rules.for_age(ent.min_age, ent.max_age, age):
        terms = Terms(ent.code, ent.schedule, ent.min_age, ent.max_age, rate.amount, rate.amount_from_18,
                      ent.supported_accommodation_only)
        at_age = amount_at(terms, age)
    return Worth(rate.amount, rate.amount_from_18, FREQUENCY_WORDS.get(ent.frequency, ""), rate.effective_from,
                 at_age)


def cost_words(entry: Entry, on: dt.date, age: int | None = None) -> str:
    if entry.cost_kind == CostKind.FREE:
        return "Free"
    if entry.cost_kind == CostKind.CHARGE:
        amount = rules.money_words(entry.cost_amount or Decimal("0"), entry.cost_description)
        return f"Costs {amount}"
    found = worth(entry, on, age)
    if found is None:
        return "Free: ask your PA how much you can get"
    if age is not None and found.for_age is None and entry.entitlement is not None:
        ent = entry.entitlement
        return f"Free. You can get this from age {ent.min_age} to {ent.max_age}: ask your PA"
    words = found.words()
    return f"Free. You can get {words}" if words.startswith("up to") else f"Free. You get {words}"


def search(qs: QuerySet[Entry], text: str) -> QuerySet[Entry]:
    for word in text.split()[:8]:
        qs = qs.filter(Q(name__icontains=word) | Q(summary__icontains=word) | Q(how_to_get__icontains=word)
                       | Q(partner__name__icontains=word) | Q(town__icontains=word))
    return qs


def staff_list(filters: dict[str, Any], today: dt.date) -> QuerySet[Entry]:
    qs = Entry.objects.select_related("partner", "entitlement")
    if filters.get("area") in Area.values:
        qs = qs.filter(area=filters["area"])
    if filters.get("status") in Status.values:
        qs = qs.filter(status=filters["status"])
    provider = filters.get("provider") or ""
    if provider == "council":
        qs = qs.filter(partner__isnull=True)
    elif provider.isdigit():
        qs = qs.filter(partner_id=int(provider))
    if filters.get("review") == "overdue":
        qs = qs.filter(review_on__lt=today)
    if filters.get("q"):
        qs = search(qs, str(filters["q"]))
    return qs.order_by("area", "name")


def by_area(entries: list[Entry]) -> list[tuple[str, str, list[Entry]]]:
    """[(area code, area label, entries)] in the statutory order, every area shown even when empty."""
    return [(code, str(label), [e for e in entries if e.area == code]) for code, label in Area.choices]


def for_young_people(area: str | None = None, text: str = "") -> QuerySet[Entry]:
    qs = Entry.objects.filter(status__in=SHOWN_TO_YOUNG_PEOPLE).select_related("partner", "entitlement")
    if area:
        qs = qs.filter(area=area)
    if text:
        qs = search(qs, text)
    return qs.order_by("area", "name")
