"""Who is told what, for each verb that creates work for someone else. Verbs call these after they save."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse

from accounts.roles import Role
from notifications import notify
from notifications.models import Kind


def workers_of(yp: Any) -> list[Any]:
    """The young person's current personal adviser and social worker."""
    User = get_user_model()
    return list(User.objects.filter(allocations__young_person=yp, allocations__end_date__isnull=True,
                                     is_active=True).distinct())


def managers_of(yp: Any) -> list[Any]:
    """The team managers of the young person's team; the senior managers when the team has none."""
    User = get_user_model()
    managers = list(User.objects.filter(Q(managed_teams=yp.team_id) | Q(team_id=yp.team_id),
                                        role=Role.TEAM_MANAGER, is_active=True).distinct()) if yp.team_id else []
    return managers or list(User.objects.filter(role=Role.SENIOR_MANAGER, is_active=True))


def money_requested(req: Any, actor: Any) -> None:
    yp = req.young_person
    notify(managers_of(yp), Kind.MONEY_DECISION,
           f"{req.entitlement.name} of £{req.amount:,.2f} for {yp.display_name} is waiting for your decision",
           url=reverse("money:home"), young_person=yp, actor=actor)


def money_decided(req: Any, actor: Any) -> None:
    yp = req.young_person
    notify(req.requested_by, Kind.MONEY_DECIDED,
           f"Your request for {req.entitlement.name} (£{req.amount:,.2f}) for {yp.display_name} was "
           f"{req.get_status_display().lower()}", url=reverse("people:detail", args=[yp.pk]), young_person=yp,
           actor=actor)


def plan_shared(plan: Any, actor: Any) -> None:
    yp = plan.young_person
    notify(workers_of(yp) + managers_of(yp), Kind.PLAN_SHARED,
           f"{yp.display_name}'s pathway plan was shared with them and is ready to sign off",
           url=_plan_url(plan), young_person=yp, actor=actor)


def plan_signed_off(plan: Any, actor: Any) -> None:
    yp = plan.young_person
    recipients = workers_of(yp) + ([plan.author] if plan.author_id else [])
    notify(recipients, Kind.PLAN_SIGNED_OFF, f"{yp.display_name}'s pathway plan was signed off",
           url=_plan_url(plan), young_person=yp, actor=actor)


def task_given(task: Any, actor: Any) -> None:
    notify(task.owner, Kind.TASK_GIVEN,
           f"Task for {task.young_person.display_name}: {task.title} (due {task.due:%-d %b %Y})",
           url=reverse("tasks:mine"), young_person=task.young_person, actor=actor)


def young_person_message(message: Any, actor: Any) -> None:
    """A young person wrote to their workers in the app (youngapp): their PA and social worker are told."""
    yp = message.young_person
    notify(workers_of(yp), Kind.APP_MESSAGE, f"New message from {yp.display_name} in the app",
           url=reverse("youngapp:staff_record", args=[yp.pk]), young_person=yp, actor=actor)


def _plan_url(plan: Any) -> str:
    try:
        return reverse("plans:edit", args=[plan.pk])
    except Exception:
        return reverse("people:detail", args=[plan.young_person_id])
