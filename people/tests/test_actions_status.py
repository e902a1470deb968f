"""Service status: stepped down from 21 on request, re-openable until 25, closed at 25, died."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from audit.models import Action, AuditEvent
from people.actions import set_service_status
from people.tests.helpers import allocate_now, make_yp

pytestmark = pytest.mark.django_db


def test_step_down_at_21_ends_allocations_and_reopen(staff: dict[str, Any], teams: dict[str, Any],
                                                     today: dt.date) -> None:
    yp = make_yp(age=22, team=teams["north"])
    allocate_now(yp, staff["pa_north"])
    set_service_status(staff["hos"], yp, "stepped_down", today)
    yp.refresh_from_db()
    assert yp.status == "stepped_down" and yp.status_changed_on == today
    assert not yp.allocations.filter(end_date__isnull=True).exists()
    assert yp.allocations.get().end_reason == "Stepped down"
    event = AuditEvent.objects.filter(action=Action.CHANGE, object_type="people.YoungPerson").get()
    assert event.detail["status"] == {"old": "open", "new": "stepped_down"}
    set_service_status(staff["hos"], yp, "open", today)
    yp.refresh_from_db()
    assert yp.status == "open"


def test_step_down_before_21_refused(staff: dict[str, Any], today: dt.date) -> None:
    yp = make_yp(age=20)
    with pytest.raises(ValidationError) as exc:
        set_service_status(staff["hos"], yp, "stepped_down", today)
    assert "21st birthday" in exc.value.message_dict["status"][0]
    yp.refresh_from_db()
    assert yp.status == "open"


def test_close_only_at_25(staff: dict[str, Any], today: dt.date) -> None:
    yp = make_yp(age=24)
    with pytest.raises(ValidationError):
        set_service_status(staff["hos"], yp, "closed", today)
    old = make_yp(age=25)
    set_service_status(staff["hos"], old, "closed", today)
    old.refresh_from_db()
    assert old.status == "closed"
    with pytest.raises(ValidationError):
        set_service_status(staff["hos"], old, "open", today)


def test_death_is_final(staff: dict[str, Any], today: dt.date) -> None:
    yp = make_yp(age=19)
    set_service_status(staff["hos"], yp, "died", today - dt.timedelta(days=2))
    yp.refresh_from_db()
    assert yp.status == "died" and yp.date_of_death == today - dt.timedelta(days=2)
    with pytest.raises(ValidationError) as exc:
        set_service_status(staff["hos"], yp, "open", today)
    assert "died" in exc.value.message_dict["status"][0]


def test_only_a_manager_of_the_team_changes_the_status(staff: dict[str, Any], teams: dict[str, Any],
                                                      today: dt.date) -> None:
    from django.core.exceptions import PermissionDenied

    yp = make_yp(age=22, team=teams["north"])
    for who in ("pa_north", "housing", "finance", "tm_south"):
        with pytest.raises(PermissionDenied):
            set_service_status(staff[who], yp, "stepped_down", today)
    yp.refresh_from_db()
    assert yp.status == "open" and yp.version == 1
    set_service_status(staff["tm_north"], yp, "stepped_down", today)
    yp.refresh_from_db()
    assert yp.status == "stepped_down" and yp.version == 2
