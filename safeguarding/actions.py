"""Verbs for helping and protecting. Each asks accounts.policy, validates (messages name the field), saves in a
transaction and writes the audit event; nothing is hard-deleted."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from accounts.models import User
from accounts.policy import require
from accounts.roles import Role
from audit.log import changed, record, snapshot
from audit.models import Action
from leavingcare.versioning import bump, check_version
from org.config import settings as config
from people.models import YoungPerson
from safeguarding import codes, rules
from safeguarding.models import Concern, Meeting, MeetingAction, Notice, Oversight, OversightReview, SafetyPlan
from safeguarding.writes import create, refuse, update

CATEGORY_CODES = {c for c, _ in codes.CONCERN_CATEGORIES}
SEVERITIES = {c for c, _ in codes.SEVERITY}
DECISIONS = {c for c, _ in codes.DECISIONS}
MANAGERS = {Role.TEAM_MANAGER, Role.SENIOR_MANAGER}


def escalation_times() -> tuple[dt.timedelta, dt.timedelta]:
    s = config("concern_escalate_after_hours", "concern_escalate_again_after_hours")
    return (dt.timedelta(hours=float(s["concern_escalate_after_hours"])),
            dt.timedelta(hours=float(s["concern_escalate_again_after_hours"])))


def team_managers(yp: YoungPerson) -> list[User]:
    if yp.team_id is None:
        return list(User.objects.filter(role=Role.SENIOR_MANAGER, is_active=True))
    return list(User.objects.filter(Q(managed_teams=yp.team_id) | Q(team_id=yp.team_id), role=Role.TEAM_MANAGER,
                                    is_active=True).distinct())


def recipients(yp: YoungPerson, level: int) -> list[User]:
    """Who is told at each level: the team manager(s); every senior manager; the head(s) of service."""
    if level == 0:
        return team_managers(yp)
    seniors = User.objects.filter(role=Role.SENIOR_MANAGER, is_active=True)
    if level == 1:
        return list(seniors)
    title = str(config("head_of_service_job_title")["head_of_service_job_title"])
    heads = list(seniors.filter(job_title__icontains=title)) if title else []
    return heads or list(seniors)


def _notify(concern: Concern, level: int) -> int:
    made = 0
    for user in recipients(concern.young_person, level):
        _, created = Notice.objects.get_or_create(recipient=user, concern=concern, level=level)
        made += int(created)
    return made


def concern_problems(values: dict[str, Any]) -> dict[str, str]:
    problems: dict[str, str] = {}
    if not values.get("category"):
        problems["category"] = "Select the category of the concern"
    elif values["category"] not in CATEGORY_CODES:
        problems["category"] = "Select the category of the concern from the list"
    if values.get("severity") not in SEVERITIES:
        problems["severity"] = "Select how serious the concern is"
    if not str(values.get("what_happened") or "").strip():
        problems["what_happened"] = "Enter what happened"
    occurred = values.get("occurred_on")
    if occurred is None:
        problems["occurred_on"] = "Enter when it happened"
    elif occurred > timezone.localdate():
        problems["occurred_on"] = "When it happened must be today or in the past"
    return problems


@transaction.atomic
def raise_concern(actor: Any, yp: YoungPerson, *, category: str, severity: str, what_happened: str,
                  occurred_on: dt.date | None, immediate_action: str = "", request: Any = None) -> Concern:
    """Any worker raises a concern; the team manager is told at once (a notice on their concerns page)."""
    values = {"category": category, "severity": severity, "what_happened": what_happened,
              "occurred_on": occurred_on, "immediate_action": immediate_action}
    concern = create(actor, "safeguarding.raise_concern", Concern, yp,
                     {**values, "raised_by": actor if getattr(actor, "pk", None) else None,
                      "raised_at": timezone.now()}, check=concern_problems, request=request)
    _notify(concern, 0)
    return concern


@transaction.atomic
def acknowledge(actor: Any, concern: Concern, version: int | None = None, request: Any = None) -> Concern:
    """A manager acknowledges: the escalation clock stops at the level reached."""
    if actor is not None and getattr(actor, "role", None) not in MANAGERS:
        raise ValidationError({"acknowledged_by": "Only a team manager or senior manager can acknowledge a concern"})
    require(actor, "safeguarding.acknowledge", concern.young_person)
    stored = Concern.objects.select_for_update().get(pk=concern.pk)
    check_version(stored, version, "concern")
    if stored.acknowledged_at is not None:
        raise ValidationError({"acknowledged_by": f"Already acknowledged by {stored.acknowledged_by} "
                                                  f"on {timezone.localtime(stored.acknowledged_at):%d %b %Y %H:%M}"})
    before = snapshot(stored, ["acknowledged_by_id", "acknowledged_at", "escalation_level", "version"])
    now = timezone.now()
    stored.escalation_level = max(stored.escalation_level,
                                  rules.escalation_level(stored.raised_at, now, now, *escalation_times()))
    stored.acknowledged_by, stored.acknowledged_at = actor, now
    bump(stored)
    stored.save()
    Notice.objects.filter(concern=stored, read_at__isnull=True).update(read_at=now)
    changed(actor, stored, stored.young_person, before, request=request)
    return stored


@transaction.atomic
def decide(actor: Any, concern: Concern, *, decision: str, note: str = "", close: bool = False,
           version: int | None = None, request: Any = None) -> Concern:
    """The manager's decision. Deciding acknowledges a concern that was not yet acknowledged."""
    if actor is not None and getattr(actor, "role", None) not in MANAGERS:
        raise ValidationError({"decision": "Only a team manager or senior manager records the decision"})
    if decision not in DECISIONS:
        refuse({"decision": "Select the decision"})
    if decision == "nfa" and not note.strip():
        refuse({"decision_note": "Give the reasons for no further action"})
    if concern.acknowledged_at is None:
        concern = acknowledge(actor, concern, version=version, request=request)
        version = concern.version
    values: dict[str, Any] = {"decision": decision, "decision_note": note, "decided_by": actor,
                              "decided_at": timezone.now()}
    if close:
        values["closed_on"] = timezone.localdate()
    return update(actor, "safeguarding.decide", concern, concern.young_person, values, version=version,
                  request=request, what="concern")


@transaction.atomic
def close_concern(actor: Any, concern: Concern, version: int | None = None, request: Any = None) -> Concern:
    if not concern.decision:
        refuse({"decision": "Record the decision before closing the concern"})
    return update(actor, "safeguarding.decide", concern, concern.young_person, {"closed_on": timezone.localdate()},
                  version=version, request=request, what="concern")


def escalate_overdue(now: dt.datetime | None = None) -> list[Concern]:
    """Run by the service (``manage.py escalate_concerns``, every few minutes): raise the level of each open
    concern not acknowledged in time, tell the next managers, and log it. Idempotent."""
    now = now or timezone.now()
    first, second = escalation_times()
    moved = []
    candidates = Concern.objects.filter(acknowledged_at__isnull=True, closed_on__isnull=True,
                                        escalation_level__lt=2, raised_at__lte=now - first)
    for concern in candidates.select_related("young_person"):
        level = rules.escalation_level(concern.raised_at, None, now, first, second)
        if level <= concern.escalation_level:
            continue
        with transaction.atomic():
            stored = Concern.objects.select_for_update().get(pk=concern.pk)
            if stored.acknowledged_at is not None or stored.escalation_level >= level:
                continue
            before = snapshot(stored, ["escalation_level", "escalated_at"])
            stored.escalation_level, stored.escalated_at = level, now
            stored.save(update_fields=["escalation_level", "escalated_at"])
            for lv in range(before["escalation_level"] + 1, level + 1):
                _notify(stored, lv)
            changed(None, stored, stored.young_person, before)
            moved.append(stored)
    return moved


# ---------------------------------------------------------------- "most worried about"


@transaction.atomic
def start_oversight(actor: Any, yp: YoungPerson, *, reason: str, review_every_months: int | None = None,
                    started_on: dt.date | None = None, request: Any = None) -> Oversight:
    every = review_every_months or int(config("oversight_review_months")["oversight_review_months"])

    def check(v: dict[str, Any]) -> dict[str, str]:
        problems = {}
        if not str(v.get("reason") or "").strip():
            problems["reason"] = "Enter why the young person needs Head of Service oversight"
        if not 1 <= int(v.get("review_every_months") or 0) <= 12:
            problems["review_every_months"] = "Review every 1 to 12 months"
        if Oversight.objects.filter(young_person=yp, ended_on__isnull=True).exists():
            problems["reason"] = "The young person is already under oversight"
        return problems

    oversight = create(actor, "safeguarding.start_oversight", Oversight, yp, {
        "reason": reason, "review_every_months": every, "started_on": started_on or timezone.localdate(),
        "started_by": actor}, check=check, request=request)
    YoungPerson.objects.filter(pk=yp.pk).update(head_of_service_oversight=True)
    return oversight


@transaction.atomic
def review_oversight(actor: Any, oversight: Oversight, *, progress: str, actions: str = "",
                     reviewed_on: dt.date | None = None, request: Any = None) -> OversightReview:
    day = reviewed_on or timezone.localdate()

    def check(v: dict[str, Any]) -> dict[str, str]:
        problems = {}
        if not str(v.get("progress") or "").strip():
            problems["progress"] = "Enter the progress and experiences reviewed"
        if day > timezone.localdate():
            problems["reviewed_on"] = "The review date must be today or in the past"
        if day < oversight.started_on:
            problems["reviewed_on"] = "The review date must be on or after oversight started"
        if oversight.ended_on is not None:
            problems["progress"] = "Oversight has ended"
        return problems

    return create(actor, "safeguarding.review_oversight", OversightReview, oversight.young_person, {
        "oversight": oversight, "reviewed_on": day, "reviewed_by": actor, "progress": progress, "actions": actions},
        check=check, request=request)


@transaction.atomic
def end_oversight(actor: Any, oversight: Oversight, *, reason: str, version: int | None = None,
                  request: Any = None) -> Oversight:
    if not reason.strip():
        refuse({"end_reason": "Enter why oversight ends"})
    ended = update(actor, "safeguarding.start_oversight", oversight, oversight.young_person,
                   {"ended_on": timezone.localdate(), "end_reason": reason}, version=version, request=request,
                   what="oversight")
    YoungPerson.objects.filter(pk=oversight.young_person_id).update(head_of_service_oversight=False)
    return ended


# ---------------------------------------------------------------- safety plans and meetings


@transaction.atomic
def write_safety_plan(actor: Any, yp: YoungPerson, *, risks: str, what_helps: str, who_to_call: str,
                      young_persons_words: str = "", written_with_young_person: bool = True,
                      based_on: int | None = None, request: Any = None) -> SafetyPlan:
    """A new version of the safety plan. ``based_on`` is the version number the writer started from: if another
    version was written since, the save is refused so nothing is lost."""
    require(actor, "safeguarding.write_safety_plan", yp)
    current = SafetyPlan.objects.select_for_update().filter(young_person=yp, superseded_on__isnull=True).first()
    if current is not None and based_on is not None and based_on != current.number:
        raise ValidationError({"version": f"Version {current.number} of the safety plan was written by "
                                          f"{current.written_by} after you opened it. Your changes are not saved "
                                          "yet: check them against the plan as it is now, then save again."})

    def check(v: dict[str, Any]) -> dict[str, str]:
        return {name: message for name, message in (
            ("risks", "Enter the risks"), ("what_helps", "Enter what helps"),
            ("who_to_call", "Enter who to call")) if not str(v.get(name) or "").strip()}

    plan = create(actor, "safeguarding.write_safety_plan", SafetyPlan, yp, {
        "number": (current.number + 1) if current else 1, "risks": risks, "what_helps": what_helps,
        "who_to_call": who_to_call, "young_persons_words": young_persons_words,
        "written_with_young_person": written_with_young_person, "written_on": timezone.localdate(),
        "written_by": actor}, check=check, request=request)
    if current is not None:
        before = snapshot(current, ["superseded_on"])
        current.superseded_on = timezone.localdate()
        current.save(update_fields=["superseded_on"])
        changed(actor, current, yp, before, request=request)
    return plan


@transaction.atomic
def record_meeting(actor: Any, yp: YoungPerson, *, kind: str, held_on: dt.date | None, agencies: str,
                   decisions: str, actions: list[dict[str, Any]] | None = None, concern: Concern | None = None,
                   request: Any = None) -> Meeting:
    """A multi-agency meeting; each agreed action becomes an item on its owner's worklist until done."""

    def check(v: dict[str, Any]) -> dict[str, str]:
        problems = {}
        if v.get("kind") not in {k for k, _ in codes.MEETING_KINDS}:
            problems["kind"] = "Select the type of meeting"
        if v.get("held_on") is None:
            problems["held_on"] = "Enter the date of the meeting"
        if not str(v.get("agencies") or "").strip():
            problems["agencies"] = "Enter the agencies present"
        if not str(v.get("decisions") or "").strip():
            problems["decisions"] = "Enter the decisions"
        for n, a in enumerate(actions or [], start=1):
            if not str(a.get("what") or "").strip() or a.get("due_on") is None:
                problems["actions"] = f"Action {n} needs what is to be done and a due date"
        return problems

    meeting = create(actor, "safeguarding.record_meeting", Meeting, yp, {
        "kind": kind, "held_on": held_on, "agencies": agencies, "decisions": decisions, "concern": concern,
        "recorded_by": actor}, check=check, request=request)
    for a in actions or []:
        create(actor, "safeguarding.record_meeting", MeetingAction, yp, {
            "meeting": meeting, "what": a["what"], "owner": a.get("owner"), "owner_agency": a.get("agency", ""),
            "due_on": a["due_on"]}, request=request)
    return meeting


@transaction.atomic
def complete_action(actor: Any, action: MeetingAction, version: int | None = None,
                    request: Any = None) -> MeetingAction:
    return update(actor, "safeguarding.record_meeting", action, action.meeting.young_person,
                  {"done_on": timezone.localdate()}, version=version, request=request, what="action")


def mark_notice_read(actor: Any, notice: Notice) -> None:
    if notice.recipient_id == getattr(actor, "pk", None) and notice.read_at is None:
        Notice.objects.filter(pk=notice.pk).update(read_at=timezone.now())
        record(actor, Action.VIEW, young_person=notice.concern.young_person, obj=notice.concern,
               object_type="safeguarding.Notice")
