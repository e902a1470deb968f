"""My tasks, the team's tasks, and setting, finishing or withdrawing one. Writes go through tasks.actions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from accounts.policy import REFUSALS, may, require
from accounts.roles import Role
from audit.log import viewed, viewed_many
from leavingcare.access import rule, young_person
from leavingcare.pages import form_page, submitted
from leavingcare.versioning import parse_version
from people.scope import get_young_person_or_404, scoped
from tasks import actions
from tasks.forms import TaskForm, WithdrawForm
from tasks.models import Task, TaskStatus

STAFF_ROLES = [Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.SENIOR_MANAGER]


def _list(request: HttpRequest, qs: Any, heading: str, team: bool) -> HttpResponse:
    today = timezone.localdate()
    show = request.GET.get("show", "open")
    if show != "all":
        qs = qs.filter(status=TaskStatus.OPEN)
    qs = qs.select_related("young_person", "owner", "created_by").order_by("status", "due", "pk")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    viewed_many(request.user, {t.young_person_id for t in page.object_list}, "page:tasks", request=request)
    overdue = qs.filter(status=TaskStatus.OPEN, due__lt=today).count()
    return render(request, "tasks/list.html", {"page": page, "today": today, "heading": heading, "team": team,
                                               "show": show, "overdue": overdue,
                                               "can_see_team": may(request.user, "tasks.view_team_tasks")})


@rule("tasks.add_task")
def mine(request: HttpRequest) -> HttpResponse:
    if not may(request.user, "tasks.add_task"):
        raise PermissionDenied(REFUSALS["tasks.add_task"])
    return _list(request, scoped(Task.objects.filter(owner=request.user), request.user), "My tasks", False)


@rule("tasks.view_team_tasks")
def team(request: HttpRequest) -> HttpResponse:
    require(request.user, "tasks.view_team_tasks")
    return _list(request, scoped(Task.objects.all(), request.user), "Team tasks", True)


def _staff_for(yp: Any, user: Any) -> Any:
    User = get_user_model()
    return (User.objects.filter(is_active=True, role__in=STAFF_ROLES)
            .filter(Q(team_id=yp.team_id) | Q(pk=user.pk) | Q(allocations__young_person=yp,
                                                               allocations__end_date__isnull=True)
                    | Q(role=Role.SENIOR_MANAGER))
            .distinct().order_by("first_name", "last_name"))


@rule("tasks.add_task", "tasks.add_task", of=young_person)
def create(request: HttpRequest, pk: int) -> HttpResponse:
    yp = get_young_person_or_404(request.user, pk, request)
    require(request.user, "tasks.add_task", yp)
    form = TaskForm(request.POST or None, staff=_staff_for(yp, request.user),
                    initial={"owner": request.user.pk})
    if submitted(request, form, lambda d: actions.create_task(request.user, yp, d["owner"], d["title"], d["due"],
                                                              d["notes"], request=request),
                 lambda t: f"Task set for {t.owner.get_full_name()}"):
        return redirect("people:detail", pk=yp.pk)
    viewed(request.user, yp, "page:task_new", request=request)
    return form_page(request, form, yp, "Set a task", "Set task")


def _task(request: HttpRequest, pk: int) -> Task:
    return get_object_or_404(scoped(Task.objects.select_related("young_person"), request.user), pk=pk)


@rule(None, "tasks.change_task")
def done(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    try:
        actions.complete_task(request.user, task, parse_version(request.POST.get("version")), request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Done: {task.title}")
    return redirect(request.POST.get("next") if str(request.POST.get("next", "")).startswith("/") else "tasks:mine")


@rule("tasks.change_task", "tasks.change_task")
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    require(request.user, "tasks.change_task", task)
    form = WithdrawForm(request.POST or None)
    if submitted(request, form, lambda d: actions.withdraw_task(request.user, task, d["reason"], request=request),
                 "Task withdrawn"):
        return redirect("tasks:mine")
    return form_page(request, form, task.young_person, "Withdraw a task", "Withdraw task",
                     caption=f"{task.young_person.display_name}: {task.title}")
