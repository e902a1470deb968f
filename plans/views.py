"""Plan pages: my plans, a young person's plans, writing with autosave, conflicts, sign-off, compare, PDF, audits."""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q
from django.db.models.functions import TruncMonth
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from accounts.policy import may
from accounts.roles import MANAGER_ROLES
from audit.log import record, viewed, viewed_many
from audit.models import Action
from leavingcare.access import plan, rule, young_person
from leavingcare.pagecache import cached_page
from leavingcare.pages import submitted
from leavingcare.validation import whole_number
from org.config import setting
from people.scope import can_see_names, get_young_person_or_404, scoped
from people.summary import summary_for
from plans import actions
from plans.areas import BY_KEY, GRADES
from plans.forms import ActionForm, ReviewDueForm
from plans.models import (
    NeedsAssessment,
    PathwayPlan,
    PlanAction,
    PlanArea,
    PlanDraft,
    PlanQualityAudit,
    PlanStatus,
    PlanVersion,
)
from plans.pdf import render_pdf
from worklists.clock import add_months


def _plan(request: HttpRequest, pk: int) -> PathwayPlan:
    plan = get_object_or_404(scoped(PathwayPlan.objects.select_related("young_person"), request.user), pk=pk)
    return plan


def form_data(post: Any, plan: PathwayPlan) -> dict[str, Any]:
    areas = {a.area: {"my_words": post.get(f"area-{a.area}-my_words", a.my_words),
                      "assessment": post.get(f"area-{a.area}-assessment", a.assessment)} for a in plan.areas.all()}
    return {"areas": areas, "young_person_views": post.get("young_person_views", plan.young_person_views)}


@rule("people.view_list")
@cached_page
def home(request: HttpRequest) -> HttpResponse:
    if not can_see_names(request.user):
        raise PermissionDenied("Your role sees performance figures, not named records.")
    mine = scoped(PathwayPlan.objects.select_related("young_person"), request.user)
    today = timezone.localdate()
    if request.user.role not in MANAGER_ROLES:
        mine = mine.filter(Q(author=request.user) | Q(young_person__allocations__worker=request.user,
                                                      young_person__allocations__end_date__isnull=True)).distinct()
    drafts = list(mine.filter(status=PlanStatus.DRAFT)[:100])
    awaiting = list(mine.filter(status=PlanStatus.SHARED)[:100])
    due = list(mine.filter(status=PlanStatus.SIGNED_OFF, next_review_due__lte=today + dt.timedelta(days=30))
               .order_by("next_review_due")[:100])
    viewed_many(request.user, {p.young_person_id for p in drafts + awaiting + due}, "page:plans_home", request=request)
    return render(request, "plans/home.html", {"drafts": drafts, "awaiting": awaiting, "due": due, "today": today})


@rule("people.view_record", "plans.change_plan", of=young_person)
def for_young_person(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    viewed(request.user, yp, "page:plans", request=request)
    if request.method == "POST":
        plan = actions.start_plan(request.user, yp, request=request)
        return redirect("plans:edit", pk=plan.pk)
    return render(request, "plans/for_young_person.html", {
        "yp": yp, "plans": PathwayPlan.objects.filter(young_person=yp).select_related("signed_off_by"),
        "assessments": yp.needs_assessments.all()})


@rule("people.view_record", of=young_person)
def assessment(request: HttpRequest, pk: int, assessment_pk: int) -> HttpResponse:
    """One needs assessment, opened from the young person's plans."""
    yp = get_young_person_or_404(request.user, pk, request)
    found = get_object_or_404(NeedsAssessment.objects.select_related("author"), pk=assessment_pk, young_person=yp)
    viewed(request.user, yp, "page:needs_assessment", request=request)
    later = [a for a in yp.needs_assessments.all() if a.started_on > found.started_on]
    until = min((a.started_on for a in later), default=None)
    plans = PathwayPlan.objects.filter(young_person=yp, started_on__gte=found.started_on)
    if until is not None:
        plans = plans.filter(started_on__lt=until)
    return render(request, "plans/assessment.html", {"yp": yp, "assessment": found,
                                                     "plans": plans.order_by("started_on")})


@rule("people.view_record", "plans.change_plan", of=plan)
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    yp = plan.young_person
    conflict = None
    data = None
    if request.method == "POST":
        data = form_data(request.POST, plan)
        try:
            actions.save(request.user, plan, data, whole_number(request.POST.get("base_version"), "The plan's version",
                                                                -1), request=request)
        except actions.PlanConflict as error:
            conflict = error.theirs
            plan.refresh_from_db()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Plan saved")
            return redirect("plans:edit", pk=plan.pk)
    else:
        viewed(request.user, yp, "page:plan", request=request)
        draft = _draft(request, plan) if plan.status in (PlanStatus.DRAFT, PlanStatus.SHARED) else None
        if draft is not None:
            data = draft.data
            messages.info(request, f"We kept what you typed at {timezone.localtime(draft.updated_at):%H:%M on %d %B}. "
                                   "Save the plan to keep it.")
    return _edit_page(request, plan, data=data, conflict=conflict)


def _draft(request: HttpRequest, plan: PathwayPlan) -> PlanDraft | None:
    return PlanDraft.objects.filter(plan=plan, user=request.user, base_version=plan.version).first()


def _edit_page(request: HttpRequest, plan: PathwayPlan, *, data: dict[str, Any] | None = None,
               conflict: dict[str, Any] | None = None, action_form: ActionForm | None = None,
               action_area: PlanArea | None = None, review_form: ReviewDueForm | None = None) -> HttpResponse:
    """The plan page. A bound action or review form with errors is shown with a GOV.UK error summary, as typed."""
    yp = plan.young_person
    open_for_edit = plan.status in (PlanStatus.DRAFT, PlanStatus.SHARED)
    if not open_for_edit:
        data = conflict = None  # a signed-off plan shows what was signed off, never text typed (and refused) since
    areas = []
    for area in plan.areas.prefetch_related("actions"):
        typed = (data or {}).get("areas", {}).get(area.area, {})
        areas.append({"obj": area, "meta": BY_KEY.get(area.area), "my_words": typed.get("my_words", area.my_words),
                      "assessment": typed.get("assessment", area.assessment),
                      "theirs": (conflict or {}).get("areas", {}).get(area.area)})
    if action_area is None and areas:
        action_area = areas[0]["obj"]
    action_form = action_form or ActionForm(auto_id="action-%s")
    review_form = review_form or ReviewDueForm()
    return render(request, "plans/edit.html", {
        "plan": plan, "yp": yp, "areas": areas, "facts": summary_for(yp, timezone.localdate()),
        "young_person_views": (data or {}).get("young_person_views", plan.young_person_views),
        "conflict": conflict, "can_audit": may(request.user, "plans.audit", plan),
        "can_edit": open_for_edit and may(request.user, "plans.change_plan", plan),
        "can_edit_review": may(request.user, "plans.change_plan", plan),
        "can_share": plan.status == PlanStatus.DRAFT and may(request.user, "plans.share", plan),
        "can_sign_off": open_for_edit and may(request.user, "plans.sign_off", plan),
        "criteria": setting("plan_audit_criteria"), "grades": GRADES,
        "action_form": action_form, "action_area": action_area, "review_form": review_form,
        "error_title": bool(action_form.errors or review_form.errors)})


@rule(None, "plans.change_plan", of=plan, signed_out_json=True)
def autosave(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return JsonResponse({"signed_out": True}, status=401)
    plan = _plan(request, pk)
    try:
        actions.autosave(request.user, plan, form_data(request.POST, plan),
                         whole_number(request.POST.get("base_version"), "The plan's version", 0))
    except ValidationError as error:
        return HttpResponse("Draft not kept: " + " ".join(error.messages), status=400)
    return HttpResponse(f'Draft kept at {timezone.localtime():%H:%M:%S}')


@rule(None, "plans.change_plan", of=plan)
def add_action(request: HttpRequest, pk: int, area_pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    # The area chosen in the form's own list (so it works without JavaScript); the address names it too
    chosen = whole_number(request.POST.get("area"), "Area", area_pk)
    area = get_object_or_404(PlanArea, pk=chosen, plan=plan)
    form = ActionForm(request.POST, auto_id="action-%s")
    if submitted(request, form, lambda d: actions.add_action(request.user, area, d["what"], d["who"], d["by_when"],
                                                             request=request),
                 f"Action added to {BY_KEY[area.area].title if area.area in BY_KEY else area.area}"):
        # back to the plan at the area the action was added to, where it is now listed
        return redirect(reverse("plans:edit", args=[plan.pk]) + f"#area-{area.area}")
    draft = _draft(request, plan)
    return _edit_page(request, plan, data=draft.data if draft else None, action_form=form, action_area=area)


@rule(None, "plans.change_plan", of=plan)
def complete_action(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    act = get_object_or_404(PlanAction, pk=action_pk, area__plan=plan)
    actions.complete_action(request.user, act, request=request)
    messages.success(request, f"Done: {act.what}")
    return redirect("plans:edit", pk=plan.pk)


@rule(None, "plans.share", of=plan)
def lifecycle(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    try:
        if request.POST.get("step") == "share":
            actions.share(request.user, plan, request=request)
            messages.success(request, "Shared with the young person for their views")
        elif request.POST.get("step") == "sign_off":  # sign-off is confirmed on its own page, never one click
            return redirect("plans:sign_off", pk=plan.pk)
        elif request.POST.get("step") == "review_due":
            return _review_due(request, plan)
        elif request.POST.get("step") == "audit":
            criteria = {c: bool(request.POST.get(f"criterion-{i}")) for i, c in enumerate(setting(
                "plan_audit_criteria"))}
            actions.audit(request.user, plan, request.POST.get("grade", ""), criteria,
                          request.POST.get("comments", ""), request.POST.get("actions_for_worker", ""),
                          request=request)
            messages.success(request, "Audit recorded")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("plans:edit", pk=plan.pk)


@rule("plans.sign_off", "plans.sign_off", of=plan)
def sign_off(request: HttpRequest, pk: int) -> HttpResponse:
    """Check and confirm: what is being signed off, and a refusal in words while the young person's view of the
    whole plan is blank."""
    plan = _plan(request, pk)
    today = timezone.localdate()
    if plan.status not in (PlanStatus.DRAFT, PlanStatus.SHARED):
        messages.info(request, f"This plan is {plan.get_status_display().lower()}: there is nothing to sign off")
        return redirect("plans:edit", pk=plan.pk)
    errors: list[dict[str, str]] = []
    if request.method == "POST":
        try:
            actions.sign_off(request.user, plan, today, request=request)
        except ValidationError as error:
            anchor = reverse("plans:edit", args=[plan.pk]) + "#young_person_views"
            for field, problems in (error.message_dict if hasattr(error, "error_dict") else
                                    {"": error.messages}).items():
                errors += [{"text": p, "href": anchor if field == "young_person_views" else "#confirm"}
                           for p in problems]
        else:
            messages.success(request, f"Signed off. Next review by {plan.next_review_due:%d %B %Y}")
            return redirect("plans:edit", pk=plan.pk)
    else:
        viewed(request.user, plan.young_person, "page:plan_sign_off", request=request)
    areas = [{"title": BY_KEY[a.area].title if a.area in BY_KEY else a.area, "my_words": a.my_words,
              "assessment": a.assessment, "open_actions": sum(1 for x in a.actions.all() if x.status != "done")}
             for a in plan.areas.prefetch_related("actions")]
    return render(request, "plans/sign_off.html", {
        "plan": plan, "yp": plan.young_person, "areas": areas, "errors": errors, "error_title": bool(errors),
        "views_blank": not (plan.young_person_views or "").strip(), "today": today,
        "next_review": add_months(today, int(setting("pathway_plan_review_months")))})


def _review_due(request: HttpRequest, plan: PathwayPlan) -> HttpResponse:
    form = ReviewDueForm(request.POST)
    if submitted(request, form, lambda d: actions.bring_review_forward(
            request.user, plan, d["review_due"], d["review_reason"], request=request),
            lambda _: f"Review brought forward to {form.cleaned_data['review_due']:%d %B %Y}"):
        return redirect("plans:edit", pk=plan.pk)
    draft = _draft(request, plan)
    return _edit_page(request, plan, data=draft.data if draft else None, review_form=form)


@rule("people.view_record", of=plan)
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    versions = list(plan.versions.select_related("saved_by")[:2])
    rows = []
    if len(versions) == 2:
        new, old = versions[0].snapshot, versions[1].snapshot
        for key, area in new["areas"].items():
            before = old["areas"].get(key, {})
            for part in ("my_words", "assessment"):
                if before.get(part, "") != area.get(part, ""):
                    diff = difflib.ndiff((before.get(part, "") or "").split(), (area.get(part, "") or "").split())
                    rows.append({"area": BY_KEY[key].title if key in BY_KEY else key,
                                 "part": "What I think" if part == "my_words" else "Worker's assessment",
                                 "words": [(d[:1], d[2:]) for d in diff if d[:1] in " +-"]})
    viewed(request.user, plan.young_person, "page:plan_compare", request=request)
    return render(request, "plans/compare.html", {"plan": plan, "versions": versions, "rows": rows})


@rule("people.view_record", of=plan)
def pdf(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    large = request.GET.get("large") == "1"
    content = render_pdf(plan, large=large)
    record(request.user, Action.EXPORT, young_person=plan.young_person, obj=plan, object_type="export:plan_pdf",
           detail={"large": large}, request=request)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="pathway-plan-{plan.young_person.la_person_id}.pdf"'
    return response


@rule("plans.view_audit_report")
def audit_report(request: HttpRequest) -> HttpResponse:
    if not (request.user.is_superuser or request.user.role in MANAGER_ROLES | {"performance_analyst"}):
        raise PermissionDenied
    rows = (PlanQualityAudit.objects.annotate(month=TruncMonth("audited_on"))
            .values("month", "plan__young_person__team__name", "grade")
            .annotate(n=Count("pk")).order_by("-month", "plan__young_person__team__name"))
    table: dict[tuple[Any, str], dict[str, int]] = {}
    for r in rows:
        key = (r["month"], r["plan__young_person__team__name"] or "No team")
        table.setdefault(key, {g: 0 for g in GRADES})[r["grade"]] = r["n"]
    report = [{"month": k[0], "team": k[1], "counts": [(g, v[g], round(100 * v[g] / sum(v.values())))
                                                        for g in GRADES], "total": sum(v.values())}
              for k, v in table.items()]
    done = PlanAction.objects.filter(completed_on__isnull=False)
    avg = done.aggregate(d=Avg(ExpressionWrapper(F("completed_on") - F("created_on"), output_field=DurationField())))
    return render(request, "plans/audit_report.html", {"report": report, "grades": GRADES,
                                                       "avg_days": avg["d"].days if avg["d"] is not None else None,
                                                       "versions": PlanVersion.objects.count()})
