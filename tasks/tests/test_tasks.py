"""Tasks (issue 13): owner, due date and young person; plan actions that name a worker become that worker's
tasks; "My tasks" beside the worklist; a manager sees the team's; a task due in the past is allowed, shown
overdue; nothing deleted (withdrawn with a reason); versions; the owner is told."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEvent
from notifications.models import Notification
from people.tests.factories import young_person
from plans import actions as plan_actions
from tasks import actions
from tasks.models import Task, TaskStatus

pytestmark = pytest.mark.django_db


def test_a_task_due_in_the_past_is_allowed_and_shown_overdue(client: Any, staff: dict, teams: dict,
                                                              today: dt.date) -> None:
    yp = young_person(teams["north"], pa=staff["pa_north"])
    task = actions.create_task(staff["tm_north"], yp, staff["pa_north"], "Chase the tenancy deposit",
                               today - dt.timedelta(days=3))
    assert task.is_overdue(today)
    assert AuditEvent.objects.filter(object_type="tasks.Task", object_id=str(task.pk), action="create").exists()
    # The owner is told
    told = Notification.objects.get(recipient=staff["pa_north"])
    assert told.kind == "task_given" and "Chase the tenancy deposit" in told.text
    client.force_login(staff["pa_north"])
    page = client.get("/tasks/").content.decode()
    assert "Chase the tenancy deposit" in page and "Overdue" in page and "1 overdue" in page


def test_bad_tasks_are_refused_by_field(staff: dict, teams: dict, today: dt.date) -> None:
    yp = young_person(teams["north"], pa=staff["pa_north"])
    with pytest.raises(ValidationError) as exc:
        actions.create_task(staff["pa_north"], yp, staff["pa_south"], " ", None)
    assert set(exc.value.message_dict) == {"owner", "title", "due"}
    with pytest.raises(PermissionDenied):
        actions.create_task(staff["finance"], yp, staff["pa_north"], "x", today)


def test_done_and_withdrawn_with_versions(staff: dict, teams: dict, today: dt.date) -> None:
    yp = young_person(teams["north"], pa=staff["pa_north"])
    task = actions.create_task(staff["pa_north"], yp, staff["pa_north"], "Book the GP", today)
    with pytest.raises(ValidationError, match="reason"):
        actions.withdraw_task(staff["pa_north"], task, "")
    done = actions.complete_task(staff["pa_north"], task, version=1)
    assert done.status == TaskStatus.DONE and done.version == 2
    with pytest.raises(ValidationError, match="Someone else changed"):
        actions.complete_task(staff["pa_north"], task, version=1)
    other = actions.create_task(staff["pa_north"], yp, staff["pa_north"], "Set by mistake", today)
    actions.withdraw_task(staff["pa_north"], other, "Duplicate")
    assert Task.objects.count() == 2  # nothing deleted
    with pytest.raises(PermissionDenied):
        actions.complete_task(staff["pa_north2"], actions.create_task(staff["pa_north"], yp, staff["pa_north"],
                                                                      "Mine", today))


def test_plan_actions_naming_a_worker_become_their_tasks(staff: dict, teams: dict, today: dt.date) -> None:
    yp = young_person(teams["north"], pa=staff["pa_north"])
    plan = plan_actions.start_plan(staff["pa_north"], yp)
    area = plan.areas.first()
    act = plan_actions.add_action(staff["pa_north"], area, "Apply for a provisional licence",
                                  staff["pa_north2"].get_full_name(), today + dt.timedelta(days=10))
    plan_actions.add_action(staff["pa_north"], area, "Open a bank account", "Young person", today)
    task = Task.objects.get()
    assert task.owner == staff["pa_north2"] and task.plan_action == act and task.young_person == yp
    plan_actions.complete_action(staff["pa_north"], act)
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE


def test_a_manager_sees_the_teams_tasks_a_pa_does_not(client: Any, staff: dict, teams: dict,
                                                       today: dt.date) -> None:
    yp = young_person(teams["north"], pa=staff["pa_north"])
    actions.create_task(staff["pa_north"], yp, staff["pa_north2"], "Visit at the new flat", today)
    client.force_login(staff["tm_north"])
    page = client.get("/tasks/team/").content.decode()
    assert "Visit at the new flat" in page and "Pa_North2 Tester" in page
    client.force_login(staff["pa_north"])
    assert client.get("/tasks/team/").status_code == 403
    assert "Team tasks" not in client.get("/tasks/").content.decode()


def test_set_a_task_from_the_record(client: Any, staff: dict, teams: dict, today: dt.date) -> None:
    yp = young_person(teams["north"], pa=staff["pa_north"])
    client.force_login(staff["pa_north"])
    past = today - dt.timedelta(days=1)
    response = client.post(f"/tasks/young-person/{yp.pk}/new/", {
        "title": "Ring the college", "owner": staff["pa_north"].pk, "due_day": past.day, "due_month": past.month,
        "due_year": past.year, "notes": ""})
    assert response.status_code == 302
    assert Task.objects.get().due == past
    bad = client.post(f"/tasks/young-person/{yp.pk}/new/", {"title": "", "owner": staff["pa_north"].pk})
    assert bad.status_code == 200 and "Enter what needs doing" in bad.content.decode() or "needs doing" in \
        bad.content.decode()
