"""Writing plans: start (pre-filled), autosave drafts, save with conflict detection, share, sign off, audit."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.policy import require
from audit.log import record
from audit.models import Action
from leavingcare.validation import text_problem
from notifications import events
from org.config import setting
from people.models import YoungPerson
from plans.areas import BY_KEY, GRADES, areas_for
from plans.models import PathwayPlan, PlanAction, PlanArea, PlanDraft, PlanQualityAudit, PlanStatus, PlanVersion
from worklists.clock import add_months


class PlanConflict(Exception):
    """Someone else saved the plan since this person opened it."""

    def __init__(self, plan: PathwayPlan, theirs: dict[str, Any]) -> None:
        super().__init__("The plan was changed by someone else")
        self.plan = plan
        self.theirs = theirs


def snapshot(plan: PathwayPlan) -> dict[str, Any]:
    return {"status": plan.status, "young_person_views": plan.young_person_views,
            "areas": {a.area: {"my_words": a.my_words, "assessment": a.assessment,
                               "actions": [{"what": x.what, "who": x.who, "by_when": x.by_when.isoformat(),
                                            "status": x.status} for x in a.actions.all()]}
                      for a in plan.areas.prefetch_related("actions")}}


@transaction.atomic
def start_plan(actor: Any, yp: YoungPerson, request: Any = None) -> PathwayPlan:
    """A new plan, or a review of the last one, carrying forward everything already written."""
    require(actor, "plans.change_plan", yp)
    current = PathwayPlan.objects.filter(young_person=yp).exclude(status=PlanStatus.SUPERSEDED).order_by(
        "-started_on", "-pk").first()
    if current is not None and current.status in (PlanStatus.DRAFT, PlanStatus.SHARED):
        return current
    plan = PathwayPlan.objects.create(young_person=yp, status=PlanStatus.DRAFT, is_review=current is not None,
                                      started_on=timezone.localdate(), author=actor)
    previous = {a.area: a for a in current.areas.all()} if current else {}
    for area in areas_for(uasc=yp.is_uasc, parenting=yp.is_pregnant_or_parenting, custody=yp.in_custody,
                          disability=yp.has_disability or yp.has_ehcp):
        before = previous.get(area.key)
        # The worker's assessment carries forward; the young person's own words do not: a review asks them again
        made = PlanArea.objects.create(plan=plan, area=area.key, my_words="",
                                       assessment=before.assessment if before else "")
        if before:
            for act in before.actions.exclude(status="done"):
                PlanAction.objects.create(area=made, what=act.what, who=act.who, by_when=act.by_when,
                                          status=act.status)
    record(actor, Action.CREATE, young_person=yp, obj=plan, detail={"review": plan.is_review}, request=request)
    return plan


def check_text(data: dict[str, Any]) -> None:
    """The plan's words as posted (the page or its autosave): refuse NUL characters and text over the limit,
    keyed by the posted field's name, before anything is kept."""
    errors: dict[str, str] = {}
    for key, parts in (data.get("areas") or {}).items():
        title = BY_KEY[key].title if key in BY_KEY else key
        for part, label in (("my_words", "What I think"), ("assessment", "Worker's assessment")):
            problem = text_problem(f"{label} ({title})", parts.get(part))
            if problem:
                errors[f"area-{key}-{part}"] = problem
    problem = text_problem("The young person's views", data.get("young_person_views"))
    if problem:
        errors["young_person_views"] = problem
    if errors:
        raise ValidationError(errors)


def autosave(actor: Any, plan: PathwayPlan, data: dict[str, Any], base_version: int) -> PlanDraft:
    require(actor, "plans.change_plan", plan)
    if plan.status in (PlanStatus.SIGNED_OFF, PlanStatus.SUPERSEDED):
        raise ValidationError("This plan is signed off: start a review to change it")
    check_text(data)
    draft, _ = PlanDraft.objects.update_or_create(plan=plan, user=actor, defaults={"data": data,
                                                                                   "base_version": base_version})
    return draft


@transaction.atomic
def save(actor: Any, plan: PathwayPlan, data: dict[str, Any], base_version: int, request: Any = None) -> PathwayPlan:
    """Save what was typed. If someone saved since ``base_version``, nothing is overwritten: PlanConflict."""
    require(actor, "plans.change_plan", plan)
    check_text(data)
    plan = PathwayPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status in (PlanStatus.SIGNED_OFF, PlanStatus.SUPERSEDED):
        raise ValidationError("This plan is signed off: start a review to change it")
    if plan.version != base_version:
        raise PlanConflict(plan, snapshot(plan))
    before = snapshot(plan)
    for area in plan.areas.all():
        values = data.get("areas", {}).get(area.area)
        if values:
            area.my_words = values.get("my_words", area.my_words)
            area.assessment = values.get("assessment", area.assessment)
            area.save(update_fields=["my_words", "assessment"])
    if "young_person_views" in data:
        plan.young_person_views = data["young_person_views"]
    plan.version += 1
    plan.save(update_fields=["version", "young_person_views"])
    PlanVersion.objects.create(plan=plan, number=plan.version, saved_by=actor, snapshot=snapshot(plan))
    PlanDraft.objects.filter(plan=plan, user=actor).delete()
    after = snapshot(plan)
    changes: dict[str, Any] = {"version": {"old": plan.version - 1, "new": plan.version}}
    for key, area in after["areas"].items():
        for part in ("my_words", "assessment"):
            old = (before["areas"].get(key) or {}).get(part, "")
            if old != area[part]:
                changes[f"{key}.{part}"] = {"old": old, "new": area[part]}
    if before["young_person_views"] != after["young_person_views"]:
        changes["young_person_views"] = {"old": before["young_person_views"], "new": after["young_person_views"]}
    record(actor, Action.CHANGE, young_person=plan.young_person, obj=plan, request=request,
           detail={**changes, "areas_changed": sorted(k for k, v in after["areas"].items()
                                                      if before["areas"].get(k) != v)})
    return plan


@transaction.atomic
def add_action(actor: Any, area: PlanArea, what: str, who: str, by_when: dt.date | None,
               request: Any = None) -> PlanAction:
    require(actor, "plans.change_plan", area.plan)
    errors = {}
    if not what.strip():
        errors["what"] = "Say what will be done"
    if not who.strip():
        errors["who"] = "Say who will do it"
    if by_when is None:
        errors["by_when"] = "Enter the date it will be done by"
    elif by_when < area.plan.started_on:
        errors["by_when"] = "The date must be on or after the plan was started"
    if errors:
        raise ValidationError(errors)
    act = PlanAction.objects.create(area=area, what=what, who=who, by_when=by_when)  # type: ignore[misc]
    record(actor, Action.CREATE, young_person=area.plan.young_person, obj=act, detail={"what": what, "who": who},
           request=request)
    return act


@transaction.atomic
def share(actor: Any, plan: PathwayPlan, request: Any = None) -> PathwayPlan:
    require(actor, "plans.share", plan)
    PathwayPlan.objects.select_for_update().filter(pk=plan.pk).first()  # lock, then read the stored row
    plan.refresh_from_db()
    if plan.status != PlanStatus.DRAFT:
        raise ValidationError(f"This plan is {plan.get_status_display().lower()}: only a draft is shared")
    plan.status, plan.shared_on = PlanStatus.SHARED, timezone.localdate()
    plan.save(update_fields=["status", "shared_on"])
    record(actor, Action.CHANGE, young_person=plan.young_person, obj=plan,
           detail={"status": {"old": "draft", "new": "shared"}}, request=request)
    events.plan_shared(plan, actor)
    return plan


@transaction.atomic
def sign_off(actor: Any, plan: PathwayPlan, on: dt.date, next_review: dt.date | None = None,
             request: Any = None) -> PathwayPlan:
    require(actor, "plans.sign_off", plan)
    PathwayPlan.objects.select_for_update().filter(pk=plan.pk).first()  # lock, then read the stored row
    plan.refresh_from_db()
    if plan.status not in (PlanStatus.DRAFT, PlanStatus.SHARED):
        raise ValidationError(f"This plan is {plan.get_status_display().lower()}: it cannot be signed off again")
    if not (plan.young_person_views or "").strip():
        raise ValidationError({"young_person_views": "Record the young person's views on the plan before it is "
                                                     "signed off"})
    review = next_review or add_months(on, int(setting("pathway_plan_review_months")))
    if review <= on:
        raise ValidationError({"next_review_due": "The review date must be after the date of the plan"})
    if on < plan.started_on:
        raise ValidationError({"signed_off_on": "The plan cannot be signed off before it was started"})
    PathwayPlan.objects.filter(young_person=plan.young_person, status=PlanStatus.SIGNED_OFF).exclude(
        pk=plan.pk).update(status=PlanStatus.SUPERSEDED)
    plan.status, plan.signed_off_on, plan.signed_off_by, plan.next_review_due = (
        PlanStatus.SIGNED_OFF, on, actor, review)
    plan.save(update_fields=["status", "signed_off_on", "signed_off_by", "next_review_due"])
    PlanDraft.objects.filter(plan=plan).delete()  # words typed but not saved can never be saved now
    record(actor, Action.CHANGE, young_person=plan.young_person, obj=plan,
           detail={"status": {"old": "shared", "new": "signed_off"}, "next_review_due": review}, request=request)
    events.plan_signed_off(plan, actor)
    return plan


@transaction.atomic
def audit(actor: Any, plan: PathwayPlan, grade: str, criteria: dict[str, bool], comments: str,
          actions_for_worker: str, request: Any = None) -> PlanQualityAudit:
    require(actor, "plans.audit", plan)
    if grade not in GRADES:
        raise ValidationError({"grade": "Choose a grade"})
    done = PlanQualityAudit.objects.create(plan=plan, auditor=actor, audited_on=timezone.localdate(), grade=grade,
                                           criteria=criteria, comments=comments,
                                           actions_for_worker=actions_for_worker)
    record(actor, Action.CREATE, young_person=plan.young_person, obj=done, detail={"grade": grade}, request=request)
    return done


@transaction.atomic
def complete_action(actor: Any, act: PlanAction, request: Any = None) -> PlanAction:
    require(actor, "plans.change_plan", act.area.plan)
    act.status, act.completed_on = "done", timezone.localdate()
    act.save(update_fields=["status", "completed_on"])
    record(actor, Action.CHANGE, young_person=act.area.plan.young_person, obj=act,
           detail={"status": {"old": "open", "new": "done"}}, request=request)
    return act


@transaction.atomic
def bring_review_forward(actor: Any, plan: PathwayPlan, due: dt.date | None, reason: str,
                         request: Any = None) -> PathwayPlan:
    """After a significant change (a move, custody, a baby), the plan is reviewed sooner than six months."""
    require(actor, "plans.change_plan", plan)
    errors = {}
    if due is None:
        errors["review_due"] = "Enter the date the review is due by"
    elif plan.signed_off_on and due <= plan.signed_off_on:
        errors["review_due"] = "The review date must be after the date of the plan"
    if not reason.strip():
        errors["review_reason"] = "Say what has changed"
    if plan.status != PlanStatus.SIGNED_OFF:
        errors["review_due"] = "Only a signed-off plan has a review date"
    if errors:
        raise ValidationError(errors)
    before = plan.next_review_due
    plan.next_review_due, plan.review_reason = due, reason
    plan.save(update_fields=["next_review_due", "review_reason"])
    record(actor, Action.CHANGE, young_person=plan.young_person, obj=plan,
           detail={"next_review_due": {"old": before, "new": due}, "reason": reason}, request=request)
    return plan


# ---------------------------------------------------------------- the young person, through their app (youngapp)


@transaction.atomic
def record_young_person_views(actor: Any, plan: PathwayPlan, views: str, agrees: bool, request: Any = None
                              ) -> PathwayPlan:
    """The young person's own answer to their plan, recorded on the plan as theirs (a new version of the plan,
    so a worker with the plan open is shown the change instead of overwriting it)."""
    require(actor, "youngapp.comment_plan", plan)
    plan = PathwayPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status == PlanStatus.SUPERSEDED:
        raise ValidationError({"views": "This plan has been replaced by a newer one"})
    who = actor.get_full_name() if actor is not None else "The young person"
    answer = f"{'I agree with my plan' if agrees else 'I do not agree with my plan'}."
    text = f"{answer} {views}".strip() if views else answer
    before = plan.young_person_views
    plan.young_person_views = f"{text}\n\n(Written by {who} in the young person's app on " \
                              f"{timezone.localdate():%d/%m/%Y})"
    plan.version += 1
    plan.save(update_fields=["young_person_views", "version"])
    PlanVersion.objects.create(plan=plan, number=plan.version, saved_by=actor, snapshot=snapshot(plan))
    record(actor, Action.CHANGE, young_person=plan.young_person, obj=plan, request=request, detail={
        "young_person_views": {"old": before, "new": plan.young_person_views}, "agrees": agrees,
        "version": plan.version, "by": "young person"})
    return plan


@transaction.atomic
def complete_own_action(actor: Any, act: PlanAction, request: Any = None) -> PlanAction:
    """The young person marks done an action of their own plan that is theirs to do."""
    from youngapp.rules import is_own_action

    act = PlanAction.objects.select_for_update().select_related("area__plan__young_person").get(pk=act.pk)
    require(actor, "youngapp.comment_plan", act.area.plan)
    yp = act.area.plan.young_person
    if not is_own_action(act.who, yp.first_name, yp.preferred_name):
        raise ValidationError({"action": "Only your PA can mark this one done"})
    if act.status == "done":
        return act
    old = act.status
    act.status, act.completed_on = "done", timezone.localdate()
    act.save(update_fields=["status", "completed_on"])
    record(actor, Action.CHANGE, young_person=yp, obj=act, request=request,
           detail={"status": {"old": old, "new": "done"}, "by": "young person"})
    return act
