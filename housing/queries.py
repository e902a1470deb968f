"""Housing reads: the queue in offer order, vacancies, an adviser's caseload, the move-on list, the bed and
breakfast alarm and the figures (counted and summed in the database). Callers pass querysets already scoped
through people.scope."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    Count,
    DateField,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, Least

from accommodation.models import AccommodationEpisode
from housing.actions import priority_ages
from housing.models import (
    ACTIVE_OFFER,
    EMPTY,
    Home,
    HomelessnessEpisode,
    HomeStatus,
    HomeStatusPeriod,
    Occupancy,
    Offer,
    Referral,
    ReferralStatus,
)
from housing.rules import Priority, Waiting, bed_and_breakfast, offer_order
from org.config import setting
from people.eligibility import dob_range_for_ages
from people.models import ServiceStatus, YoungPerson


@dataclass(frozen=True)
class Queued:
    referral: Referral
    priority: Priority
    position: int


def waiting_on(as_at: dt.date) -> Q:
    """Referrals made by the date and not yet housed or withdrawn on it."""
    return Q(referred_on__lte=as_at) & (Q(ended_on__isnull=True) | Q(ended_on__gt=as_at))


def queue(referrals: QuerySet[Referral], as_at: dt.date, district: Any = None) -> list[Queued]:
    """Referrals waiting at ``as_at`` in the order homes would be offered: priority from age on the referral date
    (the authority's bands), then the earlier referral. ``district``: that district's queue (referrals for it or
    for anywhere); None: the authority's."""
    rows = referrals.filter(waiting_on(as_at)).select_related("young_person", "district", "adviser")
    if district is not None:
        rows = rows.filter(Q(district=district) | Q(district__isnull=True))
    by_id = {r.pk: r for r in rows}
    ordered = offer_order([Waiting(r.pk, r.young_person.date_of_birth, r.referred_on) for r in by_id.values()],
                          priority_ages())
    return [Queued(by_id[w.referral_id], p, i) for i, (w, p) in enumerate(ordered, start=1)]


def vacancies(as_at: dt.date, district: Any = None) -> QuerySet[Home]:
    """Vacant homes under contract at the date with no offer outstanding."""
    homes = (Home.objects.filter(status=HomeStatus.VACANT, contract_start__lte=as_at)
             .filter(Q(contract_end__isnull=True) | Q(contract_end__gte=as_at))
             .exclude(Exists(Offer.objects.filter(home=OuterRef("pk"), status__in=ACTIVE_OFFER)))
             .select_related("district", "scheme__provider").order_by("district__name", "status_since", "reference"))
    return homes.filter(district=district) if district is not None else homes


def move_on(occupancies: QuerySet[Occupancy]) -> QuerySet[Occupancy]:
    """Young people ready to leave supported accommodation, longest ready first."""
    return (occupancies.filter(moved_out_on__isnull=True, ready_to_move_on__isnull=False)
            .select_related("young_person", "home__district").order_by("ready_to_move_on", "pk"))


def caseload(user: Any, referrals: QuerySet[Referral], episodes: QuerySet[HomelessnessEpisode]) -> dict[str, Any]:
    """A housing adviser's own work: the referrals and homelessness episodes they hold that are still open."""
    return {
        "referrals": referrals.filter(adviser=user, status__in=[ReferralStatus.WAITING, ReferralStatus.OFFERED])
        .select_related("young_person", "district").order_by("referred_on"),
        "homeless": episodes.filter(adviser=user, ended_on__isnull=True).select_related("young_person", "district"),
    }


# ---------------------------------------------------------------- the bed and breakfast alarm


@dataclass(frozen=True)
class Alarm:
    young_person: YoungPerson
    moved_in: dt.date
    deadline: dt.date
    escalated: bool
    worker_id: int | None

    @property
    def status(self) -> str:
        return "overdue" if self.escalated else "due_soon"


def bed_and_breakfast_alarms(people: QuerySet[YoungPerson], as_at: dt.date) -> list[Alarm]:
    """Open young people aged 16 or 17 at ``as_at`` whose accommodation on that day is bed and breakfast (ACCOM W):
    on the worklist at once, escalated once two working days (England and Wales bank holidays left out) have
    passed since the move. The worker is the social worker, else the personal adviser."""
    from people.models import Allocation

    earliest, latest = dob_range_for_ages(as_at, 16, 17)
    in_bb = AccommodationEpisode.objects.filter(accom="W", start_date__lte=as_at).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=as_at))
    rows = (people.filter(status=ServiceStatus.OPEN, date_of_birth__gte=earliest, date_of_birth__lte=latest)
            .filter(pk__in=in_bb.values("young_person_id")).select_related("team"))
    rows = list(rows)
    if not rows:
        return []
    starts: dict[int, dt.date] = {}
    for yp_id, start in in_bb.filter(young_person__in=rows).order_by("start_date").values_list("young_person_id",
                                                                                                 "start_date"):
        starts[yp_id] = start  # the latest episode that holds on the date
    workers: dict[int, dict[str, int]] = {}
    for yp_id, role, worker in Allocation.objects.filter(young_person__in=rows, start_date__lte=as_at).filter(
            Q(end_date__isnull=True) | Q(end_date__gt=as_at)).values_list("young_person_id", "role", "worker_id"):
        workers.setdefault(yp_id, {})[role] = worker
    days = int(setting("bed_and_breakfast_working_days"))
    found = []
    for yp in rows:
        bb = bed_and_breakfast(starts[yp.pk], as_at, days)
        who = workers.get(yp.pk, {})
        found.append(Alarm(yp, starts[yp.pk], bb.deadline, bb.escalated, who.get("sw") or who.get("pa")))
    return sorted(found, key=lambda a: (a.deadline, a.young_person.la_person_id))


# ---------------------------------------------------------------- figures


def _days(start: Any, end: Any) -> ExpressionWrapper:
    return ExpressionWrapper(end - start, output_field=DurationField())


def void_days(homes: QuerySet[Home], start: dt.date, end: dt.date) -> QuerySet[Home]:
    """Each home with ``void_days``: the days from ``start`` to ``end`` (both included) it stood empty (vacant
    or void), summed in the database from its status periods."""
    period_end = Least(Coalesce(F("periods__end"), Value(end)), Value(end), output_field=DateField())
    period_start = Greatest(F("periods__start"), Value(start), output_field=DateField())
    overlapping = Q(periods__status__in=EMPTY, periods__start__lte=end) & (
        Q(periods__end__isnull=True) | Q(periods__end__gte=start))
    return homes.annotate(
        void_span=Sum(_days(period_start, period_end), filter=overlapping),
        void_periods=Count("periods", filter=overlapping))


def _whole_days(span: Any, periods: int) -> int:
    """A summed duration plus one day per period (both ends are counted)."""
    if span is None:
        return 0
    if isinstance(span, dt.timedelta):
        return span.days + periods
    return int(span) // 86_400_000_000 + periods  # microseconds, as some backends return them


def void_days_by_home(homes: QuerySet[Home], start: dt.date, end: dt.date) -> dict[int, int]:
    return {h.pk: _whole_days(h.void_span, h.void_periods) for h in void_days(homes, start, end)}


def figures(as_at: dt.date, people: QuerySet[YoungPerson]) -> dict[str, Any]:
    """Occupancy, void days, waiting time by priority and care leavers homeless now and over the year."""
    year_ago = as_at - dt.timedelta(days=365)
    in_contract = Home.objects.filter(contract_start__lte=as_at).filter(
        Q(contract_end__isnull=True) | Q(contract_end__gte=as_at))
    by_status = dict(in_contract.values("status").annotate(n=Count("pk")).values_list("status", "n"))
    in_service = sum(n for s, n in by_status.items() if s != HomeStatus.OFFLINE)
    occupied = by_status.get(HomeStatus.OCCUPIED, 0)
    empty_periods = HomeStatusPeriod.objects.filter(home__in=in_contract, status__in=EMPTY, start__lte=as_at).filter(
        Q(end__isnull=True) | Q(end__gte=year_ago))
    total = empty_periods.aggregate(
        span=Sum(_days(Greatest(F("start"), Value(year_ago), output_field=DateField()),
                       Least(Coalesce(F("end"), Value(as_at)), Value(as_at), output_field=DateField()))),
        n=Count("pk"))
    housed = Referral.objects.filter(status=ReferralStatus.HOUSED, ended_on__gt=year_ago, ended_on__lte=as_at,
                                     young_person__in=people)
    housed_waits = {row["priority"]: row for row in housed.values("priority").annotate(
        n=Count("pk"), span=Sum(_days(F("referred_on"), F("ended_on"))))}
    waiting = Referral.objects.filter(waiting_on(as_at), young_person__in=people)
    waiting_now = {row["priority"]: row for row in waiting.values("priority").annotate(
        n=Count("pk"), span=Sum(_days(F("referred_on"), Value(as_at, output_field=DateField()))))}
    waits = []
    for p in Priority:
        h, w = housed_waits.get(p.value, {}), waiting_now.get(p.value, {})
        waits.append({
            "priority": p.value, "housed": h.get("n", 0),
            "housed_average_days": round(_whole_days(h.get("span"), 0) / h["n"]) if h.get("n") else None,
            "waiting": w.get("n", 0),
            "waiting_average_days": round(_whole_days(w.get("span"), 0) / w["n"]) if w.get("n") else None})
    homeless_q = Exists(HomelessnessEpisode.objects.filter(young_person=OuterRef("pk"), started_on__lte=as_at).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=as_at)))
    nfa_q = Exists(AccommodationEpisode.objects.filter(young_person=OuterRef("pk"), accom="S", start_date__lte=as_at)
                   .filter(Q(end_date__isnull=True) | Q(end_date__gte=as_at)))
    homeless_year_q = Exists(HomelessnessEpisode.objects.filter(young_person=OuterRef("pk"), started_on__lte=as_at)
                             .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=year_ago)))
    nfa_year_q = Exists(AccommodationEpisode.objects.filter(young_person=OuterRef("pk"), accom="S",
                                                            start_date__lte=as_at)
                        .filter(Q(end_date__isnull=True) | Q(end_date__gte=year_ago)))
    counted = people.aggregate(
        now=Count("pk", filter=Q(homeless_q) | Q(nfa_q)),
        year=Count("pk", filter=Q(homeless_year_q) | Q(nfa_year_q)))
    return {
        "as_at": as_at, "homes": sum(by_status.values()), "by_status": by_status, "in_service": in_service,
        "occupied": occupied,
        "occupancy_percent": round(100 * occupied / in_service, 1) if in_service else None,
        "void_days_year": _whole_days(total["span"], total["n"]),
        "waits": waits, "homeless_now": counted["now"], "homeless_year": counted["year"],
    }


def bed_and_breakfast_items(people: QuerySet[YoungPerson], as_at: dt.date) -> list[Any]:
    """The alarms as worklist items (kind ``bed_and_breakfast``, due the last permitted day)."""
    from worklists.clock import Due
    from worklists.queries import Item, Listed

    items = []
    for a in bed_and_breakfast_alarms(people.select_related("team__locality"), as_at):
        yp, team = a.young_person, a.young_person.team
        listed = Listed(yp.pk, yp.la_person_id, yp.first_name, yp.last_name, yp.preferred_name,
                        team.name if team else None, team.locality.name if team and team.locality else None)
        items.append(Item(listed, Due("bed_and_breakfast", a.deadline, a.status, a.worker_id)))
    return items
