"""Housing pages for housing advisers and managers: their caseload, the queue, vacancies, the move-on list and the
figures; a young person's housing; and the forms that call housing.actions. Thin: reads go through people.scope,
writes through the verbs, and every list of named young people is audit-logged."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from accounts.policy import may, require
from audit.log import viewed, viewed_many
from housing import actions
from housing.forms import (
    AnswerForm,
    ChallengeForm,
    ChallengeOutcomeForm,
    DecisionForm,
    HomelessnessForm,
    HomeStatusForm,
    MoveInForm,
    OfferForm,
    ReferralForm,
    StayingPutForm,
)
from housing.models import (
    Bid,
    Home,
    HomelessnessEpisode,
    HomeStatus,
    HouseProjectMember,
    HousingRegistration,
    IntentionalityChallenge,
    Occupancy,
    Offer,
    Referral,
    StayingPut,
)
from housing.queries import (
    bed_and_breakfast_items,
    caseload,
    figures,
    move_on,
    queue,
    vacancies,
    void_days_by_home,
)
from leavingcare.access import rule, young_person
from leavingcare.pages import submitted
from org.models import District
from people.scope import get_young_person_or_404, scoped, young_people_for

BACK = "housing:for_young_person"
PAGE_SIZE = 50


def _allowed(request: HttpRequest) -> None:
    require(request.user, "housing.view")


def _versioned(form: Any, obj: Any) -> Any:
    """Carry the version the page was opened at, so a save made after someone else's change is refused."""
    form.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, required=False, initial=obj.version)
    return form


def _form_page(request: HttpRequest, form: Any, heading: str, back_url: str, caption: str = "",
               button: str = "Save") -> HttpResponse:
    return render(request, "housing/form_page.html", {
        "form": form, "heading": heading, "button": button, "back_url": back_url, "caption": caption,
        "error_title": bool(form.errors)})


def _district(request: HttpRequest) -> District | None:
    chosen = request.GET.get("district", "")
    return District.objects.filter(pk=chosen).first() if chosen.isdigit() else None


# ---------------------------------------------------------------- lists


@rule("housing.view")
def home(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    today = timezone.localdate()
    user = request.user
    mine = caseload(user, scoped(Referral.objects.all(), user), scoped(HomelessnessEpisode.objects.all(), user))
    referrals, homeless = list(mine["referrals"]), list(mine["homeless"])
    alarms = bed_and_breakfast_items(young_people_for(user), today)
    viewed_many(user, {r.young_person_id for r in referrals} | {e.young_person_id for e in homeless}
                | {a.young_person.pk for a in alarms}, "page:housing_caseload", request=request)
    return render(request, "housing/home.html", {
        "today": today, "alarms": alarms, "referrals": referrals, "homeless": homeless,
        "is_adviser": user.role == "housing_adviser", "figures": figures(today, young_people_for(user))})


@rule("housing.view")
def queue_page(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    today = timezone.localdate()
    district = _district(request)
    rows = queue(scoped(Referral.objects.all(), request.user), today, district)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    viewed_many(request.user, [q.referral.young_person_id for q in page], "page:housing_queue", request=request)
    return render(request, "housing/queue.html", {
        "page": page, "total": len(rows), "districts": District.objects.all(), "district": district, "today": today,
        "query": f"district={district.pk}" if district else "", "may_offer": may(request.user, "housing.offer")})


@rule("housing.view")
def vacancies_page(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    today = timezone.localdate()
    district = _district(request)
    empty = (Home.objects.exclude(status=HomeStatus.OCCUPIED).select_related("district", "scheme__provider")
             .order_by("district__name", "status", "reference"))
    if district is not None:
        empty = empty.filter(district=district)
    free = set(vacancies(today, district).values_list("pk", flat=True))
    homes = list(empty)
    days = void_days_by_home(Home.objects.filter(pk__in=[h.pk for h in homes]), today - dt.timedelta(days=364), today)
    for h in homes:
        h.void_days = days.get(h.pk, 0)
        h.offered = h.status == HomeStatus.VACANT and h.pk not in free
    return render(request, "housing/vacancies.html", {
        "homes": homes, "districts": District.objects.all(), "district": district, "today": today,
        "may_manage": may(request.user, "housing.manage_stock")})


@rule("housing.view")
def move_on_page(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    rows = list(move_on(scoped(Occupancy.objects.all(), request.user)))
    viewed_many(request.user, [o.young_person_id for o in rows], "page:housing_move_on", request=request)
    return render(request, "housing/move_on.html", {"rows": rows, "today": timezone.localdate()})


@rule("housing.view")
def figures_page(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    today = timezone.localdate()
    return render(request, "housing/figures.html", {"figures": figures(today, young_people_for(request.user)),
                                                    "today": today})


# ---------------------------------------------------------------- a young person's housing


@rule("people.view_record", of=young_person)
def for_young_person(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    viewed(request.user, yp, "page:housing", request=request)
    return render(request, "housing/for_young_person.html", {
        "yp": yp,
        "referrals": Referral.objects.filter(young_person=yp).select_related("district").order_by("-referred_on"),
        "offers": Offer.objects.filter(young_person=yp).select_related("home__district"),
        "occupancies": Occupancy.objects.filter(young_person=yp).select_related("home__district", "home__scheme"),
        "staying_put": StayingPut.objects.filter(young_person=yp),
        "house_project": HouseProjectMember.objects.filter(young_person=yp).select_related("cohort"),
        "registers": HousingRegistration.objects.filter(young_person=yp).select_related("district"),
        "bids": Bid.objects.filter(young_person=yp).select_related("registration__district"),
        "homelessness": HomelessnessEpisode.objects.filter(young_person=yp).select_related("district")
        .prefetch_related("challenges")})


def _yp_form(request: HttpRequest, pk: int, form_class: Any, permission: str, act: Any, success: str,
             heading: str, initial: dict[str, Any] | None = None) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    require(request.user, permission, yp)
    form = form_class(request.POST or None, initial=initial or {})
    if submitted(request, form, lambda d: act(yp, d), success):
        return redirect(BACK, pk=yp.pk)
    return _form_page(request, form, heading, reverse(BACK, args=[yp.pk]), yp.display_name)


@rule("housing.refer", "housing.refer", of=young_person)
def refer(request: HttpRequest, pk: int) -> HttpResponse:
    return _yp_form(request, pk, ReferralForm, "housing.refer", lambda yp, d: actions.make_referral(
        request.user, yp, d["referred_on"], d["need"], d["district"], d["home_type"], request=request),
        "Referral made: the young person is in the queue", "Refer for supported accommodation",
        {"referred_on": timezone.localdate()})


@rule("housing.record", "housing.record", of=young_person)
def staying_put(request: HttpRequest, pk: int) -> HttpResponse:
    return _yp_form(request, pk, StayingPutForm, "housing.record", lambda yp, d: actions.start_staying_put(
        request.user, yp, d["carer_name"], d["start_date"], d["planned_end"], d["weekly_allowance"],
        d["carer_reference"], request=request), "Staying Put arrangement recorded", "Record Staying Put")


@rule("housing.record", "housing.record", of=young_person)
def homeless(request: HttpRequest, pk: int) -> HttpResponse:
    return _yp_form(request, pk, HomelessnessForm, "housing.record", lambda yp, d: actions.start_homelessness(
        request.user, yp, d["started_on"], d["district"], d["note"], request=request),
        "Homelessness recorded", "Record homelessness", {"started_on": timezone.localdate()})


# ---------------------------------------------------------------- offers and moves


@rule("housing.offer", "housing.offer")
def offer(request: HttpRequest, referral_pk: int) -> HttpResponse:
    referral = get_object_or_404(scoped(Referral.objects.select_related("young_person", "district"), request.user),
                                 pk=referral_pk)
    require(request.user, "housing.offer", referral)
    today = timezone.localdate()
    homes = vacancies(today, referral.district) if referral.district else vacancies(today)
    if referral.district and not homes.exists():
        homes = vacancies(today)
    form = _versioned(OfferForm(request.POST or None, homes=homes, initial={"offered_on": today}), referral)
    yp = referral.young_person
    if submitted(request, form, lambda d: actions.offer_home(request.user, referral, d["home"], d["offered_on"],
                                                             d.get("version"), request=request),
                 lambda o: f"{o.home.reference} offered to {yp.display_name}"):
        return redirect(BACK, pk=yp.pk)
    return _form_page(request, form, "Offer a home", reverse(BACK, args=[yp.pk]),
                      f"{yp.display_name} · {referral.get_priority_display()} priority", "Make the offer")


def _offer(request: HttpRequest, offer_pk: int, permission: str) -> Offer:
    found = get_object_or_404(scoped(Offer.objects.select_related("young_person", "home"), request.user), pk=offer_pk)
    require(request.user, permission, found)
    return found


@rule("housing.offer", "housing.offer")
def answer(request: HttpRequest, offer_pk: int) -> HttpResponse:
    found = _offer(request, offer_pk, "housing.offer")
    form = _versioned(AnswerForm(request.POST or None, initial={"answered_on": timezone.localdate()}), found)
    if submitted(request, form, lambda d: actions.answer_offer(
            request.user, found, d["answer"] == "accepted", d["answered_on"], d["refusal_reason"], d.get("version"),
            request=request), "Answer recorded"):
        return redirect(BACK, pk=found.young_person_id)
    return _form_page(request, form, f"Answer to the offer of {found.home.reference}",
                      reverse(BACK, args=[found.young_person_id]), found.young_person.display_name)


@rule("housing.move_in", "housing.move_in")
def move_in(request: HttpRequest, offer_pk: int) -> HttpResponse:
    found = _offer(request, offer_pk, "housing.move_in")
    form = _versioned(MoveInForm(request.POST or None, initial={"moved_in_on": timezone.localdate(),
                                                                 "suitable": "yes"}), found)
    if submitted(request, form, lambda d: actions.move_in(
            request.user, found, d["moved_in_on"], {"yes": True, "no": False}.get(d["suitable"]), d.get("version"),
            request=request), "Move-in recorded, with the accommodation history"):
        return redirect(BACK, pk=found.young_person_id)
    return _form_page(request, form, f"Move into {found.home.reference}", reverse(BACK, args=[found.young_person_id]),
                      found.young_person.display_name, "Record the move")


@rule("housing.manage_stock", "housing.manage_stock")
def home_status(request: HttpRequest, home_pk: int) -> HttpResponse:
    require(request.user, "housing.manage_stock")
    place = get_object_or_404(Home, pk=home_pk)
    form = _versioned(HomeStatusForm(request.POST or None, initial={"status": place.status,
                                                                    "on": timezone.localdate()}), place)
    if submitted(request, form, lambda d: actions.set_home_status(request.user, place, d["status"], d["on"],
                                                                  d.get("version"), request=request),
                 f"{place.reference} updated"):
        return redirect("housing:vacancies")
    return _form_page(request, form, f"Status of {place.reference}", reverse("housing:vacancies"),
                      f"{place.get_home_type_display()}, {place.district}")


# ---------------------------------------------------------------- homelessness


def _episode(request: HttpRequest, episode_pk: int, permission: str) -> HomelessnessEpisode:
    found = get_object_or_404(scoped(HomelessnessEpisode.objects.select_related("young_person"), request.user),
                              pk=episode_pk)
    require(request.user, permission, found)
    return found


@rule("housing.record", "housing.record")
def decision(request: HttpRequest, episode_pk: int) -> HttpResponse:
    ep = _episode(request, episode_pk, "housing.record")
    form = _versioned(DecisionForm(request.POST or None, initial={"decided_on": timezone.localdate()}), ep)
    if submitted(request, form, lambda d: actions.decide_homelessness(
            request.user, ep, d["decision"], d["decided_on"], d.get("version"), request=request), "Decision recorded"):
        return redirect(BACK, pk=ep.young_person_id)
    return _form_page(request, form, "The council's decision", reverse(BACK, args=[ep.young_person_id]),
                      ep.young_person.display_name)


@rule("housing.challenge", "housing.challenge")
def challenge(request: HttpRequest, episode_pk: int) -> HttpResponse:
    ep = _episode(request, episode_pk, "housing.challenge")
    form = ChallengeForm(request.POST or None, initial={"challenged_on": timezone.localdate()})
    if submitted(request, form, lambda d: actions.challenge_intentionality(
            request.user, ep, d["challenged_on"], d["grounds"], request=request), "Challenge recorded"):
        return redirect(BACK, pk=ep.young_person_id)
    return _form_page(request, form, "Challenge the intentional-homelessness decision",
                      reverse(BACK, args=[ep.young_person_id]), ep.young_person.display_name)


@rule("housing.challenge", "housing.challenge")
def challenge_outcome(request: HttpRequest, challenge_pk: int) -> HttpResponse:
    found = get_object_or_404(scoped(IntentionalityChallenge.objects.select_related("young_person"), request.user),
                              pk=challenge_pk)
    if not may(request.user, "housing.challenge", found):
        raise PermissionDenied("Only housing advisers and managers record the outcome of a challenge")
    form = _versioned(ChallengeOutcomeForm(request.POST or None, initial={"outcome_on": timezone.localdate()}), found)
    if submitted(request, form, lambda d: actions.challenge_outcome(
            request.user, found, d["outcome"], d["outcome_on"], d.get("version"), request=request),
            "Outcome recorded"):
        return redirect(BACK, pk=found.young_person_id)
    return _form_page(request, form, "Outcome of the challenge", reverse(BACK, args=[found.young_person_id]),
                      found.young_person.display_name)
