"""Care episodes are checked against the whole history; the category follows the history."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from audit.models import Action, AuditEvent
from people.actions import add_care_episode, save_care_episode
from people.eligibility import birthday
from people.models import CareEpisode, YoungPerson

pytestmark = pytest.mark.django_db


@pytest.fixture
def yp(today: dt.date, teams: dict[str, Any]) -> YoungPerson:
    return YoungPerson.objects.create(la_person_id="C1", first_name="Jo", last_name="Bloggs", team=teams["north"],
                                      date_of_birth=birthday(today, -17) - dt.timedelta(days=10))


def test_new_episode_sets_category_and_is_logged(staff: dict[str, Any], yp: YoungPerson) -> None:
    ep = add_care_episode(staff["sw_north"], yp, start_date=birthday(yp.date_of_birth, 14), legal_status="C2",
                          placement_type="U1")
    yp.refresh_from_db()
    assert yp.category == "eligible"
    assert yp.eligible_from == birthday(yp.date_of_birth, 16)
    event = AuditEvent.objects.get(action=Action.CREATE, object_id=str(ep.pk))
    assert event.detail["legal_status"] == {"old": None, "new": "C2"}


def test_ending_care_makes_relevant_and_logs_old_new(staff: dict[str, Any], yp: YoungPerson, today: dt.date) -> None:
    ep = add_care_episode(staff["sw_north"], yp, start_date=birthday(yp.date_of_birth, 14), legal_status="C2",
                          placement_type="U1")
    ep.end_date, ep.reason_ceased = today - dt.timedelta(days=3), "E17"
    save_care_episode(staff["sw_north"], yp, ep)
    yp.refresh_from_db()
    assert yp.category == "relevant"
    change = AuditEvent.objects.get(action=Action.CHANGE, object_id=str(ep.pk))
    assert change.detail["end_date"] == {"old": None, "new": (today - dt.timedelta(days=3)).isoformat()}


@pytest.mark.parametrize(
    ("start_offset", "end_offset", "field"),
    [
        (100, 50, "end_date"),  # ends before it starts
        (-400, None, "start_date"),  # before birth (offset from date of birth in days)
    ],
)
def test_impossible_episode_names_field(staff: dict[str, Any], yp: YoungPerson, start_offset: int,
                                        end_offset: int | None, field: str) -> None:
    base = yp.date_of_birth + dt.timedelta(days=3000)
    start = base + dt.timedelta(days=start_offset) if start_offset > 0 else yp.date_of_birth + dt.timedelta(
        days=start_offset)
    end = base + dt.timedelta(days=end_offset) if end_offset is not None else None
    with pytest.raises(ValidationError) as exc:
        add_care_episode(staff["sw_north"], yp, start_date=start, end_date=end, legal_status="C2",
                         placement_type="U1")
    assert field in exc.value.message_dict
    assert not CareEpisode.objects.exists()
    assert not AuditEvent.objects.exists()


def test_overlapping_episode_refused(staff: dict[str, Any], yp: YoungPerson) -> None:
    b14 = birthday(yp.date_of_birth, 14)
    add_care_episode(staff["sw_north"], yp, start_date=b14, end_date=b14 + dt.timedelta(days=200),
                     legal_status="C2", placement_type="U1")
    with pytest.raises(ValidationError) as exc:
        add_care_episode(staff["sw_north"], yp, start_date=b14 + dt.timedelta(days=100), legal_status="C2",
                         placement_type="U1")
    assert "overlaps" in exc.value.message_dict["start_date"][0]
    assert CareEpisode.objects.count() == 1


def test_short_break_may_overlap_and_does_not_count(staff: dict[str, Any], yp: YoungPerson) -> None:
    b16 = birthday(yp.date_of_birth, 16)
    add_care_episode(staff["sw_north"], yp, start_date=b16, end_date=b16 + dt.timedelta(days=30),
                     legal_status="C2", placement_type="U1")
    add_care_episode(staff["sw_north"], yp, start_date=b16 + dt.timedelta(days=10), legal_status="V3",
                     placement_type="U1")
    yp.refresh_from_db()
    assert CareEpisode.objects.filter(is_short_break=True).count() == 1  # V3 is a short break
    assert yp.category == "qualifying"


def test_unknown_field_refused(staff: dict[str, Any], yp: YoungPerson) -> None:
    with pytest.raises(ValidationError) as exc:
        add_care_episode(staff["sw_north"], yp, start_date=yp.date_of_birth, legal_status="C2",
                         placement_type="U1", young_person_id=99)
    assert "young_person_id" in exc.value.message_dict
