"""The Corporate Parenting Board's pages and the action plans, under /corporate-parenting/. Thin: reads here,
writes through corporate.actions. No young person is named on any of these pages."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from accounts.policy import require
from audit.log import record
from audit.models import Action
from corporate import actions
from corporate.forms import AttendeeForm, DeliverableForm, GroupForm, ItemForm, MeetingForm, PlanForm, StepForm
from corporate.models import ActionPlan, BoardItem, Deliverable, Meeting, PlanStep, PriorityGroup
from corporate.progress import progress_of
from leavingcare.access import rule
from leavingcare.pages import submitted
from leavingcare.versioning import parse_version

CAPTION = "Corporate parenting"


def _as_at(request: HttpRequest) -> dt.date:
    try:
        return dt.date.fromisoformat(request.GET.get("as_at", ""))
    except ValueError:
        return timezone.localdate()


def _form_page(request: HttpRequest, form: Any, heading: str, back_url: str, *, button: str = "Save",
               version: int | None = None, caption: str = CAPTION) -> HttpResponse:
    return render(request, "form.html", {
        "form": form, "heading": heading, "button": button, "back_url": back_url, "caption": caption,
        "version": version, "error_title": bool(form.errors)})


def _edit(request: HttpRequest, form_class: Any, initial: dict[str, Any], act: Callable[[dict[str, Any]], Any],
          heading: str, back_url: str, success: str, version: int | None = None, button: str = "Save") -> HttpResponse:
    require(request.user, "corporate.change")
    form = form_class(request.POST or None, initial=initial)
    if submitted(request, form, act, success):
        return redirect(back_url)
    return _form_page(request, form, heading, back_url, button=button, version=version)


def _initial(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: getattr(obj, f) for f in fields if hasattr(obj, f)}


def _posted_version(request: HttpRequest) -> int | None:
    return parse_version(request.POST.get("version")) if request.method == "POST" else None


# ---------------------------------------------------------------- reading


@rule("corporate.view")
def home(request: HttpRequest) -> HttpResponse:
    require(request.user, "corporate.view")
    today = timezone.localdate()
    meetings = list(Meeting.objects.annotate(
        n_items=Count("items", filter=Q(items__archived=False)),
        n_young_people=Count("attendees", filter=Q(attendees__role="young_person", attendees__apologies=False))))
    last_held = next((m for m in meetings if m.held_on <= today and not m.cancelled), None)
    upcoming = [m for m in meetings if m.held_on > today and not m.cancelled]
    next_meeting = upcoming[-1] if upcoming else None
    suggested = actions.next_meeting_on(last_held.held_on) if last_held else None
    due = list(BoardItem.objects.filter(kind="action", archived=False).exclude(rag="done")
               .select_related("meeting", "group").order_by("due_on", "pk")[:25])
    progress = progress_of(due, today)
    groups = PriorityGroup.objects.filter(archived=False).annotate(
        n=Count("deliverables", filter=Q(deliverables__archived=False)),
        open=Count("deliverables", filter=Q(deliverables__archived=False) & ~Q(deliverables__rag="done")))
    plans = ActionPlan.objects.filter(archived=False).annotate(n=Count("steps", filter=Q(steps__archived=False)))
    record(request.user, Action.VIEW, object_type="page:corporate")
    return render(request, "corporate/home.html", {
        "meetings": meetings, "last_held": last_held, "next_meeting": next_meeting, "suggested": suggested,
        "due": [(i, progress[i.pk]) for i in due], "groups": groups, "plans": plans, "today": today})


@rule("corporate.view")
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "corporate.view")
    m = get_object_or_404(Meeting, pk=pk)
    items = list(m.items.filter(archived=False).select_related("group"))
    progress = progress_of(items, timezone.localdate())
    return render(request, "corporate/meeting.html", {
        "m": m, "attendees": m.attendees.all(), "items": [(i, progress[i.pk]) for i in items]})


@rule("corporate.view")
def group(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "corporate.view")
    g = get_object_or_404(PriorityGroup, pk=pk)
    return render(request, "corporate/group.html", {
        "g": g, "deliverables": g.deliverables.filter(archived=False), "items": g.items.filter(archived=False),
        "today": timezone.localdate()})


@rule("corporate.view")
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "corporate.view")
    p = get_object_or_404(ActionPlan, pk=pk)
    as_at = _as_at(request)
    steps = list(p.steps.filter(archived=False))
    progress = progress_of(steps, as_at)
    return render(request, "corporate/plan.html", {"p": p, "steps": [(s, progress[s.pk]) for s in steps],
                                                   "as_at": as_at})


@rule("corporate.export_report")
def report(request: HttpRequest) -> HttpResponse:
    """The scrutiny report as at a date (today unless given), as a PDF or, with format=docx, a Word file."""
    from corporate.report import build
    from corporate.report import render as write

    require(request.user, "corporate.export_report")
    as_at = _as_at(request)
    fmt = "docx" if request.GET.get("format") == "docx" else "pdf"
    body = write(build(as_at), fmt)
    record(request.user, Action.EXPORT, object_type="export:scrutiny_report", detail={"as_at": as_at, "format": fmt},
           request=request)
    types = {"pdf": "application/pdf",
             "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    response = HttpResponse(body, content_type=types[fmt])
    response["Content-Disposition"] = f'attachment; filename="scrutiny-report-{as_at:%Y-%m-%d}.{fmt}"'
    return response


# ---------------------------------------------------------------- meetings


@rule("corporate.change", "corporate.change")
def meeting_new(request: HttpRequest) -> HttpResponse:
    last = Meeting.objects.filter(cancelled=False, kind=Meeting.Kind.BOARD).order_by("-held_on").first()
    initial = {"held_on": actions.next_meeting_on(last.held_on) if last else None, "kind": Meeting.Kind.BOARD}
    if last:
        initial |= {"venue": last.venue, "chair": last.chair}
    return _edit(request, MeetingForm, initial, lambda d: actions.schedule_meeting(request.user, request=request, **d),
                 "Add a board meeting", reverse("corporate:home"), "Meeting added")


@rule("corporate.change", "corporate.change")
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    m = get_object_or_404(Meeting, pk=pk)
    return _edit(request, MeetingForm, _initial(m, actions.MEETING_FIELDS),
                 lambda d: actions.update_meeting(request.user, m, _posted_version(request), request=request, **d),
                 "Change the meeting", reverse("corporate:meeting", args=[m.pk]), "Meeting changed", m.version)


@rule("corporate.change", "corporate.change")
def attendee_add(request: HttpRequest, pk: int) -> HttpResponse:
    m = get_object_or_404(Meeting, pk=pk)
    return _edit(request, AttendeeForm, {"role": "member"},
                 lambda d: actions.add_attendee(request.user, m, request=request, **d),
                 f"Add someone to the meeting of {m.held_on:%-d %B %Y}", reverse("corporate:meeting", args=[m.pk]),
                 "Attendee added", button="Add")


@rule("corporate.change", "corporate.change")
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    m = get_object_or_404(Meeting, pk=pk)
    initial = {"kind": BoardItem.Kind.ACTION, "rag": "amber"}
    if request.GET.get("group", "").isdigit():
        initial["group"] = int(request.GET["group"])
    return _edit(request, ItemForm, initial, lambda d: actions.add_item(request.user, m, request=request, **d),
                 f"Record a decision or action of {m.held_on:%-d %B %Y}", reverse("corporate:meeting", args=[m.pk]),
                 "Decision or action recorded", button="Record")


@rule("corporate.change", "corporate.change")
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    i = get_object_or_404(BoardItem, pk=pk)
    initial = _initial(i, actions.ITEM_FIELDS) | {"group": i.group_id, "target": i.target}
    return _edit(request, ItemForm, initial,
                 lambda d: actions.update_item(request.user, i, _posted_version(request), request=request, **d),
                 "Change the decision or action", reverse("corporate:meeting", args=[i.meeting_id]),
                 "Decision or action changed", i.version)


# ---------------------------------------------------------------- priority groups and deliverables


@rule("corporate.change", "corporate.change")
def group_new(request: HttpRequest) -> HttpResponse:
    n = PriorityGroup.objects.count() + 1
    return _edit(request, GroupForm, {"number": n},
                 lambda d: actions.add_priority_group(request.user, request=request, **d),
                 "Add a priority group", reverse("corporate:home"), "Priority group added")


@rule("corporate.change", "corporate.change")
def group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    g = get_object_or_404(PriorityGroup, pk=pk)
    return _edit(request, GroupForm, _initial(g, actions.GROUP_FIELDS),
                 lambda d: actions.update_priority_group(request.user, g, _posted_version(request), request=request,
                                                         **d),
                 "Change the priority group", reverse("corporate:group", args=[g.pk]), "Priority group changed",
                 g.version)


@rule("corporate.change", "corporate.change")
def deliverable_add(request: HttpRequest, pk: int) -> HttpResponse:
    g = get_object_or_404(PriorityGroup, pk=pk)
    return _edit(request, DeliverableForm, {"rag": "amber"},
                 lambda d: actions.add_deliverable(request.user, g, request=request, **d),
                 f"Add a deliverable to {g.title}", reverse("corporate:group", args=[g.pk]), "Deliverable added",
                 button="Add")


@rule("corporate.change", "corporate.change")
def deliverable_edit(request: HttpRequest, pk: int) -> HttpResponse:
    dv = get_object_or_404(Deliverable, pk=pk)
    return _edit(request, DeliverableForm, _initial(dv, actions.DELIVERABLE_FIELDS),
                 lambda d: actions.update_deliverable(request.user, dv, _posted_version(request), request=request,
                                                      **d),
                 "Change the deliverable", reverse("corporate:group", args=[dv.group_id]), "Deliverable changed",
                 dv.version)


# ---------------------------------------------------------------- action plans


@rule("corporate.change", "corporate.change")
def plan_new(request: HttpRequest) -> HttpResponse:
    return _edit(request, PlanForm, {"kind": ActionPlan.Kind.CHANGE, "started_on": timezone.localdate()},
                 lambda d: actions.create_plan(request.user, request=request, **d),
                 "Start an action plan", reverse("corporate:home"), "Action plan started", button="Start")


@rule("corporate.change", "corporate.change")
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    p = get_object_or_404(ActionPlan, pk=pk)
    return _edit(request, PlanForm, _initial(p, actions.PLAN_FIELDS),
                 lambda d: actions.update_plan(request.user, p, _posted_version(request), request=request, **d),
                 "Change the action plan", reverse("corporate:plan", args=[p.pk]), "Action plan changed", p.version)


@rule("corporate.change", "corporate.change")
def step_add(request: HttpRequest, pk: int) -> HttpResponse:
    p = get_object_or_404(ActionPlan, pk=pk)
    return _edit(request, StepForm, {"rag": "amber"}, lambda d: actions.add_step(request.user, p, request=request, **d),
                 f"Add an action to {p.title}", reverse("corporate:plan", args=[p.pk]), "Action added", button="Add")


@rule("corporate.change", "corporate.change")
def step_edit(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_object_or_404(PlanStep, pk=pk)
    initial = _initial(s, actions.STEP_FIELDS) | {"target": s.target}
    return _edit(request, StepForm, initial,
                 lambda d: actions.update_step(request.user, s, _posted_version(request), request=request, **d),
                 "Change the action", reverse("corporate:plan", args=[s.plan_id]), "Action changed", s.version)
