"""Health pages: the young person's health and one form page for each thing recorded."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.policy import require
from audit.log import viewed
from health import actions, forms
from health.models import HealthCheck, HealthProfile, Immunisation, MentalHealthSupport, SDQScore, SubstanceMisuse
from leavingcare.access import rule, young_person
from leavingcare.pages import record_by_kind
from people.scope import get_young_person_or_404

BACK = "health:for_young_person"


def _profile(actor: Any, yp: Any, d: dict[str, Any], request: Any) -> Any:
    return actions.update_profile(actor, yp, request=request, **d)


def _sdq(actor: Any, yp: Any, d: dict[str, Any], request: Any) -> Any:
    return actions.record_sdq(actor, yp, request=request, **d)


FORMS: dict[str, tuple[type, str, Any]] = {
    "gp-and-passport": (forms.ProfileForm, "GP and health passport", _profile),
    "check": (forms.CheckForm, "Record a health assessment or dental check",
              lambda a, yp, d, r: actions.record_check(a, yp, request=r, **d)),
    "sdq": (forms.SDQForm, "Record a strengths and difficulties questionnaire (SDQ)", _sdq),
    "immunisations": (forms.ImmunisationForm, "Record immunisations",
                      lambda a, yp, d, r: actions.record_immunisation(
                          a, yp, recorded_on=d["recorded_on"], up_to_date=forms.yes_no(d["up_to_date"]),
                          detail=d["detail"], request=r)),
    "substance-misuse": (forms.SubstanceForm, "Record substance misuse and the help received",
                         lambda a, yp, d, r: actions.record_substance_misuse(
                             a, yp, recorded_on=d["recorded_on"], substance=d["substance"],
                             intervention_received=forms.yes_no(d["intervention_received"]), help=d["help"],
                             request=r)),
    "mental-health": (forms.MentalHealthForm, "Record mental-health support or a referral",
                      lambda a, yp, d, r: actions.record_mental_health(a, yp, request=r, **d)),
}


@rule("health.view", of=young_person)
def for_young_person(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    require(request.user, "health.view", yp)
    viewed(request.user, yp, "page:health", request=request)
    return render(request, "health/for_young_person.html", {
        "yp": yp, "profile": HealthProfile.objects.filter(young_person=yp).first(),
        "checks": HealthCheck.objects.filter(young_person=yp), "sdqs": SDQScore.objects.filter(young_person=yp),
        "immunisations": Immunisation.objects.filter(young_person=yp),
        "substances": SubstanceMisuse.objects.filter(young_person=yp),
        "mental_health": MentalHealthSupport.objects.filter(young_person=yp), "forms": FORMS})


@rule("health.record", "health.record", of=young_person)
def record(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    return record_by_kind(request, pk, what, FORMS, BACK,
                          current={"gp-and-passport": lambda yp: HealthProfile.objects.filter(young_person=yp).first()})
