"""Creating and changing a young person's record: validation naming the field, and field history."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from audit.models import Action, AuditEvent
from people.actions import create_young_person, update_young_person
from people.models import CareEpisode, YoungPerson

pytestmark = pytest.mark.django_db


def new_fields(**extra: Any) -> dict[str, Any]:
    fields = {"la_person_id": "LA1", "first_name": "Sam", "last_name": "Jones", "date_of_birth": dt.date(2006, 1, 9),
              "sex": "F", "ethnicity": "WBRI"}
    fields.update(extra)
    return fields


def test_create_computes_category_and_logs_values(staff: dict[str, Any], teams: dict[str, Any]) -> None:
    yp = create_young_person(staff["pa_north"], team=teams["north"], **new_fields())
    event = AuditEvent.objects.get(action=Action.CREATE, young_person=yp)
    assert event.actor == staff["pa_north"]
    assert event.detail["first_name"] == {"old": None, "new": "Sam"}
    assert event.detail["date_of_birth"]["new"] == "2006-01-09"
    assert yp.category == "none"  # no care history yet


def test_duplicate_la_person_id_names_the_field_and_saves_nothing(staff: dict[str, Any]) -> None:
    create_young_person(staff["pa_north"], **new_fields())
    with pytest.raises(ValidationError) as exc:
        create_young_person(staff["pa_north"], **new_fields(first_name="Other"))
    assert "la_person_id" in exc.value.message_dict
    assert "LA person ID" in exc.value.message_dict["la_person_id"][0]
    assert YoungPerson.objects.count() == 1
    assert AuditEvent.objects.filter(action=Action.CREATE).count() == 1


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"date_of_birth": dt.date(2999, 1, 1)}, "date_of_birth"),
        ({"first_name": ""}, "first_name"),
        ({"ethnicity": "XXXX"}, "ethnicity"),
        ({"is_uasc": True, "immigration_status_start": dt.date(2023, 5, 1),
          "immigration_status_end": dt.date(2023, 1, 1)}, "immigration_status_end"),
        ({"status": "closed"}, "status"),
    ],
)
def test_bad_input_names_the_field(staff: dict[str, Any], extra: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as exc:
        create_young_person(staff["pa_north"], **new_fields(**extra))
    assert field in exc.value.message_dict
    assert not YoungPerson.objects.exists()


def test_update_keeps_old_and_new_values(staff: dict[str, Any]) -> None:
    yp = create_young_person(staff["pa_north"], **new_fields())
    update_young_person(staff["tm_north"], yp, last_name="Smith", is_pregnant_or_parenting=True)
    event = AuditEvent.objects.filter(action=Action.CHANGE, young_person=yp).get()
    assert event.actor == staff["tm_north"]
    assert event.detail == {"last_name": {"old": "Jones", "new": "Smith"},
                            "is_pregnant_or_parenting": {"old": False, "new": True},
                            "version": {"old": 1, "new": 2}}
    yp.refresh_from_db()
    assert yp.last_name == "Smith"


def test_update_without_change_logs_nothing(staff: dict[str, Any]) -> None:
    yp = create_young_person(staff["pa_north"], **new_fields())
    update_young_person(staff["pa_north"], yp, last_name="Jones")
    assert not AuditEvent.objects.filter(action=Action.CHANGE).exists()


def test_update_to_duplicate_id_saves_nothing_and_restores_object(staff: dict[str, Any]) -> None:
    create_young_person(staff["pa_north"], **new_fields())
    other = create_young_person(staff["pa_north"], **new_fields(la_person_id="LA2", first_name="Kim"))
    with pytest.raises(ValidationError) as exc:
        update_young_person(staff["pa_north"], other, la_person_id="LA1", first_name="Changed")
    assert "la_person_id" in exc.value.message_dict
    assert other.la_person_id == "LA2" and other.first_name == "Kim"
    assert YoungPerson.objects.get(pk=other.pk).first_name == "Kim"


def test_date_of_birth_after_care_started_is_refused(staff: dict[str, Any]) -> None:
    yp = create_young_person(staff["pa_north"], **new_fields())
    CareEpisode.objects.create(young_person=yp, start_date=dt.date(2020, 1, 1), end_date=dt.date(2024, 1, 9),
                               legal_status="C2", placement_type="U1")
    with pytest.raises(ValidationError) as exc:
        update_young_person(staff["pa_north"], yp, date_of_birth=dt.date(2020, 6, 1))
    assert "date_of_birth" in exc.value.message_dict


def test_changing_history_flags_updates_category(staff: dict[str, Any], today: dt.date) -> None:
    dob = dt.date(today.year - 19, 1, 1)
    yp = create_young_person(staff["pa_north"], **new_fields(date_of_birth=dob))
    assert yp.category == "none"
    update_young_person(staff["pa_north"], yp, special_guardianship=True)
    assert YoungPerson.objects.get(pk=yp.pk).category == "qualifying"
