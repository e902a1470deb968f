"""Helping and protecting pages. Views are thin: the verbs in actions.py decide and the policy refuses."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from accounts.policy import may, require
from audit.log import viewed, viewed_many
from leavingcare.access import rule, young_person
from leavingcare.pages import form_page, submitted
from leavingcare.versioning import parse_version
from people.scope import get_young_person_or_404, scoped, young_people_for
from safeguarding import actions, queries
from safeguarding.forms import ConcernForm, DecisionForm, MeetingForm, OversightForm, ReviewForm, SafetyPlanForm
from safeguarding.models import Concern, Meeting, MeetingAction, Oversight, SafetyPlan

BACK = "safeguarding:for_young_person"


def _version(request: HttpRequest) -> int | None:
    """The version the page was opened at; a malformed one counts as none (the save then goes ahead)."""
    try:
        return parse_version(request.POST.get("version")) if request.method == "POST" else None
    except ValidationError:
        return None


def _detail_or_403(request: HttpRequest, yp: Any) -> None:
    if not may(request.user, "safeguarding.view_detail", yp):
        raise PermissionDenied("Safeguarding detail is for the young person's allocated workers and their managers")


@rule("people.view_record", of=young_person)
def for_young_person(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    viewed(request.user, yp, "page:safeguarding", request=request)
    s = queries.for_summary(request.user, yp)
    context: dict[str, Any] = {"yp": yp, "s": s}
    if s.detail:
        context.update(
            closed=Concern.objects.filter(young_person=yp, closed_on__isnull=False).select_related("decided_by")[:20],
            plans=SafetyPlan.objects.filter(young_person=yp).select_related("written_by"),
            meetings=Meeting.objects.filter(young_person=yp).prefetch_related("actions__owner"),
            oversights=Oversight.objects.filter(young_person=yp).prefetch_related("reviews__reviewed_by"))
    return render(request, "safeguarding/for_young_person.html", context)


@rule("safeguarding.raise_concern", "safeguarding.raise_concern", of=young_person)
def raise_concern(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    require(request.user, "safeguarding.raise_concern", yp)
    form = ConcernForm(request.POST or None, initial={"occurred_on": timezone.localdate()})
    if submitted(request, form, lambda d: actions.raise_concern(request.user, yp, request=request, **d),
                 "Concern raised. The team manager has been told."):
        return redirect("people:detail", pk=yp.pk)
    return form_page(request, form, yp, "Raise a concern", "Raise the concern")


@rule("people.view_list", "safeguarding.decide")
def concern(request: HttpRequest, pk: int) -> HttpResponse:
    c = get_object_or_404(scoped(Concern.objects.select_related("young_person", "raised_by", "acknowledged_by",
                                                                "decided_by"), request.user), pk=pk)
    _detail_or_403(request, c.young_person)
    viewed(request.user, c.young_person, "page:concern", request=request)
    for notice in c.notices.filter(recipient=request.user, read_at__isnull=True):
        actions.mark_notice_read(request.user, notice)
    form = DecisionForm(request.POST or None, initial={"decision": c.decision, "decision_note": c.decision_note})
    version = _version(request)
    if may(request.user, "safeguarding.decide", c.young_person) and submitted(
            request, form, lambda d: actions.decide(request.user, c, decision=d["decision"], note=d["decision_note"],
                                                    close=d["close"], version=version, request=request),
            "Decision recorded"):
        return redirect("safeguarding:concern", pk=c.pk)
    first, second = actions.escalation_times()
    from safeguarding.rules import next_escalation_at

    return render(request, "safeguarding/concern.html", {
        "c": c, "yp": c.young_person, "form": form, "meetings": c.meetings.all(),
        "next_escalation": None if c.acknowledged_at else next_escalation_at(c.raised_at, c.escalation_level,
                                                                              first, second),
        "error_title": bool(form.errors)})


@rule(None, "safeguarding.acknowledge")
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    c = get_object_or_404(scoped(Concern.objects.select_related("young_person"), request.user), pk=pk)
    try:
        actions.acknowledge(request.user, c, version=_version(request), request=request)
        messages.success(request, "Concern acknowledged")
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    return redirect("safeguarding:concern", pk=c.pk)


@rule("safeguarding.acknowledge")
def concerns(request: HttpRequest) -> HttpResponse:
    """A manager's concerns: new, unacknowledged and escalated, with the notices they have not read."""
    if not may(request.user, "safeguarding.acknowledge"):
        raise PermissionDenied("The concerns list is for managers")
    rows = list(queries.inbox(request.user, young_people_for(request.user))[:200])
    viewed_many(request.user, {c.young_person_id for c in rows}, "page:concerns", request=request)
    return render(request, "safeguarding/concerns.html", {"rows": rows})


@rule("safeguarding.start_oversight", "safeguarding.start_oversight", of=young_person)
def start_oversight(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    require(request.user, "safeguarding.start_oversight", yp)
    form = OversightForm(request.POST or None)
    if submitted(request, form, lambda d: actions.start_oversight(request.user, yp, request=request, **d),
                 "Under Head of Service oversight"):
        return redirect(BACK, pk=yp.pk)
    return form_page(request, form, yp, "Put under Head of Service oversight", back=BACK)


@rule("safeguarding.review_oversight", "safeguarding.review_oversight")
def review_oversight(request: HttpRequest, pk: int) -> HttpResponse:
    o = get_object_or_404(scoped(Oversight.objects.select_related("young_person"), request.user), pk=pk)
    require(request.user, "safeguarding.review_oversight", o.young_person)
    form = ReviewForm(request.POST or None, initial={"reviewed_on": timezone.localdate()})
    if submitted(request, form, lambda d: actions.review_oversight(request.user, o, request=request, **d),
                 "Review recorded"):
        return redirect("safeguarding:oversight_list")
    return form_page(request, form, o.young_person, "Review Head of Service oversight", back=BACK)


@rule("safeguarding.view_oversight_list")
def oversight_list(request: HttpRequest) -> HttpResponse:
    if not may(request.user, "safeguarding.view_oversight_list"):
        raise PermissionDenied("The list of young people under oversight is for senior managers")
    rows = queries.oversight_list(young_people_for(request.user))
    viewed_many(request.user, [r["oversight"].young_person_id for r in rows], "page:oversight", request=request)
    return render(request, "safeguarding/oversight_list.html", {"rows": rows, "today": timezone.localdate()})


@rule("safeguarding.write_safety_plan", "safeguarding.write_safety_plan", of=young_person)
def safety_plan(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    require(request.user, "safeguarding.write_safety_plan", yp)
    current = SafetyPlan.objects.filter(young_person=yp, superseded_on__isnull=True).first()
    initial = {"based_on": current.number if current else None, "written_with_young_person": True}
    if current:
        initial.update(risks=current.risks, what_helps=current.what_helps, who_to_call=current.who_to_call,
                       young_persons_words=current.young_persons_words)
    form = SafetyPlanForm(request.POST or None, initial=initial)
    if submitted(request, form, lambda d: actions.write_safety_plan(request.user, yp, request=request, **d),
                 lambda p: f"Safety plan version {p.number} saved"):
        return redirect(BACK, pk=yp.pk)
    return form_page(request, form, yp, "Write the safety plan" if current is None else
                     f"Update the safety plan (version {current.number})", back=BACK)


@rule("safeguarding.record_meeting", "safeguarding.record_meeting", of=young_person)
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    require(request.user, "safeguarding.record_meeting", yp)
    form = MeetingForm(request.POST or None)
    if submitted(request, form, lambda d: actions.record_meeting(
            request.user, yp, kind=d["kind"], held_on=d["held_on"], agencies=d["agencies"], decisions=d["decisions"],
            actions=form.actions(), request=request), "Meeting recorded",
            rename={"actions": "action_1"}):
        return redirect(BACK, pk=yp.pk)
    return form_page(request, form, yp, "Record a multi-agency meeting", back=BACK)


@rule(None, "safeguarding.record_meeting")
def action_done(request: HttpRequest, pk: int) -> HttpResponse:
    a = get_object_or_404(scoped(MeetingAction.objects.select_related("meeting__young_person"), request.user,
                                 via="meeting__young_person"), pk=pk)
    actions.complete_action(request.user, a, request=request)
    messages.success(request, "Action marked done")
    return redirect(BACK, pk=a.meeting.young_person_id)
