"""Demo housing: the stock of core supported accommodation (378 homes across the 12 districts, seed 000 s3.4) and
some spot-purchased homes, the young people living in them (from their current accommodation episodes), the
queue, offers, Staying Put arrangements for those with former foster carers, three House Project cohorts,
Housing Needs Register entries with Choice Based Lettings bids, homelessness episodes with intentional-homelessness
challenges, and one 17-year-old placed in bed and breakfast yesterday (the alarm)."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from accommodation.models import AccommodationEpisode
from housing.models import (
    Bid,
    Cohort,
    Home,
    HomelessnessEpisode,
    HomeStatusPeriod,
    HomeType,
    HouseProjectMember,
    HousingRegistration,
    IntentionalityChallenge,
    Occupancy,
    Offer,
    Provider,
    Referral,
    Scheme,
    StayingPut,
)
from housing.rules import PriorityAges, priority_for, staying_put_latest_end
from org.models import District
from people.demo_support import DemoContext, DemoPerson
from people.eligibility import age_on, birthday

CORE_HOMES = 378
SPOT_HOMES = 20
TYPE_WEIGHTS = {HomeType.MANAGED_BLOCK: 40, HomeType.GROUP_LIVING: 20, HomeType.DISPERSED: 20,
                HomeType.SUPPORTED_LODGINGS: 15, HomeType.MOTHER_AND_BABY: 5}
PROVIDERS = ["Calico Housing", "Places for People Living+", "Key Young People's Housing", "Young Persons' Trust",
             "Northern Foyer Group", "Riverside Care and Support", "St Vincent's Housing", "Lancashire Lodgings"]
SPOT_PROVIDERS = ["Bright Futures Semi-Independent Ltd", "Pathway Homes Ltd", "Stepping Stones Living Ltd"]
BANDS = ["Band A", "Band B", "Band C", "Priority", "Gold"]
# Staying Put allowance per week (seed 002 near line 732: £222 in 2016)
STAYING_PUT_WEEKLY = Decimal("222.00")


def _type_for(letter: str, rng: random.Random) -> str:
    if letter == "E":
        return HomeType.SUPPORTED_LODGINGS
    return rng.choices([t for t in TYPE_WEIGHTS if t != HomeType.SUPPORTED_LODGINGS],
                       weights=[w for t, w in TYPE_WEIGHTS.items() if t != HomeType.SUPPORTED_LODGINGS])[0]


def populate(ctx: DemoContext) -> None:
    rng = ctx.rng("housing")
    as_at = ctx.as_at
    districts = list(District.objects.order_by("name"))
    if not districts:
        return
    contract_start = min(dt.date(2024, 11, 1), as_at - dt.timedelta(days=400))
    contract_end = birthday(contract_start, 5) - dt.timedelta(days=1)

    providers = Provider.objects.bulk_create([Provider(name=n, kind="fostering" if "Lodgings" in n else "voluntary")
                                              for n in PROVIDERS]
                                             + [Provider(name=n, kind="private") for n in SPOT_PROVIDERS])
    core_providers, spot_providers = providers[:len(PROVIDERS)], providers[len(PROVIDERS):]
    schemes: dict[tuple[int, str], Scheme] = {}
    scheme_rows = []
    for i, d in enumerate(districts):
        for t in TYPE_WEIGHTS:
            provider = core_providers[-1] if t == HomeType.SUPPORTED_LODGINGS else core_providers[(i + len(t)) % 7]
            scheme_rows.append(Scheme(provider=provider, name=f"{d.name} {HomeType(t).label.lower()}", district=d))
        scheme_rows.append(Scheme(provider=spot_providers[i % len(spot_providers)], name=f"{d.name} spot purchase",
                                  district=d, core=False))
    for s in Scheme.objects.bulk_create(scheme_rows):
        key_type = "spot_purchase" if not s.core else next(t for t in TYPE_WEIGHTS
                                                           if s.name.endswith(HomeType(t).label.lower()))
        schemes[(s.district_id, key_type)] = s

    # Young people in supported accommodation today, from their accommodation history
    current = {e.young_person_id: e for e in AccommodationEpisode.objects.filter(
        end_date__isnull=True, start_date__lte=as_at, accom__in=["D", "E", "T"])}
    people = {p.pk: p for p in ctx.people if p.status == "open"}
    residents = [current[pk] for pk in sorted(current) if pk in people]
    rng.shuffle(residents)

    homes: list[Home] = []
    occupant: dict[int, AccommodationEpisode] = {}
    n = 0
    target_occupied = int(CORE_HOMES * 0.91)
    for episode in residents:
        if episode.accom == "T" or len(occupant) >= target_occupied:
            continue
        district_id = episode.district_id or people[episode.young_person_id].district_id
        home_type = _type_for(episode.accom, rng)
        n += 1
        homes.append(Home(scheme=schemes[(district_id, home_type)], reference=f"CSA-{n:04d}", district_id=district_id,
                          home_type=home_type, status="occupied", status_since=max(episode.start_date, contract_start),
                          contract_start=contract_start, contract_end=contract_end,
                          address=f"{rng.randint(1, 120)} {rng.choice(['Mill', 'Church', 'Station', 'Park'])} "
                                  f"{rng.choice(['Street', 'Road', 'Lane'])}"))
        occupant[n] = episode
    while n < CORE_HOMES:
        n += 1
        d = districts[n % len(districts)]
        home_type = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()))[0]
        status = rng.choices(["vacant", "void", "offline", "occupied"], weights=[45, 35, 8, 12])[0]
        homes.append(Home(scheme=schemes[(d.pk, home_type)], reference=f"CSA-{n:04d}", district=d,
                          home_type=home_type, status=status if status != "occupied" else "vacant",
                          status_since=as_at - dt.timedelta(days=rng.randint(1, 70)), contract_start=contract_start,
                          contract_end=contract_end))
    spot = [e for e in residents if e.accom == "T"][:SPOT_HOMES]
    for i, episode in enumerate(spot, start=1):
        district_id = episode.district_id or people[episode.young_person_id].district_id
        homes.append(Home(scheme=schemes[(district_id, "spot_purchase")], reference=f"SPOT-{i:03d}",
                          district_id=district_id, home_type=HomeType.SPOT_PURCHASE, status="occupied",
                          status_since=episode.start_date, contract_start=episode.start_date, contract_end=None))
        occupant[CORE_HOMES + i] = episode
    homes = Home.objects.bulk_create(homes)

    periods, occupancies = [], []
    for i, home in enumerate(homes, start=1):
        if home.status == "occupied":
            episode = occupant[i]
            if home.status_since > home.contract_start:  # a previous young person, then a few void days
                void_from = max(home.contract_start, home.status_since - dt.timedelta(days=rng.randint(3, 40)))
                if void_from > home.contract_start:
                    periods.append(HomeStatusPeriod(home=home, status="occupied", start=home.contract_start,
                                                    end=void_from - dt.timedelta(days=1)))
                periods.append(HomeStatusPeriod(home=home, status="void", start=void_from,
                                                end=home.status_since - dt.timedelta(days=1)))
            periods.append(HomeStatusPeriod(home=home, status="occupied", start=home.status_since))
            person = people[episode.young_person_id]
            ready = (as_at - dt.timedelta(days=rng.randint(5, 120))
                     if age_on(person.dob, as_at) >= 18 and rng.random() < 0.2 else None)
            occupancies.append(Occupancy(home=home, young_person_id=person.pk, moved_in_on=episode.start_date,
                                         ready_to_move_on=max(ready, episode.start_date) if ready else None))
        else:
            if home.status_since > home.contract_start:
                periods.append(HomeStatusPeriod(home=home, status="occupied", start=home.contract_start,
                                                end=home.status_since - dt.timedelta(days=1)))
            periods.append(HomeStatusPeriod(home=home, status=home.status, start=home.status_since))
    HomeStatusPeriod.objects.bulk_create(periods)
    occupancies = Occupancy.objects.bulk_create(occupancies)

    ages = PriorityAges()
    # Moves of the last year came through the queue: a housed referral and the accepted offer for each
    housed, offers = [], []
    recent = [o for o in occupancies if o.moved_in_on > as_at - dt.timedelta(days=365)]
    for o in recent:
        person = people[o.young_person_id]
        referred = max(birthday(person.dob, 16), o.moved_in_on - dt.timedelta(days=rng.randint(3, 80)))
        housed.append(Referral(young_person_id=person.pk, referred_on=referred, need="Supported accommodation",
                               district_id=o.home.district_id, priority=priority_for(person.dob, referred, ages).value,
                               status="housed", ended_on=o.moved_in_on, version=3))
    housed = Referral.objects.bulk_create(housed)
    for o, r in zip(recent, housed, strict=True):
        offers.append(Offer(referral=r, young_person_id=r.young_person_id, home=o.home,
                            offered_on=max(r.referred_on, o.moved_in_on - dt.timedelta(days=rng.randint(0, 7))),
                            status="moved_in", answered_on=None, version=3))
    offers = Offer.objects.bulk_create(offers)
    for o, offer in zip(recent, offers, strict=True):
        o.offer = offer
    Occupancy.objects.bulk_update(recent, ["offer"])

    # The queue today: young people aged 16-20 not in supported accommodation
    living = {o.young_person_id for o in occupancies}
    candidates = [p for p in people.values() if p.pk not in living and 16 <= age_on(p.dob, as_at) <= 20
                  and not p.in_custody]
    rng.shuffle(candidates)
    waiting_n = max(3, min(len(candidates), ctx.scale // 25))
    advisers = ctx.staff_by_role.get("housing_adviser", [])
    waiting = []
    for p in candidates[:waiting_n]:
        referred = max(birthday(p.dob, 16), as_at - dt.timedelta(days=rng.randint(1, 150)))
        waiting.append(Referral(
            young_person_id=p.pk, referred_on=referred, priority=priority_for(p.dob, referred, ages).value,
            need=rng.choice(["Supported accommodation near college", "A flat with floating support",
                             "Somewhere safe away from the area", "Mother and baby provision",
                             "Supported lodgings with a family"]),
            district_id=p.district_id if rng.random() < 0.7 else None,
            adviser_id=advisers[rng.randrange(len(advisers))] if advisers else None))
    waiting = Referral.objects.bulk_create(waiting)
    vacant = list(Home.objects.filter(status="vacant").order_by("reference"))
    pending = []
    for r, home in zip(waiting[: len(waiting) // 6], vacant[::3], strict=False):
        pending.append(Offer(referral=r, young_person_id=r.young_person_id, home=home,
                             offered_on=max(r.referred_on, as_at - dt.timedelta(days=rng.randint(0, 5)))))
        r.status, r.version = "offered", 2
    Offer.objects.bulk_create(pending)
    Referral.objects.bulk_update([r for r in waiting if r.status == "offered"], ["status", "version"])

    # Staying Put: young people living with former foster carers (ACCOM Z)
    stay = []
    for e in AccommodationEpisode.objects.filter(end_date__isnull=True, accom="Z", young_person_id__in=list(people)):
        p = people[e.young_person_id]
        start = max(birthday(p.dob, 18), e.start_date)
        end = staying_put_latest_end(p.dob)
        if start <= as_at <= end:
            stay.append(StayingPut(young_person_id=p.pk, carer_name=f"Former foster carer {p.pk % 997}",
                                   carer_reference=f"FC{p.pk:06d}", start_date=start, planned_end=end,
                                   weekly_allowance=STAYING_PUT_WEEKLY))
    StayingPut.objects.bulk_create(stay)

    _house_project(ctx, rng, people, living)
    _registers_and_homelessness(ctx, rng, people, advisers)
    alarm = _bed_and_breakfast(ctx, rng, people, living)
    ctx.log(f"  housing: {len(homes)} homes, {len(occupancies)} occupied, {len(waiting)} waiting, "
            f"{len(stay)} Staying Put{', 1 in bed and breakfast' if alarm else ''}")


def _house_project(ctx: DemoContext, rng: random.Random, people: dict[int, DemoPerson], living: set[int]) -> None:
    as_at = ctx.as_at
    last_sept = dt.date(as_at.year if as_at.month >= 9 else as_at.year - 1, 9, 1)
    cohorts = Cohort.objects.bulk_create([Cohort(name=f"Cohort {i + 1}", starts_on=last_sept.replace(
        year=last_sept.year - 2 + i)) for i in range(3)])
    pool = [p for p in people.values() if p.pk not in living and 18 <= age_on(p.dob, as_at) <= 22]
    rng.shuffle(pool)
    members = []
    for cohort in cohorts:
        for p in pool[:15]:
            m = HouseProjectMember(cohort=cohort, young_person_id=p.pk, joined_on=cohort.starts_on)
            if cohort.preparation_ends <= as_at:
                m.tenancy_offered_on = cohort.preparation_ends
                m.landlord = rng.choice(["Progress Housing", "Onward Homes", "Together Housing", "Calico Homes"])
                start = cohort.preparation_ends + dt.timedelta(days=rng.randint(14, 45))
                if start <= as_at:
                    m.tenancy_started_on = start
                    if (as_at - start).days > 180:
                        m.sustained, m.sustained_checked_on = rng.random() < 0.95, as_at - dt.timedelta(days=20)
            members.append(m)
        pool = pool[15:]
    HouseProjectMember.objects.bulk_create(members)


def _registers_and_homelessness(ctx: DemoContext, rng: random.Random, people: dict[int, DemoPerson],
                                advisers: list[int]) -> None:
    as_at = ctx.as_at
    regs = []
    for p in people.values():
        if age_on(p.dob, as_at) >= 17 and rng.random() < 0.3:
            regs.append(HousingRegistration(
                young_person_id=p.pk, district_id=p.district_id, band=rng.choice(BANDS), reference=f"HNR-{p.pk:06d}",
                registered_on=max(birthday(p.dob, 16), as_at - dt.timedelta(days=rng.randint(30, 900)))))
    regs = HousingRegistration.objects.bulk_create(regs)
    bids = []
    for reg in regs:
        for _ in range(rng.choice([0, 0, 1, 2, 3])):
            bids.append(Bid(registration=reg, young_person_id=reg.young_person_id,
                            bid_on=reg.registered_on + dt.timedelta(days=rng.randint(0, max(0, (
                                as_at - reg.registered_on).days))),
                            property_reference=f"CBL-{rng.randint(10000, 99999)}",
                            outcome=rng.choices(["unsuccessful", "pending", "offered", "accepted", "refused"],
                                                weights=[70, 15, 5, 7, 3])[0]))
    Bid.objects.bulk_create(bids)
    episodes = []
    for e in AccommodationEpisode.objects.filter(end_date__isnull=True, accom="S", young_person_id__in=list(people)):
        episodes.append(HomelessnessEpisode(
            young_person_id=e.young_person_id, started_on=e.start_date,
            district_id=people[e.young_person_id].district_id,
            decision=rng.choice(["relief", "main_duty", "pending", "intentional"]), decided_on=e.start_date
            + dt.timedelta(days=rng.randint(7, 40)), adviser_id=advisers[rng.randrange(len(advisers))] if advisers
            else None))
    for ep in episodes:
        if ep.decision == "pending" or ep.decided_on > as_at:
            ep.decision, ep.decided_on = "pending", None
    episodes = HomelessnessEpisode.objects.bulk_create(episodes)
    IntentionalityChallenge.objects.bulk_create([
        IntentionalityChallenge(episode=ep, young_person_id=ep.young_person_id, challenged_on=ep.decided_on,
                                grounds="The arrears arose while the young person was not given the support they "
                                        "were owed as a care leaver", challenged_by_id=ep.adviser_id,
                                outcome=rng.choice(["pending", "overturned", "upheld"]))
        for ep in episodes if ep.decision == "intentional" and ep.decided_on])


def _bed_and_breakfast(ctx: DemoContext, rng: random.Random, people: dict[int, DemoPerson], living: set[int]) -> bool:
    """One relevant 17-year-old moved into bed and breakfast yesterday, through the accommodation verb."""
    from accommodation.actions import record_move
    from people.models import YoungPerson

    if ctx.scale > 20000:
        return False
    yesterday = ctx.as_at - dt.timedelta(days=1)
    for p in sorted(people.values(), key=lambda p: p.pk):
        if p.pk in living or p.in_care_now or p.in_custody or age_on(p.dob, yesterday) != 17:
            continue
        if birthday(p.dob, 17) > yesterday - dt.timedelta(days=120):
            continue  # keep clear of the 17th-birthday window the SSDA903 OC3 return reads
        last = AccommodationEpisode.objects.filter(young_person_id=p.pk).order_by("-start_date").first()
        if last is None or last.start_date >= yesterday - dt.timedelta(days=30) or last.accom in ("W", "X"):
            continue
        record_move(None, YoungPerson.objects.get(pk=p.pk), yesterday, "W", False, "other", None, False,
                    "Emergency: placement broke down late at night")
        return True
    return False
