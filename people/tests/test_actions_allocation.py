"""Allocating and reallocating PAs and social workers: one current per role, history and reasons kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from audit.models import Action, AuditEvent
from people.actions import allocate, end_allocation
from people.models import Allocation
from people.tests.helpers import make_yp

pytestmark = pytest.mark.django_db


def test_allocate_pa_moves_case_to_worker_team(staff: dict[str, Any], teams: dict[str, Any],
                                               today: dt.date) -> None:
    yp = make_yp(team=teams["north"])
    a = allocate(staff["tm_north"], yp, staff["pa_south"], "pa", today - dt.timedelta(days=5))
    yp.refresh_from_db()
    assert a.is_current and yp.team == teams["south"]
    event = AuditEvent.objects.get(action=Action.CREATE, object_type="people.Allocation")
    assert event.detail["team_id"] == {"old": teams["north"].pk, "new": teams["south"].pk}


def test_only_a_manager_of_the_team_allocates(staff: dict[str, Any], teams: dict[str, Any], today: dt.date) -> None:
    from django.core.exceptions import PermissionDenied

    yp = make_yp(team=teams["north"])
    for who in ("pa_north", "sw_north", "housing", "finance", "tm_south", "analyst", "admin"):
        with pytest.raises(PermissionDenied):
            allocate(staff[who], yp, staff["pa_south"], "pa", today)
    assert not yp.allocations.exists()
    yp.refresh_from_db()
    assert yp.team == teams["north"]


def test_reallocation_ends_old_one_with_reason(staff: dict[str, Any], teams: dict[str, Any], today: dt.date) -> None:
    yp = make_yp(team=teams["north"])
    first = allocate(staff["tm_north"], yp, staff["pa_north"], "pa", today - dt.timedelta(days=100))
    second = allocate(staff["tm_north"], yp, staff["pa_north2"], "pa", today - dt.timedelta(days=10),
                      reason="Worker left the team")
    first.refresh_from_db()
    assert first.end_date == today - dt.timedelta(days=10) and first.end_reason == "Worker left the team"
    assert list(yp.allocations.filter(end_date__isnull=True)) == [second]
    event = AuditEvent.objects.filter(object_type="people.Allocation", object_id=str(second.pk)).get()
    assert event.detail["previous_worker"] == str(staff["pa_north"])
    assert event.detail["reason"] == "Worker left the team"


def test_pa_and_sw_are_separate_roles(staff: dict[str, Any], teams: dict[str, Any], today: dt.date) -> None:
    yp = make_yp(age=17, team=teams["north"])
    allocate(staff["tm_north"], yp, staff["pa_north"], "pa", today)
    allocate(staff["tm_north"], yp, staff["sw_north"], "sw", today)
    assert Allocation.objects.filter(young_person=yp, end_date__isnull=True).count() == 2


@pytest.mark.parametrize(
    ("worker", "role", "days_ago", "reason", "field"),
    [
        ("pa_north2", "pa", 5, "", "reason"),  # reallocation without a reason
        ("pa_north", "pa", 5, "x", "worker"),  # same worker again
        ("pa_north2", "pa", 200, "x", "start_date"),  # before the current allocation
        ("pa_north2", "pa", -3, "x", "start_date"),  # in the future
        ("sw_north", "pa", 5, "x", "worker"),  # a social worker as PA
        ("pa_north2", "xx", 5, "x", "role"),
    ],
)
def test_refused_allocations_name_the_field(staff: dict[str, Any], teams: dict[str, Any], today: dt.date,
                                            worker: str, role: str, days_ago: int, reason: str, field: str) -> None:
    yp = make_yp(team=teams["north"])
    allocate(staff["tm_north"], yp, staff["pa_north"], "pa", today - dt.timedelta(days=100))
    with pytest.raises(ValidationError) as exc:
        allocate(staff["tm_north"], yp, staff[worker], role, today - dt.timedelta(days=days_ago), reason=reason)
    assert field in exc.value.message_dict
    assert Allocation.objects.filter(young_person=yp).count() == 1
    assert Allocation.objects.get(young_person=yp).end_date is None


def test_end_allocation(staff: dict[str, Any], teams: dict[str, Any], today: dt.date) -> None:
    yp = make_yp(team=teams["north"])
    a = allocate(staff["tm_north"], yp, staff["sw_north"], "sw", today - dt.timedelta(days=100))
    with pytest.raises(ValidationError) as exc:
        end_allocation(staff["tm_north"], a, today, reason="")
    assert "reason" in exc.value.message_dict
    end_allocation(staff["tm_north"], a, today, reason="Turned 18")
    a.refresh_from_db()
    assert a.end_date == today and a.end_reason == "Turned 18"
    with pytest.raises(ValidationError):
        end_allocation(staff["tm_north"], a, today, reason="Again")
