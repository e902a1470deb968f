"""The write path for housing: every verb asks accounts.policy, reads the stored row (locked), validates with
errors keyed by field, saves in one transaction and writes the audit event with old and new values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.policy import require
from audit.log import changed, record, snapshot
from audit.models import Action
from housing.models import (
    ACTIVE_OFFER,
    Bid,
    BidOutcome,
    ChallengeOutcome,
    Cohort,
    Home,
    HomelessnessDecision,
    HomelessnessEpisode,
    HomeStatus,
    HomeStatusPeriod,
    HomeType,
    HouseProjectMember,
    HousingRegistration,
    IntentionalityChallenge,
    Occupancy,
    Offer,
    OfferStatus,
    Provider,
    Referral,
    ReferralStatus,
    Scheme,
    StayingPut,
)
from housing.rules import PriorityAges, priority_for, staying_put_latest_end
from leavingcare.versioning import bump, check_version
from org.config import setting
from people.eligibility import age_on, birthday
from people.models import ServiceStatus, YoungPerson


def priority_ages() -> PriorityAges:
    values = setting("housing_priority_ages") or {}
    return PriorityAges(int(values.get("medium_from", 18)), int(values.get("low_from", 21)))


def _open(yp: YoungPerson, field: str = "young_person") -> None:
    if yp.status != ServiceStatus.OPEN:
        raise ValidationError({field: f"{yp.display_name}'s record is {yp.get_status_display().lower()}, not open: "
                                      "re-open it first"})


def _not_future(day: dt.date, field: str, label: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: f"{label} cannot be in the future"})


def _change(actor: Any, stored: Any, yp: Any, values: dict[str, Any], version: int | None, what: str,
            request: Any) -> Any:
    check_version(stored, version, what)
    before = snapshot(stored, [*values, "version"])
    for name, value in values.items():
        setattr(stored, name, value)
    bump(stored)
    stored.save()
    changed(actor, stored, yp, before, request=request)
    return stored


def parse_amount(raw: Any, field: str = "weekly_allowance") -> Decimal:
    try:
        amount = Decimal(str(raw).replace("£", "").replace(",", "").strip())
    except InvalidOperation:
        raise ValidationError({field: "Enter an amount of money, like 222.00"}) from None
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
        raise ValidationError({field: "Enter an amount in pounds and pence, like 222.00"})
    return amount


# ---------------------------------------------------------------- stock


def _set_status(home: Home, status: str, on: dt.date) -> None:
    """Close the home's current status period the day before ``on`` and open one with ``status``."""
    current = HomeStatusPeriod.objects.select_for_update().filter(home=home, end__isnull=True).first()
    if current is not None:
        if on < current.start:
            raise ValidationError({"on": f"The date must be on or after {current.start:%d/%m/%Y}, when the home "
                                         f"became {current.get_status_display().lower()}"})
        if on == current.start:
            current.status = status
            current.save(update_fields=["status"])
        else:
            current.end = on - dt.timedelta(days=1)
            current.save(update_fields=["end"])
            HomeStatusPeriod.objects.create(home=home, status=status, start=on)
    else:
        HomeStatusPeriod.objects.create(home=home, status=status, start=on)
    home.status, home.status_since = status, on


@transaction.atomic
def add_provider(actor: Any, name: str, kind: str = "voluntary", request: Any = None) -> Provider:
    require(actor, "housing.manage_stock")
    if not name.strip():
        raise ValidationError({"name": "Enter the provider's name"})
    if Provider.objects.filter(name__iexact=name.strip()).exists():
        raise ValidationError({"name": "There is already a provider with this name"})
    provider = Provider.objects.create(name=name.strip(), kind=kind)
    record(actor, Action.CREATE, obj=provider, detail={"name": provider.name, "kind": kind}, request=request)
    return provider


@transaction.atomic
def add_scheme(actor: Any, provider: Provider, name: str, district: Any = None, core: bool = True,
               request: Any = None) -> Scheme:
    require(actor, "housing.manage_stock")
    if not name.strip():
        raise ValidationError({"name": "Enter the scheme's name"})
    if Scheme.objects.filter(provider=provider, name__iexact=name.strip()).exists():
        raise ValidationError({"name": "This provider already has a scheme with this name"})
    scheme = Scheme.objects.create(provider=provider, name=name.strip(), district=district, core=core)
    record(actor, Action.CREATE, obj=scheme, detail={"provider": provider, "name": scheme.name, "core": core},
           request=request)
    return scheme


def _check_home(reference: str, home_type: str, contract_start: dt.date | None, contract_end: dt.date | None,
                exclude: int | None = None) -> None:
    errors: dict[str, str] = {}
    if not reference.strip():
        errors["reference"] = "Enter the home's reference"
    elif Home.objects.filter(reference__iexact=reference.strip()).exclude(pk=exclude).exists():
        errors["reference"] = "Another home has this reference"
    if home_type not in HomeType.values:
        errors["home_type"] = "Select the type of home"
    if contract_start is None:
        errors["contract_start"] = "Enter the date the contract starts"
    elif contract_end is not None and contract_end < contract_start:
        errors["contract_end"] = "The contract must end on or after the day it starts"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def add_home(actor: Any, scheme: Scheme, reference: str, district: Any, home_type: str, contract_start: dt.date,
             contract_end: dt.date | None = None, address: str = "", status: str = HomeStatus.VACANT,
             on: dt.date | None = None, request: Any = None) -> Home:
    require(actor, "housing.manage_stock")
    _check_home(reference, home_type, contract_start, contract_end)
    if district is None:
        raise ValidationError({"district": "Select the district the home is in"})
    if status not in (HomeStatus.VACANT, HomeStatus.VOID, HomeStatus.OFFLINE):
        raise ValidationError({"status": "A new home is vacant, void or offline: a move-in makes it occupied"})
    on = on or contract_start
    home = Home.objects.create(scheme=scheme, reference=reference.strip(), district=district, home_type=home_type,
                               contract_start=contract_start, contract_end=contract_end, address=address,
                               status=status, status_since=on)
    HomeStatusPeriod.objects.create(home=home, status=status, start=on)
    record(actor, Action.CREATE, obj=home, detail={"reference": home.reference, "scheme": scheme,
                                                   "district": district, "home_type": home_type,
                                                   "contract_start": contract_start, "contract_end": contract_end,
                                                   "status": status}, request=request)
    return home


@transaction.atomic
def update_home(actor: Any, home: Home, version: int | None = None, request: Any = None, **fields: Any) -> Home:
    require(actor, "housing.manage_stock")
    allowed = {"reference", "address", "district", "home_type", "contract_start", "contract_end", "scheme"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError({sorted(unknown)[0]: "This cannot be changed here"})
    stored = Home.objects.select_for_update().get(pk=home.pk)
    values = {**{k: getattr(stored, k) for k in allowed}, **fields}
    _check_home(values["reference"], values["home_type"], values["contract_start"], values["contract_end"],
                exclude=stored.pk)
    return _change(actor, stored, None, fields, version, "home", request)


@transaction.atomic
def set_home_status(actor: Any, home: Home, status: str, on: dt.date, version: int | None = None,
                    request: Any = None) -> Home:
    """Vacant, void (being got ready between young people) or offline; occupied comes only from a move-in."""
    require(actor, "housing.manage_stock")
    stored = Home.objects.select_for_update().get(pk=home.pk)
    check_version(stored, version, "home")
    if status not in (HomeStatus.VACANT, HomeStatus.VOID, HomeStatus.OFFLINE):
        raise ValidationError({"status": "Select vacant, void or offline: a move-in makes a home occupied"})
    if Occupancy.objects.filter(home=stored, moved_out_on__isnull=True).exists():
        raise ValidationError({"status": "Someone lives here: record their move out first"})
    if status != HomeStatus.VACANT and Offer.objects.filter(home=stored, status__in=ACTIVE_OFFER).exists():
        raise ValidationError({"status": "The home has been offered: withdraw the offer first"})
    before = snapshot(stored, ["status", "status_since", "version"])
    _set_status(stored, status, on)
    bump(stored)
    stored.save(update_fields=["status", "status_since", "version"])
    changed(actor, stored, None, before, request=request)
    return stored


# ---------------------------------------------------------------- referrals, offers and moves


@transaction.atomic
def make_referral(actor: Any, yp: YoungPerson, referred_on: dt.date, need: str, district: Any = None,
                  home_type: str = "", request: Any = None) -> Referral:
    require(actor, "housing.refer", yp)
    stored = YoungPerson.objects.select_for_update().get(pk=yp.pk)
    _open(stored)
    errors: dict[str, str] = {}
    if not (need or "").strip():
        errors["need"] = "Say what the young person needs from their home"
    if referred_on is None:
        errors["referred_on"] = "Enter the date of the referral"
    elif referred_on > timezone.localdate():
        errors["referred_on"] = "The referral date cannot be in the future"
    elif referred_on < birthday(stored.date_of_birth, 16):
        errors["referred_on"] = "The referral date must be on or after the young person's 16th birthday"
    elif age_on(stored.date_of_birth, referred_on) >= 25:
        errors["referred_on"] = "Support ends on the 25th birthday"
    if home_type and home_type not in HomeType.values:
        errors["home_type"] = "Select the type of home from the list"
    if Referral.objects.filter(young_person=stored, status__in=[ReferralStatus.WAITING, ReferralStatus.OFFERED]
                               ).exists():
        errors["young_person"] = f"{stored.display_name} is already waiting for a home"
    if errors:
        raise ValidationError(errors)
    priority = priority_for(stored.date_of_birth, referred_on, priority_ages())
    is_adviser = getattr(actor, "role", None) == "housing_adviser"
    referral = Referral.objects.create(young_person=stored, referred_on=referred_on, need=need.strip(),
                                       district=district, home_type=home_type, priority=priority.value,
                                       referred_by=actor if getattr(actor, "is_authenticated", False) else None,
                                       adviser=actor if is_adviser else None)
    record(actor, Action.CREATE, young_person=stored, obj=referral,
           detail={"referred_on": referred_on, "need": referral.need, "district": district, "home_type": home_type,
                   "priority": priority.value}, request=request)
    return referral


@transaction.atomic
def withdraw_referral(actor: Any, referral: Referral, on: dt.date, reason: str, version: int | None = None,
                      request: Any = None) -> Referral:
    stored = Referral.objects.select_for_update().select_related("young_person").get(pk=referral.pk)
    require(actor, "housing.refer", stored)
    if stored.status not in (ReferralStatus.WAITING, ReferralStatus.OFFERED):
        raise ValidationError({"referral": f"This referral is already {stored.get_status_display().lower()}"})
    if Offer.objects.filter(referral=stored, status__in=ACTIVE_OFFER).exists():
        raise ValidationError({"referral": "A home is on offer: withdraw the offer first"})
    if not reason.strip():
        raise ValidationError({"end_reason": "Say why the referral is withdrawn"})
    if on < stored.referred_on:
        raise ValidationError({"ended_on": "The date must be on or after the referral date"})
    return _change(actor, stored, stored.young_person, {"status": ReferralStatus.WITHDRAWN, "ended_on": on,
                                                        "end_reason": reason.strip()}, version, "referral", request)


@transaction.atomic
def offer_home(actor: Any, referral: Referral, home: Home, offered_on: dt.date, version: int | None = None,
               request: Any = None) -> Offer:
    """Match a vacant home to a waiting referral. A home is offered to one young person at a time."""
    stored = Referral.objects.select_for_update().select_related("young_person").get(pk=referral.pk)
    require(actor, "housing.offer", stored)
    check_version(stored, version, "referral")
    place = Home.objects.select_for_update().get(pk=home.pk)
    _open(stored.young_person)
    errors: dict[str, str] = {}
    if Offer.objects.filter(home=place, status__in=ACTIVE_OFFER).exists():
        errors["home"] = f"{place.reference} is already offered to another young person"
    elif place.status != HomeStatus.VACANT:
        errors["home"] = f"{place.reference} is {place.get_status_display().lower()}, not vacant"
    elif place.contract_end is not None and place.contract_end < offered_on:
        errors["home"] = f"The contract for {place.reference} ended on {place.contract_end:%d/%m/%Y}"
    if stored.status != ReferralStatus.WAITING:
        errors["referral"] = ("This young person already has a home on offer" if stored.status == ReferralStatus.OFFERED
                              else f"This referral is {stored.get_status_display().lower()}")
    if offered_on < stored.referred_on:
        errors["offered_on"] = f"The offer cannot be made before the referral of {stored.referred_on:%d/%m/%Y}"
    elif offered_on > timezone.localdate():
        errors["offered_on"] = "The offer date cannot be in the future"
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            offer = Offer.objects.create(referral=stored, young_person=stored.young_person, home=place,
                                         offered_on=offered_on,
                                         offered_by=actor if getattr(actor, "is_authenticated", False) else None)
    except IntegrityError:  # another adviser offered it at the same moment
        raise ValidationError({"home": f"{place.reference} is already offered to another young person"}) from None
    _change(actor, stored, stored.young_person, {"status": ReferralStatus.OFFERED}, None, "referral", request)
    record(actor, Action.CREATE, young_person=stored.young_person, obj=offer,
           detail={"home": place.reference, "offered_on": offered_on}, request=request)
    return offer


@transaction.atomic
def answer_offer(actor: Any, offer: Offer, accepted: bool, on: dt.date, reason: str = "",
                 version: int | None = None, request: Any = None) -> Offer:
    stored = Offer.objects.select_for_update().select_related("young_person", "referral").get(pk=offer.pk)
    require(actor, "housing.offer", stored)
    check_version(stored, version, "offer")
    if stored.status != OfferStatus.PENDING:
        raise ValidationError({"offer": f"This offer is already {stored.get_status_display().lower()}"})
    if on < stored.offered_on:
        raise ValidationError({"answered_on": "The answer cannot come before the offer of "
                                              f"{stored.offered_on:%d/%m/%Y}"})
    if not accepted and not reason.strip():
        raise ValidationError({"refusal_reason": "Say why the offer was refused"})
    values = {"status": OfferStatus.ACCEPTED if accepted else OfferStatus.REFUSED, "answered_on": on,
              "refusal_reason": "" if accepted else reason.strip()}
    _change(actor, stored, stored.young_person, values, None, "offer", request)
    if not accepted:
        referral = Referral.objects.select_for_update().get(pk=stored.referral_id)
        _change(actor, referral, stored.young_person, {"status": ReferralStatus.WAITING}, None, "referral", request)
    return stored


@transaction.atomic
def withdraw_offer(actor: Any, offer: Offer, reason: str, version: int | None = None, request: Any = None) -> Offer:
    stored = Offer.objects.select_for_update().select_related("young_person").get(pk=offer.pk)
    require(actor, "housing.offer", stored)
    check_version(stored, version, "offer")
    if stored.status not in ACTIVE_OFFER:
        raise ValidationError({"offer": f"This offer is already {stored.get_status_display().lower()}"})
    if not reason.strip():
        raise ValidationError({"refusal_reason": "Say why the offer is withdrawn"})
    _change(actor, stored, stored.young_person, {"status": OfferStatus.WITHDRAWN, "refusal_reason": reason.strip()},
            None, "offer", request)
    referral = Referral.objects.select_for_update().get(pk=stored.referral_id)
    _change(actor, referral, stored.young_person, {"status": ReferralStatus.WAITING}, None, "referral", request)
    return stored


@transaction.atomic
def move_in(actor: Any, offer: Offer, on: dt.date, suitable: bool | None = True, version: int | None = None,
            request: Any = None) -> Occupancy:
    """The young person moves into the home they accepted: the occupancy, the home's status, the referral and the
    SSDA903 accommodation episode (ACCOM D, or E for supported lodgings, with suitability) in one transaction."""
    from accommodation.actions import record_move

    stored = Offer.objects.select_for_update().select_related("young_person", "home__district").get(pk=offer.pk)
    require(actor, "housing.move_in", stored)
    check_version(stored, version, "offer")
    yp, home = stored.young_person, Home.objects.select_for_update().get(pk=stored.home_id)
    _open(yp)
    if stored.status == OfferStatus.PENDING:
        raise ValidationError({"offer": "The offer has not been accepted yet: record the young person's answer first"})
    if stored.status != OfferStatus.ACCEPTED:
        raise ValidationError({"offer": f"This offer is {stored.get_status_display().lower()}"})
    if on is None:
        raise ValidationError({"moved_in_on": "Enter the date the young person moved in"})
    if on < stored.offered_on:
        raise ValidationError({"moved_in_on": "The move-in cannot be before the offer of "
                                              f"{stored.offered_on:%d/%m/%Y}"})
    if stored.answered_on and on < stored.answered_on:
        raise ValidationError({"moved_in_on": f"The move-in cannot be before the offer was accepted on "
                                              f"{stored.answered_on:%d/%m/%Y}"})
    _not_future(on, "moved_in_on", "The move-in date")
    if Occupancy.objects.filter(home=home, moved_out_on__isnull=True).exists():
        raise ValidationError({"home": f"Someone already lives in {home.reference}"})
    if Occupancy.objects.filter(young_person=yp, moved_out_on__isnull=True).exists():
        raise ValidationError({"young_person": f"{yp.display_name} already lives in supported accommodation: record "
                                               "the move out first"})
    try:
        record_move(actor, yp, on, home.accom_letter, suitable, home.provision, home.district, False,
                    f"Moved into {home.reference} ({home.scheme})", request=request)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            error.error_dict = {("moved_in_on" if k == "start_date" else k): v for k, v in error.error_dict.items()}
        raise
    occupancy = Occupancy.objects.create(home=home, young_person=yp, offer=stored, moved_in_on=on)
    _change(actor, stored, yp, {"status": OfferStatus.MOVED_IN}, None, "offer", request)
    referral = Referral.objects.select_for_update().get(pk=stored.referral_id)
    _change(actor, referral, yp, {"status": ReferralStatus.HOUSED, "ended_on": on}, None, "referral", request)
    before = snapshot(home, ["status", "status_since", "version"])
    _set_status(home, HomeStatus.OCCUPIED, on)
    bump(home)
    home.save(update_fields=["status", "status_since", "version"])
    changed(actor, home, yp, before, request=request)
    record(actor, Action.CREATE, young_person=yp, obj=occupancy, detail={"home": home.reference, "moved_in_on": on,
                                                                       "accom": home.accom_letter,
                                                                       "suitable": suitable}, request=request)
    return occupancy


@transaction.atomic
def move_out(actor: Any, occupancy: Occupancy, on: dt.date, reason: str, version: int | None = None,
             request: Any = None) -> Occupancy:
    """The young person leaves; the home becomes void until it is got ready. Their next home is recorded as a
    move in the accommodation history."""
    stored = Occupancy.objects.select_for_update().select_related("young_person").get(pk=occupancy.pk)
    require(actor, "housing.move_in", stored)
    if stored.moved_out_on is not None:
        raise ValidationError({"moved_out_on": "This young person has already moved out"})
    if on < stored.moved_in_on:
        raise ValidationError({"moved_out_on": f"The move out cannot be before the move in on "
                                               f"{stored.moved_in_on:%d/%m/%Y}"})
    _not_future(on, "moved_out_on", "The move-out date")
    if not reason.strip():
        raise ValidationError({"move_out_reason": "Say why the young person left"})
    _change(actor, stored, stored.young_person, {"moved_out_on": on, "move_out_reason": reason.strip()}, version,
            "stay", request)
    home = Home.objects.select_for_update().get(pk=stored.home_id)
    before = snapshot(home, ["status", "status_since", "version"])
    _set_status(home, HomeStatus.VOID, on + dt.timedelta(days=1))
    bump(home)
    home.save(update_fields=["status", "status_since", "version"])
    changed(actor, home, stored.young_person, before, request=request)
    return stored


@transaction.atomic
def mark_ready_to_move_on(actor: Any, occupancy: Occupancy, on: dt.date | None, version: int | None = None,
                          request: Any = None) -> Occupancy:
    stored = Occupancy.objects.select_for_update().select_related("young_person").get(pk=occupancy.pk)
    require(actor, "housing.record", stored)
    if stored.moved_out_on is not None:
        raise ValidationError({"ready_to_move_on": "This young person has already moved out"})
    if on is not None and on < stored.moved_in_on:
        raise ValidationError({"ready_to_move_on": "The date must be on or after the move in"})
    return _change(actor, stored, stored.young_person, {"ready_to_move_on": on}, version, "stay", request)


# ---------------------------------------------------------------- Staying Put


@transaction.atomic
def start_staying_put(actor: Any, yp: YoungPerson, carer_name: str, start_date: dt.date, planned_end: dt.date,
                      weekly_allowance: Any, carer_reference: str = "", request: Any = None) -> StayingPut:
    from money.models import Entitlement

    require(actor, "housing.record", yp)
    stored = YoungPerson.objects.select_for_update().get(pk=yp.pk)
    _open(stored)
    amount = parse_amount(weekly_allowance)
    errors: dict[str, str] = {}
    if not carer_name.strip():
        errors["carer_name"] = "Enter the former foster carer's name"
    eighteen = birthday(stored.date_of_birth, 18)
    latest = staying_put_latest_end(stored.date_of_birth, int(setting("staying_put_until_age")))
    if start_date < eighteen:
        errors["start_date"] = f"Staying Put starts at 18: on or after {eighteen:%d/%m/%Y}"
    if planned_end < start_date:
        errors["planned_end"] = "The planned end must be after the start"
    elif planned_end > latest:
        errors["planned_end"] = f"Staying Put lasts up to the young person's 21st birthday: end by {latest:%d/%m/%Y}"
    if StayingPut.objects.filter(young_person=stored, ended_on__isnull=True).exists():
        errors["young_person"] = f"{stored.display_name} already has a Staying Put arrangement"
    if errors:
        raise ValidationError(errors)
    arrangement = StayingPut.objects.create(
        young_person=stored, carer_name=carer_name.strip(), carer_reference=carer_reference.strip(),
        start_date=start_date, planned_end=planned_end, weekly_allowance=amount,
        entitlement=Entitlement.objects.filter(code="STAYING_PUT").first())
    record(actor, Action.CREATE, young_person=stored, obj=arrangement,
           detail={"carer_name": arrangement.carer_name, "start_date": start_date, "planned_end": planned_end,
                   "weekly_allowance": amount}, request=request)
    return arrangement


@transaction.atomic
def end_staying_put(actor: Any, arrangement: StayingPut, on: dt.date, version: int | None = None,
                    request: Any = None) -> StayingPut:
    stored = StayingPut.objects.select_for_update().select_related("young_person").get(pk=arrangement.pk)
    require(actor, "housing.record", stored)
    if stored.ended_on is not None:
        raise ValidationError({"ended_on": "This arrangement has already ended"})
    if on < stored.start_date:
        raise ValidationError({"ended_on": "The end must be on or after the start"})
    return _change(actor, stored, stored.young_person, {"ended_on": on}, version, "arrangement", request)


# ---------------------------------------------------------------- the House Project


@transaction.atomic
def add_cohort(actor: Any, name: str, starts_on: dt.date, preparation_months: int = 6,
               request: Any = None) -> Cohort:
    require(actor, "housing.manage_cohorts")
    if not name.strip():
        raise ValidationError({"name": "Enter the cohort's name"})
    if Cohort.objects.filter(name__iexact=name.strip()).exists():
        raise ValidationError({"name": "There is already a cohort with this name"})
    if not 1 <= preparation_months <= 24:
        raise ValidationError({"preparation_months": "Preparation lasts between 1 and 24 months"})
    cohort = Cohort.objects.create(name=name.strip(), starts_on=starts_on, preparation_months=preparation_months)
    record(actor, Action.CREATE, obj=cohort, detail={"name": cohort.name, "starts_on": starts_on}, request=request)
    return cohort


@transaction.atomic
def join_house_project(actor: Any, cohort: Cohort, yp: YoungPerson, joined_on: dt.date,
                       request: Any = None) -> HouseProjectMember:
    require(actor, "housing.record", yp)
    _open(yp)
    if HouseProjectMember.objects.filter(cohort=cohort, young_person=yp).exists():
        raise ValidationError({"young_person": f"{yp.display_name} is already in {cohort.name}"})
    if joined_on < birthday(yp.date_of_birth, 16):
        raise ValidationError({"joined_on": "The young person must be 16 or older"})
    member = HouseProjectMember.objects.create(cohort=cohort, young_person=yp, joined_on=joined_on)
    record(actor, Action.CREATE, young_person=yp, obj=member, detail={"cohort": cohort.name, "joined_on": joined_on},
           request=request)
    return member


@transaction.atomic
def record_tenancy(actor: Any, member: HouseProjectMember, offered_on: dt.date, landlord: str,
                   started_on: dt.date | None = None, version: int | None = None,
                   request: Any = None) -> HouseProjectMember:
    stored = HouseProjectMember.objects.select_for_update().select_related("young_person", "cohort").get(pk=member.pk)
    require(actor, "housing.record", stored)
    if offered_on < stored.joined_on:
        raise ValidationError({"tenancy_offered_on": "The tenancy offer must be after joining the project"})
    if not landlord.strip():
        raise ValidationError({"landlord": "Enter the registered social landlord"})
    if started_on is not None and started_on < offered_on:
        raise ValidationError({"tenancy_started_on": "The tenancy cannot start before it was offered"})
    return _change(actor, stored, stored.young_person, {"tenancy_offered_on": offered_on, "landlord": landlord.strip(),
                                                        "tenancy_started_on": started_on}, version, "place", request)


@transaction.atomic
def record_sustained(actor: Any, member: HouseProjectMember, sustained: bool, on: dt.date,
                     version: int | None = None, request: Any = None) -> HouseProjectMember:
    stored = HouseProjectMember.objects.select_for_update().select_related("young_person").get(pk=member.pk)
    require(actor, "housing.record", stored)
    if stored.tenancy_started_on is None:
        raise ValidationError({"sustained": "Record the start of the tenancy first"})
    if on < stored.tenancy_started_on:
        raise ValidationError({"sustained_checked_on": "The check must be after the tenancy started"})
    return _change(actor, stored, stored.young_person, {"sustained": sustained, "sustained_checked_on": on}, version,
                   "place", request)


# ---------------------------------------------------------------- Housing Needs Registers and bids


@transaction.atomic
def register(actor: Any, yp: YoungPerson, district: Any, registered_on: dt.date, band: str, reference: str,
             request: Any = None) -> HousingRegistration:
    require(actor, "housing.record", yp)
    _open(yp)
    errors: dict[str, str] = {}
    if district is None:
        errors["district"] = "Select the district council"
    elif HousingRegistration.objects.filter(young_person=yp, district=district, ended_on__isnull=True).exists():
        errors["district"] = f"{yp.display_name} is already on {district}'s register"
    if not reference.strip():
        errors["reference"] = "Enter the register's reference"
    if not band.strip():
        errors["band"] = "Enter the band"
    if registered_on < birthday(yp.date_of_birth, 16):
        errors["registered_on"] = "Registers accept young people from 16"
    if errors:
        raise ValidationError(errors)
    reg = HousingRegistration.objects.create(young_person=yp, district=district, registered_on=registered_on,
                                             band=band.strip(), reference=reference.strip())
    record(actor, Action.CREATE, young_person=yp, obj=reg, detail={"district": district, "band": reg.band,
                                                                   "reference": reg.reference,
                                                                   "registered_on": registered_on}, request=request)
    return reg


@transaction.atomic
def change_band(actor: Any, registration: HousingRegistration, band: str, version: int | None = None,
                request: Any = None) -> HousingRegistration:
    stored = HousingRegistration.objects.select_for_update().select_related("young_person").get(pk=registration.pk)
    require(actor, "housing.record", stored)
    if not band.strip():
        raise ValidationError({"band": "Enter the band"})
    return _change(actor, stored, stored.young_person, {"band": band.strip()}, version, "registration", request)


@transaction.atomic
def record_bid(actor: Any, registration: HousingRegistration, bid_on: dt.date, property_reference: str,
               outcome: str = BidOutcome.PENDING, request: Any = None) -> Bid:
    require(actor, "housing.record", registration)
    if registration.ended_on is not None and bid_on > registration.ended_on:
        raise ValidationError({"bid_on": "The registration had ended"})
    if bid_on < registration.registered_on:
        raise ValidationError({"bid_on": "A bid must be on or after the registration"})
    if not property_reference.strip():
        raise ValidationError({"property_reference": "Enter the property's reference"})
    if outcome not in BidOutcome.values:
        raise ValidationError({"outcome": "Select the outcome from the list"})
    bid = Bid.objects.create(registration=registration, young_person=registration.young_person, bid_on=bid_on,
                             property_reference=property_reference.strip(), outcome=outcome)
    record(actor, Action.CREATE, young_person=registration.young_person, obj=bid,
           detail={"bid_on": bid_on, "property_reference": bid.property_reference, "outcome": outcome},
           request=request)
    return bid


@transaction.atomic
def set_bid_outcome(actor: Any, bid: Bid, outcome: str, version: int | None = None, request: Any = None) -> Bid:
    stored = Bid.objects.select_for_update().select_related("young_person").get(pk=bid.pk)
    require(actor, "housing.record", stored)
    if outcome not in BidOutcome.values:
        raise ValidationError({"outcome": "Select the outcome from the list"})
    return _change(actor, stored, stored.young_person, {"outcome": outcome}, version, "bid", request)


# ---------------------------------------------------------------- homelessness


@transaction.atomic
def start_homelessness(actor: Any, yp: YoungPerson, started_on: dt.date, district: Any = None, note: str = "",
                       request: Any = None) -> HomelessnessEpisode:
    require(actor, "housing.record", yp)
    _open(yp)
    _not_future(started_on, "started_on", "The date")
    if HomelessnessEpisode.objects.filter(young_person=yp, ended_on__isnull=True).exists():
        raise ValidationError({"young_person": f"{yp.display_name} already has an open homelessness episode"})
    is_adviser = getattr(actor, "role", None) == "housing_adviser"
    episode = HomelessnessEpisode.objects.create(young_person=yp, started_on=started_on, district=district,
                                                 note=note, adviser=actor if is_adviser else None)
    record(actor, Action.CREATE, young_person=yp, obj=episode, detail={"started_on": started_on, "district": district},
           request=request)
    return episode


@transaction.atomic
def decide_homelessness(actor: Any, episode: HomelessnessEpisode, decision: str, on: dt.date,
                        version: int | None = None, request: Any = None) -> HomelessnessEpisode:
    stored = HomelessnessEpisode.objects.select_for_update().select_related("young_person").get(pk=episode.pk)
    require(actor, "housing.record", stored)
    if decision not in HomelessnessDecision.values:
        raise ValidationError({"decision": "Select the council's decision from the list"})
    if on < stored.started_on:
        raise ValidationError({"decided_on": "The decision must be on or after the start of the episode"})
    return _change(actor, stored, stored.young_person, {"decision": decision, "decided_on": on}, version, "episode",
                   request)


@transaction.atomic
def end_homelessness(actor: Any, episode: HomelessnessEpisode, on: dt.date, version: int | None = None,
                     request: Any = None) -> HomelessnessEpisode:
    stored = HomelessnessEpisode.objects.select_for_update().select_related("young_person").get(pk=episode.pk)
    require(actor, "housing.record", stored)
    if stored.ended_on is not None:
        raise ValidationError({"ended_on": "This episode has already ended"})
    if on < stored.started_on:
        raise ValidationError({"ended_on": "The end must be on or after the start"})
    return _change(actor, stored, stored.young_person, {"ended_on": on}, version, "episode", request)


@transaction.atomic
def challenge_intentionality(actor: Any, episode: HomelessnessEpisode, challenged_on: dt.date, grounds: str,
                             request: Any = None) -> IntentionalityChallenge:
    stored = HomelessnessEpisode.objects.select_for_update().select_related("young_person").get(pk=episode.pk)
    require(actor, "housing.challenge", stored)
    if stored.decision != HomelessnessDecision.INTENTIONAL:
        raise ValidationError({"episode": "Only an intentional-homelessness decision can be challenged here"})
    if stored.decided_on and challenged_on < stored.decided_on:
        raise ValidationError({"challenged_on": "The challenge must be on or after the decision"})
    if not grounds.strip():
        raise ValidationError({"grounds": "Give the grounds for the challenge"})
    if IntentionalityChallenge.objects.filter(episode=stored, outcome=ChallengeOutcome.PENDING).exists():
        raise ValidationError({"episode": "A challenge to this decision is already waiting for its outcome"})
    challenge = IntentionalityChallenge.objects.create(
        episode=stored, young_person=stored.young_person, challenged_on=challenged_on, grounds=grounds.strip(),
        challenged_by=actor if getattr(actor, "is_authenticated", False) else None)
    record(actor, Action.CREATE, young_person=stored.young_person, obj=challenge,
           detail={"challenged_on": challenged_on, "grounds": challenge.grounds}, request=request)
    return challenge


@transaction.atomic
def challenge_outcome(actor: Any, challenge: IntentionalityChallenge, outcome: str, on: dt.date,
                      version: int | None = None, request: Any = None) -> IntentionalityChallenge:
    stored = IntentionalityChallenge.objects.select_for_update().select_related("young_person", "episode").get(
        pk=challenge.pk)
    require(actor, "housing.challenge", stored)
    if stored.outcome != ChallengeOutcome.PENDING:
        raise ValidationError({"outcome": f"The outcome is already recorded: {stored.get_outcome_display().lower()}"})
    if outcome not in ChallengeOutcome.values or outcome == ChallengeOutcome.PENDING:
        raise ValidationError({"outcome": "Select overturned, upheld or withdrawn"})
    if on < stored.challenged_on:
        raise ValidationError({"outcome_on": "The outcome must be on or after the challenge"})
    _change(actor, stored, stored.young_person, {"outcome": outcome, "outcome_on": on}, version, "challenge", request)
    if outcome == ChallengeOutcome.OVERTURNED:
        episode = HomelessnessEpisode.objects.select_for_update().get(pk=stored.episode_id)
        _change(actor, episode, stored.young_person, {"decision": HomelessnessDecision.MAIN_DUTY, "decided_on": on},
                None, "episode", request)
    return stored
