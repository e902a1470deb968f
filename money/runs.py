"""Scheduled payment runs: allowances due in the seven days ending on a date, created all or nothing, once."""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import OuterRef, Q, Subquery

from accommodation.models import AccommodationEpisode
from money.entitlements import Person, Terms, due_in_run
from money.models import Entitlement, Payment, PaymentRun, Rate
from org.config import setting
from people.eligibility import dob_range_for_ages
from people.models import YoungPerson


class NothingConfigured(Exception):
    """No entitlement with a payment schedule has a rate on the date: a run would pay nothing, silently."""

    def __init__(self, day: dt.date) -> None:
        super().__init__(
            f"No entitlement with a payment schedule has a rate on {day:%d/%m/%Y}, so a payment run would pay "
            "nothing. Set up the entitlements catalogue first: `manage.py setup_authority --preset lancashire` "
            "(or --preset blank and the Administration pages: Entitlements and rates), then run again.")


@dataclass(frozen=True)
class RunResult:
    period_ending: dt.date
    created: list[Payment]

    @property
    def total(self) -> Decimal:
        return sum((p.amount for p in self.created), Decimal("0.00"))


def terms_on(day: dt.date) -> list[tuple[Entitlement, Terms]]:
    found = []
    for ent in Entitlement.objects.filter(active=True).exclude(schedule="").order_by("code"):
        rate = Rate.objects.filter(entitlement=ent, effective_from__lte=day).order_by("-effective_from").first()
        if rate is not None:
            found.append((ent, Terms(ent.code, ent.schedule, ent.min_age, ent.max_age, rate.amount,
                                     rate.amount_from_18, ent.supported_accommodation_only)))
    return found


def candidates(period_ending: dt.date) -> Any:
    """Open care leavers aged 16 to 24 at some time in the week (nobody is paid from the 25th birthday, which
    ``money.entitlements.applies`` checks day by day), with their accommodation letter on the day."""
    earliest = dob_range_for_ages(period_ending - dt.timedelta(days=6), 15, 24)[0]
    latest = dob_range_for_ages(period_ending, 15, 24)[1]
    accom = AccommodationEpisode.objects.filter(young_person=OuterRef("pk"), start_date__lte=period_ending).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=period_ending)).order_by("-start_date")
    return (YoungPerson.objects.filter(status="open", date_of_birth__gte=earliest, date_of_birth__lte=latest)
            .filter(Q(eligible_from__lte=period_ending) | Q(category__in=["relevant", "former_relevant"]))
            .annotate(accom_letter=Subquery(accom.values("accom")[:1]))
            .select_related("team").order_by("la_person_id"))


def run(period_ending: dt.date, actor: Any = None) -> RunResult:
    letters = frozenset(setting("allowance_accom_letters"))
    festival = tuple(setting("festival_allowance_date"))
    pause_after = int(os.environ.get("LC_PAYMENT_RUN_PAUSE_AFTER", "0"))  # for the interrupted-run test
    with transaction.atomic():
        terms = terms_on(period_ending)
        if not terms:
            raise NothingConfigured(period_ending)
        run_row, _ = PaymentRun.objects.get_or_create(period_ending=period_ending,
                                                      defaults={"created_by": actor})
        wanted: list[Payment] = []
        for yp in candidates(period_ending).iterator(chunk_size=2000):
            person = Person(yp.date_of_birth, "former_relevant", True, yp.accom_letter)
            for ent, t in terms:
                due = due_in_run(t, person, period_ending, letters, festival)  # type: ignore[arg-type]
                if due is not None:
                    payment = Payment(young_person=yp, entitlement=ent, amount=due.amount, paid_on=period_ending,
                                      period_key=due.period_key, run=run_row, budget_code=ent.budget_code,
                                      team=yp.team)
                    wanted.append(payment)
        keys = {(p.young_person_id, p.entitlement_id, p.period_key) for p in wanted}
        done = set(Payment.objects.filter(period_key__in={k[2] for k in keys})
                   .values_list("young_person_id", "entitlement_id", "period_key"))
        new = [p for p in wanted if (p.young_person_id, p.entitlement_id, p.period_key) not in done]
        for i in range(0, len(new), 500):
            Payment.objects.bulk_create(new[i:i + 500])
            if pause_after and i + 500 >= pause_after:
                print("PAUSED", file=sys.stderr, flush=True)
                time.sleep(60)
    return RunResult(period_ending, new)
