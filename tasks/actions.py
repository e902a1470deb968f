"""Writing tasks: set one (for yourself or a colleague), mark it done, withdraw it. A plan action with a
named worker becomes (and stays in step with) that worker's task (``from_plan_action``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Concat, Lower
from django.utils import timezone

from accounts.policy import require
from audit.log import changed, record, snapshot
from audit.models import Action
from leavingcare.versioning import bump, check_version
from notifications import events
from people.scope import young_people_for
from tasks.models import Task, TaskStatus

FIELDS = ["title", "due", "notes", "status", "completed_on", "owner_id", "version"]


def _check_owner(owner: Any, yp: Any) -> dict[str, str]:
    if owner is None:
        return {"owner": "Choose who will do it"}
    if not owner.is_active or not young_people_for(owner).filter(pk=yp.pk).exists():
        return {"owner": f"{owner.get_full_name()} cannot see {yp.display_name}'s record: choose someone who can"}
    return {}


@transaction.atomic
def create_task(actor: Any, yp: Any, owner: Any, title: str, due: dt.date | None, notes: str = "",
                plan_action: Any = None, request: Any = None) -> Task:
    """A task. A due date in the past is allowed (something already late): it shows as overdue."""
    require(actor, "tasks.add_task", yp)
    errors = _check_owner(owner, yp)
    if not (title or "").strip():
        errors["title"] = "Say what needs doing"
    if due is None:
        errors["due"] = "Enter the date it is due by"
    if errors:
        raise ValidationError(errors)
    task = Task.objects.create(young_person=yp, owner=owner, title=title.strip()[:300], due=due,  # type: ignore[misc]
                               notes=notes, plan_action=plan_action,
                               created_by=actor if getattr(actor, "is_authenticated", False) else None)
    record(actor, Action.CREATE, young_person=yp, obj=task,
           detail={"title": task.title, "owner": owner.get_full_name(), "due": due}, request=request)
    events.task_given(task, actor)
    return task


def _stored(task: Task, version: int | None) -> Task:
    stored = Task.objects.select_for_update().select_related("young_person").get(pk=task.pk)
    check_version(stored, version, "task")
    return stored


@transaction.atomic
def complete_task(actor: Any, task: Task, version: int | None = None, request: Any = None) -> Task:
    require(actor, "tasks.change_task", task)
    task = _stored(task, version)
    if task.status != TaskStatus.OPEN:
        raise ValidationError(f"This task is already {task.get_status_display().lower()}")
    before = snapshot(task, FIELDS)
    task.status, task.completed_on = TaskStatus.DONE, timezone.localdate()
    bump(task)
    task.save(update_fields=["status", "completed_on", "version"])
    changed(actor, task, task.young_person, before, request=request)
    return task


@transaction.atomic
def withdraw_task(actor: Any, task: Task, reason: str, version: int | None = None, request: Any = None) -> Task:
    """Nothing is deleted: a task set by mistake is withdrawn, with a reason."""
    require(actor, "tasks.change_task", task)
    task = _stored(task, version)
    if not (reason or "").strip():
        raise ValidationError({"reason": "Say why the task is withdrawn"})
    if task.status != TaskStatus.OPEN:
        raise ValidationError(f"This task is already {task.get_status_display().lower()}")
    before = snapshot(task, FIELDS)
    task.status = TaskStatus.WITHDRAWN
    task.notes = (task.notes + "\n" if task.notes else "") + f"Withdrawn: {reason.strip()}"
    bump(task)
    task.save(update_fields=["status", "notes", "version"])
    changed(actor, task, task.young_person, before, request=request)
    return task


# ---------------------------------------------------------------- plan actions


def worker_named(who: str, yp: Any) -> Any:
    """The member of staff a plan action names ("Sam Jones", "sam jones (PA)", a username or staff ID), if they
    can see the young person's record; None for "young person", "housing officer" and the like."""
    text = (who or "").strip().lower()
    if not text:
        return None
    for cut in ("(", ","):
        text = text.split(cut)[0].strip()
    User = get_user_model()
    people = User.objects.filter(is_active=True).annotate(
        full=Lower(Concat("first_name", Value(" "), "last_name")))
    found = list(people.filter(full=text)[:2]) or list(people.filter(username__iexact=text)[:2]) or list(
        people.filter(staff_id__iexact=text)[:2])
    if len(found) != 1:
        return None
    owner = found[0]
    return owner if young_people_for(owner).filter(pk=yp.pk).exists() else None


def from_plan_action(act: Any, actor: Any = None) -> Task | None:
    """Keep the task of a plan action in step: made when the action names a worker, done when it is done.
    A review carrying an action forward takes over the open task instead of making a second one."""
    yp = act.area.plan.young_person
    if act.status == "done":
        for task in Task.objects.filter(plan_action=act, status=TaskStatus.OPEN):
            task.status, task.completed_on = TaskStatus.DONE, act.completed_on or timezone.localdate()
            bump(task)
            task.save(update_fields=["status", "completed_on", "version"])
        return None
    if Task.objects.filter(plan_action=act).exists():
        return None
    owner = worker_named(act.who, yp)
    if owner is None:
        return None
    carried = Task.objects.filter(young_person=yp, owner=owner, title=act.what[:300], due=act.by_when,
                                  status=TaskStatus.OPEN, plan_action__isnull=False).first()
    if carried is not None:
        Task.objects.filter(pk=carried.pk).update(plan_action=act)
        return carried
    task = Task.objects.create(young_person=yp, owner=owner, title=act.what[:300], due=act.by_when,
                               plan_action=act, notes="From the pathway plan",
                               created_by=actor if getattr(actor, "is_authenticated", False) else None)
    record(actor, Action.CREATE, young_person=yp, obj=task,
           detail={"title": task.title, "owner": owner.get_full_name(), "due": act.by_when, "from": "plan action"})
    events.task_given(task, actor)
    return task
