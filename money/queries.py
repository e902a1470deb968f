"""Reading money: what a young person is entitled to today, what has been paid, ledgers and totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import DecimalField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth

from accommodation.models import AccommodationEpisode
from money.entitlements import Person, Terms, amount_at, applies, remaining
from money.models import Entitlement, Payment, Rate
from org.config import setting
from people.eligibility import age_on
from people.models import YoungPerson


def pennies(value: Any) -> Decimal:
    """Show a stored amount to the penny (the database may hand back more decimal places)."""
    return Decimal(value).quantize(Decimal("0.01"))


ZERO = Value(Decimal("0.00"), output_field=DecimalField(max_digits=12, decimal_places=2))


def paid_total(yp: YoungPerson, code: str) -> Decimal:
    total = Payment.objects.filter(young_person=yp, entitlement__code=code).aggregate(t=Coalesce(Sum("amount"),
                                                                                               ZERO))["t"]
    return Decimal(total)


def suha_remaining(yp: YoungPerson) -> Decimal:
    rate = Rate.objects.filter(entitlement__code="SUHA").order_by("-effective_from").first()
    cap = rate.amount if rate else Decimal("0.00")
    return remaining(cap, paid_total(yp, "SUHA"))


@dataclass(frozen=True)
class Offer:
    code: str
    name: str
    description: str
    frequency: str
    amount: Decimal
    paid: Decimal
    left: Decimal | None
    discretionary: bool


def entitled_today(yp: YoungPerson, on: dt.date) -> list[Offer]:
    """The entitlements that apply to ``yp`` on ``on``, with amounts, what has been paid, and what is left."""
    letter = (AccommodationEpisode.objects.filter(young_person=yp, start_date__lte=on)
              .filter(Q(end_date__isnull=True) | Q(end_date__gte=on)).order_by("-start_date")
              .values_list("accom", flat=True).first())
    category = "former_relevant" if (yp.eligible_from and yp.eligible_from <= on) else yp.category
    person = Person(yp.date_of_birth, category, yp.status == "open", letter)
    letters = frozenset(setting("allowance_accom_letters"))
    paid = dict(Payment.objects.filter(young_person=yp).values("entitlement__code")
                .annotate(t=Sum("amount")).values_list("entitlement__code", "t"))
    age = age_on(yp.date_of_birth, on)
    offers = []
    rates = Rate.objects.filter(entitlement=OuterRef("pk"), effective_from__lte=on).order_by("-effective_from")
    for ent in (Entitlement.objects.filter(active=True)
                .annotate(amount=Subquery(rates.values("amount")[:1]),
                          from_18=Subquery(rates.values("amount_from_18")[:1])).order_by("name")):
        if ent.amount is None:
            continue
        terms = Terms(ent.code, ent.schedule, ent.min_age, ent.max_age, ent.amount, ent.from_18,
                      ent.supported_accommodation_only)
        if not applies(terms, person, on, letters):
            continue
        done = Decimal(paid.get(ent.code) or 0)
        capped = ent.frequency == "lifetime_cap"
        offers.append(Offer(ent.code, ent.name, ent.description, ent.get_frequency_display(),
                            pennies(amount_at(terms, age)), pennies(done),
                            pennies(remaining(Decimal(ent.amount), done)) if capped else None,
                            bool(ent.discretionary_from_age and age >= ent.discretionary_from_age)))
    return offers


def totals_by(payments: QuerySet[Payment], *fields: str) -> list[dict[str, Any]]:
    """Totals grouped by ``fields`` (e.g. "budget_code", "team__name", "month"), summed in the database."""
    return list(payments.annotate(month=TruncMonth("paid_on")).values(*fields)
                .annotate(total=Sum("amount")).order_by(*fields))
