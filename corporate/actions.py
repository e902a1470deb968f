"""Every write to the board's records and the action plans. Each verb asks accounts.policy, reads the stored
row (locked), validates (ValidationError keyed by field), saves in a transaction and writes the audit event.
Nothing is deleted: an item or a plan is archived."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from django.core.exceptions import ValidationError
from django.db import models, transaction

from accounts.policy import require
from audit.log import changed, record, snapshot
from audit.models import Action
from corporate.models import (
    ActionPlan,
    AgeBand,
    Attendee,
    BoardItem,
    Deliverable,
    Measure,
    Meeting,
    PlanStep,
    PriorityGroup,
    Rag,
)
from leavingcare.versioning import bump, check_version
from org.config import setting
from worklists.clock import add_months

CHANGE = "corporate.change"


def next_meeting_on(after: dt.date) -> dt.date:
    """The board's next meeting by default: ``board_meeting_months`` (2, bi-monthly) after ``after``."""
    return add_months(after, int(setting("board_meeting_months")))


# ---------------------------------------------------------------- checks shared by the verbs


def _text(data: dict[str, Any], field: str, errors: dict[str, str], message: str | None = None,
          max_length: int | None = None) -> None:
    value = str(data.get(field) or "").strip()
    data[field] = value
    if message and not value:
        errors[field] = message
    elif max_length and len(value) > max_length:
        errors[field] = f"{field.replace('_', ' ').capitalize()} must be {max_length} characters or fewer"


def _choice(data: dict[str, Any], field: str, choices: type[models.TextChoices], errors: dict[str, str],
            blank: bool = False) -> None:
    value = data.get(field) or ""
    if value == "" and blank:
        data[field] = ""
        return
    if value not in choices.values:
        errors[field] = f"Select {field.replace('_', ' ')} from the list"


def _date(data: dict[str, Any], field: str, errors: dict[str, str], message: str | None = None) -> None:
    value = data.get(field)
    if value in (None, ""):
        data[field] = None
        if message:
            errors[field] = message
        return
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        try:
            data[field] = dt.date.fromisoformat(str(value))
        except ValueError:
            errors[field] = f"{field.replace('_', ' ').capitalize()} must be a real date"


def _tracked(data: dict[str, Any], errors: dict[str, str], needs_owner: bool) -> None:
    """Owner and due date (required for an action), status, and the measure it is tracked by, if any."""
    _text(data, "owner", errors, "Enter who owns this action" if needs_owner else None, max_length=120)
    _date(data, "due_on", errors, "Enter the date this action is due" if needs_owner else None)
    _choice(data, "rag", Rag, errors)
    _choice(data, "measure", Measure, errors, blank=True)
    _choice(data, "age_band", AgeBand, errors, blank=True)
    target = data.get("target")
    if target in (None, ""):
        data["target"] = None
    else:
        try:
            data["target"] = Decimal(str(target).replace("%", "").strip())
        except InvalidOperation:
            errors["target"] = "Target must be a percentage, like 60"
        else:
            if not data["target"].is_finite() or not 0 <= data["target"] <= 100:
                errors["target"] = "Target must be a percentage between 0 and 100"
            else:
                data["target"] = data["target"].quantize(Decimal("0.1"))
    if data.get("measure"):
        if not data.get("age_band") and "age_band" not in errors:
            errors["age_band"] = "Select the age band the measure is read for"
        if data.get("target") is None and "target" not in errors:
            errors["target"] = "Enter the target the measure should reach"


def _raise(errors: dict[str, str]) -> None:
    if errors:
        raise ValidationError(errors)


def _create(actor: Any, model: type[models.Model], data: dict[str, Any], request: Any = None) -> Any:
    obj = model.objects.create(**data)
    record(actor, Action.CREATE, obj=obj, detail={k: v for k, v in data.items() if not isinstance(v, models.Model)},
           request=request)
    return obj


def _change(actor: Any, obj: Any, version: int | None, data: dict[str, Any],
            validate: Callable[[dict[str, Any], Any], dict[str, Any]], what: str, fields: tuple[str, ...],
            request: Any = None) -> Any:
    """Lock the stored row, refuse an older version, validate the merged values, save, log old and new."""
    model = type(obj)
    stored = model.objects.select_for_update().get(pk=obj.pk)
    require(actor, CHANGE, stored)
    check_version(stored, version, what)
    merged = {f: getattr(stored, f) for f in fields} | {k: v for k, v in data.items() if k in fields}
    cleaned = validate(merged, stored)
    before = snapshot(stored, [*cleaned, "version"])
    for field, value in cleaned.items():
        setattr(stored, field, value)
    if any(before[f] != getattr(stored, f) for f in cleaned):
        bump(stored)
        stored.save()
        changed(actor, stored, None, before, request=request)
    return stored


# ---------------------------------------------------------------- meetings and who attends

MEETING_FIELDS = ("held_on", "kind", "venue", "chair", "notes", "cancelled")


def _meeting(data: dict[str, Any], stored: Any = None) -> dict[str, Any]:
    errors: dict[str, str] = {}
    data = {k: v for k, v in data.items() if k in MEETING_FIELDS}
    _date(data, "held_on", errors, "Enter the date of the meeting")
    data.setdefault("kind", Meeting.Kind.BOARD)
    _choice(data, "kind", Meeting.Kind, errors)
    _text(data, "venue", errors, max_length=200)
    _text(data, "chair", errors, max_length=120)
    _text(data, "notes", errors)
    data["cancelled"] = bool(data.get("cancelled"))
    _raise(errors)
    return data


@transaction.atomic
def schedule_meeting(actor: Any, request: Any = None, **data: Any) -> Meeting:
    require(actor, CHANGE)
    cleaned = _meeting(data)
    return _create(actor, Meeting, cleaned | {"created_by": actor if getattr(actor, "pk", None) else None},
                   request)


@transaction.atomic
def update_meeting(actor: Any, meeting: Meeting, version: int | None = None, request: Any = None,
                   **data: Any) -> Meeting:
    return _change(actor, meeting, version, data, _meeting, "meeting", MEETING_FIELDS, request)  # type: ignore[no-any-return]


@transaction.atomic
def add_attendee(actor: Any, meeting: Meeting, name: str, role: str = Attendee.Role.MEMBER, organisation: str = "",
                 apologies: bool = False, request: Any = None) -> Attendee:
    stored = Meeting.objects.select_for_update().get(pk=meeting.pk)
    require(actor, CHANGE, stored)
    data: dict[str, Any] = {"name": name, "role": role, "organisation": organisation}
    errors: dict[str, str] = {}
    _text(data, "name", errors, "Enter the attendee's name", max_length=120)
    _choice(data, "role", Attendee.Role, errors)
    _text(data, "organisation", errors, max_length=200)
    _raise(errors)
    return _create(actor, Attendee, data | {"meeting": stored, "apologies": bool(apologies)}, request)  # type: ignore[no-any-return]


# ---------------------------------------------------------------- priority groups and deliverables

GROUP_FIELDS = ("number", "title", "aim", "leads", "archived")


def _group(data: dict[str, Any], stored: Any = None) -> dict[str, Any]:
    errors: dict[str, str] = {}
    data = {k: v for k, v in data.items() if k in GROUP_FIELDS}
    _text(data, "title", errors, "Enter the priority's title", max_length=200)
    _text(data, "aim", errors)
    _text(data, "leads", errors, "Enter the priority leads", max_length=300)
    try:
        data["number"] = int(data.get("number") or 0)
        if not 1 <= data["number"] <= 99:
            raise ValueError
    except (TypeError, ValueError):
        errors["number"] = "Number must be a whole number from 1 to 99"
    data["archived"] = bool(data.get("archived"))
    _raise(errors)
    return data


@transaction.atomic
def add_priority_group(actor: Any, request: Any = None, **data: Any) -> PriorityGroup:
    require(actor, CHANGE)
    return _create(actor, PriorityGroup, _group(data), request)  # type: ignore[no-any-return]


@transaction.atomic
def update_priority_group(actor: Any, group: PriorityGroup, version: int | None = None, request: Any = None,
                          **data: Any) -> PriorityGroup:
    return _change(actor, group, version, data, _group, "priority group", GROUP_FIELDS, request)  # type: ignore[no-any-return]


DELIVERABLE_FIELDS = ("description", "due_text", "due_on", "rag", "archived")


def _deliverable(data: dict[str, Any], stored: Any = None) -> dict[str, Any]:
    errors: dict[str, str] = {}
    data = {k: v for k, v in data.items() if k in DELIVERABLE_FIELDS}
    _text(data, "description", errors, "Describe the deliverable")
    _text(data, "due_text", errors, max_length=200)
    _date(data, "due_on", errors)
    if not data.get("due_on") and not data.get("due_text") and "due_on" not in errors:
        errors["due_on"] = "Enter the date the deliverable is due"
    data.setdefault("rag", Rag.AMBER)
    _choice(data, "rag", Rag, errors)
    data["archived"] = bool(data.get("archived"))
    _raise(errors)
    return data


@transaction.atomic
def add_deliverable(actor: Any, group: PriorityGroup, request: Any = None, **data: Any) -> Deliverable:
    stored = PriorityGroup.objects.select_for_update().get(pk=group.pk)
    require(actor, CHANGE, stored)
    return _create(actor, Deliverable, _deliverable(data) | {"group": stored}, request)  # type: ignore[no-any-return]


@transaction.atomic
def update_deliverable(actor: Any, deliverable: Deliverable, version: int | None = None, request: Any = None,
                       **data: Any) -> Deliverable:
    return _change(actor, deliverable, version, data, _deliverable, "deliverable", DELIVERABLE_FIELDS, request)  # type: ignore[no-any-return]


# ---------------------------------------------------------------- decisions and actions of the board

TRACKED_FIELDS = ("owner", "due_on", "rag", "measure", "age_band", "target", "archived")
ITEM_FIELDS = ("kind", "text", "group", *TRACKED_FIELDS)


def _item(data: dict[str, Any], stored: Any = None) -> dict[str, Any]:
    errors: dict[str, str] = {}
    data = {k: v for k, v in data.items() if k in ITEM_FIELDS}
    data.setdefault("kind", BoardItem.Kind.ACTION)
    data.setdefault("rag", Rag.AMBER)
    _choice(data, "kind", BoardItem.Kind, errors)
    _text(data, "text", errors, "Enter what the board decided or asked for")
    group = data.get("group")
    if group is not None and not isinstance(group, PriorityGroup):
        errors["group"] = "Select the priority group from the list"
    _tracked(data, errors, needs_owner=data.get("kind") == BoardItem.Kind.ACTION)
    data["archived"] = bool(data.get("archived"))
    _raise(errors)
    return data


@transaction.atomic
def add_item(actor: Any, meeting: Meeting, request: Any = None, **data: Any) -> BoardItem:
    """Record a decision or an action of the board. An action without an owner or a due date is refused."""
    stored = Meeting.objects.select_for_update().get(pk=meeting.pk)
    require(actor, CHANGE, stored)
    cleaned = _item(data)
    return _create(actor, BoardItem, cleaned | {"meeting": stored,  # type: ignore[no-any-return]
                                                "created_by": actor if getattr(actor, "pk", None) else None},
                   request)


@transaction.atomic
def update_item(actor: Any, item: BoardItem, version: int | None = None, request: Any = None,
                **data: Any) -> BoardItem:
    return _change(actor, item, version, data, _item, "action", ITEM_FIELDS, request)  # type: ignore[no-any-return]


# ---------------------------------------------------------------- action plans

PLAN_FIELDS = ("title", "kind", "summary", "started_on", "archived")


def _plan(data: dict[str, Any], stored: Any = None) -> dict[str, Any]:
    errors: dict[str, str] = {}
    data = {k: v for k, v in data.items() if k in PLAN_FIELDS}
    _text(data, "title", errors, "Enter the plan's title", max_length=200)
    data.setdefault("kind", ActionPlan.Kind.CHANGE)
    _choice(data, "kind", ActionPlan.Kind, errors)
    _text(data, "summary", errors)
    _date(data, "started_on", errors)
    data["archived"] = bool(data.get("archived"))
    _raise(errors)
    return data


@transaction.atomic
def create_plan(actor: Any, request: Any = None, **data: Any) -> ActionPlan:
    require(actor, CHANGE)
    return _create(actor, ActionPlan, _plan(data) | {"created_by": actor if getattr(actor, "pk", None) else None},  # type: ignore[no-any-return]
                   request)


@transaction.atomic
def update_plan(actor: Any, plan: ActionPlan, version: int | None = None, request: Any = None,
                **data: Any) -> ActionPlan:
    return _change(actor, plan, version, data, _plan, "action plan", PLAN_FIELDS, request)  # type: ignore[no-any-return]


STEP_FIELDS = ("theme", "where_we_are", "change_needed", "what_we_will_do", "how_measured", "outcomes",
               *TRACKED_FIELDS)


def _step(data: dict[str, Any], stored: Any = None) -> dict[str, Any]:
    errors: dict[str, str] = {}
    data = {k: v for k, v in data.items() if k in STEP_FIELDS}
    data.setdefault("rag", Rag.AMBER)
    _text(data, "theme", errors, max_length=120)
    _text(data, "where_we_are", errors, "Say where we are now")
    _text(data, "change_needed", errors, "Say what change we need to make")
    for field in ("what_we_will_do", "how_measured", "outcomes"):
        _text(data, field, errors)
    _tracked(data, errors, needs_owner=True)
    data["archived"] = bool(data.get("archived"))
    _raise(errors)
    return data


@transaction.atomic
def add_step(actor: Any, plan: ActionPlan, request: Any = None, **data: Any) -> PlanStep:
    """Add an action to a plan: where we are, the change needed, how progress is measured, owner and date."""
    stored = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    require(actor, CHANGE, stored)
    return _create(actor, PlanStep, _step(data) | {"plan": stored,  # type: ignore[no-any-return]
                                                   "created_by": actor if getattr(actor, "pk", None) else None},
                   request)


@transaction.atomic
def update_step(actor: Any, step: PlanStep, version: int | None = None, request: Any = None,
                **data: Any) -> PlanStep:
    return _change(actor, step, version, data, _step, "plan action", STEP_FIELDS, request)  # type: ignore[no-any-return]
