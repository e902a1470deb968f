"""Circumstances pages: the young person's circumstances and support, and a form page for each."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from accounts.policy import require
from audit.log import viewed
from circumstances import actions, forms, rules
from circumstances.models import (
    Child,
    Custody,
    ImmigrationCase,
    LinkedIdentifier,
    OutOfArea,
    RecordsRequest,
    StepDown,
    SupportReferral,
)
from leavingcare.access import rule, young_person
from leavingcare.pages import form_page, record_by_kind, submitted
from people.scope import get_young_person_or_404, scoped

BACK = "circumstances:for_young_person"


def _immigration(a: Any, yp: Any, d: dict[str, Any], r: Any) -> Any:
    return actions.save_immigration_case(a, yp, request=r, **d)


def _appeal(a: Any, yp: Any, d: dict[str, Any], r: Any) -> Any:
    case = ImmigrationCase.objects.filter(young_person=yp).first()
    if case is None:
        raise ValidationError({"lodged_on": "Record the immigration case first"})
    return actions.record_appeal(a, case, request=r, **d)


FORMS: dict[str, tuple[type, str, Any]] = {
    "referral": (forms.ReferralForm, "Refer for support", lambda a, yp, d, r: actions.refer(a, yp, request=r, **d)),
    "immigration": (forms.ImmigrationForm, "Immigration case", _immigration),
    "appeal": (forms.AppealForm, "Record an immigration appeal", _appeal),
    "child": (forms.ChildForm, "Add a child", lambda a, yp, d, r: actions.add_child(a, yp, request=r, **d)),
    "custody": (forms.CustodyForm, "Record custody", lambda a, yp, d, r: actions.record_custody(a, yp, request=r, **d)),
    "out-of-area": (forms.OutOfAreaForm, "Living out of area",
                    lambda a, yp, d, r: actions.record_out_of_area(a, yp, request=r, **d)),
    "step-down": (forms.StepDownForm, "Request to step down to universal services",
                  lambda a, yp, d, r: actions.request_step_down(a, yp, request=r, **d)),
    "records-request": (forms.RecordsRequestForm, "Request to see their records",
                        lambda a, yp, d, r: actions.receive_records_request(a, yp, request=r, **d)),
}


@rule("circumstances.view", of=young_person)
def for_young_person(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    require(request.user, "circumstances.view", yp)
    viewed(request.user, yp, "page:circumstances", request=request)
    case = ImmigrationCase.objects.filter(young_person=yp).prefetch_related("appeals").first()
    referrals = list(SupportReferral.objects.filter(young_person=yp))
    for r in referrals:
        r.late = r.kind == "transitions" and not rules.transitions_on_time(yp.date_of_birth, r.referred_on)
    return render(request, "circumstances/for_young_person.html", {
        "yp": yp, "referrals": referrals, "case": case,
        "asylum_support": case is not None and rules.support_continues_for_asylum(
            yp.date_of_birth, timezone.localdate(), case.asylum_decision_on),
        "children": Child.objects.filter(young_person=yp), "custody": Custody.objects.filter(young_person=yp),
        "out_of_area": OutOfArea.objects.filter(young_person=yp).select_related("local_connection"),
        "step_downs": StepDown.objects.filter(young_person=yp).select_related("decided_by"),
        "records_requests": RecordsRequest.objects.filter(young_person=yp),
        "identifiers": LinkedIdentifier.objects.filter(young_person=yp),
        "has_sw": yp.allocations.filter(role="sw", end_date__isnull=True).exists(), "forms": FORMS})


@rule("circumstances.record", "circumstances.record", of=young_person)
def record(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    return record_by_kind(request, pk, what, FORMS, BACK,
                          current={"immigration": lambda yp: ImmigrationCase.objects.filter(young_person=yp).first()},
                          dated_today=("referred_on", "requested_on", "received_on", "since"))


@rule("circumstances.decide_step_down", "circumstances.decide_step_down")
def decide_step_down(request: HttpRequest, pk: int) -> HttpResponse:
    step = get_object_or_404(scoped(StepDown.objects.select_related("young_person"), request.user), pk=pk)
    require(request.user, "circumstances.decide_step_down", step.young_person)
    form = forms.StepDownDecisionForm(request.POST or None)
    if submitted(request, form, lambda d: actions.decide_step_down(request.user, step, decision=d["decision"],
                                                                   request=request), "Decision recorded"):
        return redirect(BACK, pk=step.young_person_id)
    return form_page(request, form, step.young_person, "Decide the step-down: privacy and safeguarding", back=BACK)


@rule(None, "circumstances.record")
def complete(request: HttpRequest, pk: int, what: str) -> HttpResponse:
    """Done buttons: a records request answered, release from custody, re-opening after a step-down."""
    if what == "records-request":
        obj: Any = get_object_or_404(scoped(RecordsRequest.objects.select_related("young_person"), request.user),
                                     pk=pk)
        act = lambda: actions.complete_records_request(request.user, obj, request=request)  # noqa: E731
    elif what == "released":
        obj = get_object_or_404(scoped(Custody.objects.select_related("young_person"), request.user), pk=pk)
        act = lambda: actions.update_custody(request.user, obj, released_on=timezone.localdate(),  # noqa: E731
                                             request=request)
    elif what == "reopen":
        obj = get_object_or_404(scoped(StepDown.objects.select_related("young_person"), request.user), pk=pk)
        act = lambda: actions.reopen_after_step_down(request.user, obj, request=request)  # noqa: E731
    else:
        raise Http404("No such action")
    try:
        act()
        messages.success(request, "Saved")
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    return redirect(BACK, pk=obj.young_person_id)
