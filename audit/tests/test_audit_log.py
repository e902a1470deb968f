"""The audit log records who saw, changed or exported whose record, with old and new values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import RequestFactory

from audit.log import changed, exported, field_changes, record, viewed
from audit.models import Action, AuditEvent
from people.models import YoungPerson

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_hasher(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def yp() -> YoungPerson:
    return YoungPerson.objects.create(la_person_id="A1", first_name="Ann", last_name="Lee",
                                      date_of_birth=dt.date(2005, 1, 1))


def test_viewed_records_who_what_and_path(staff: dict[str, Any], yp: YoungPerson) -> None:
    request = RequestFactory().get("/young-people/1/?tab=summary")
    event = viewed(staff["pa_north"], yp, "page:summary", request=request)
    assert (event.actor, event.action, event.young_person, event.object_type) == (
        staff["pa_north"], Action.VIEW, yp, "page:summary")
    assert event.path == "/young-people/1/?tab=summary"
    assert event.at is not None


def test_changed_stores_only_changed_fields(staff: dict[str, Any], yp: YoungPerson) -> None:
    before = {"last_name": "Lee", "first_name": "Ann", "date_of_birth": dt.date(2005, 1, 1)}
    yp.last_name, yp.date_of_birth = "Li", dt.date(2005, 1, 2)
    event = changed(staff["pa_north"], yp, yp, before)
    assert event is not None
    assert event.detail == {"last_name": {"old": "Lee", "new": "Li"},
                            "date_of_birth": {"old": "2005-01-01", "new": "2005-01-02"}}
    assert changed(staff["pa_north"], yp, yp, {"last_name": "Li"}) is None


def test_detail_values_are_json_safe() -> None:
    diff = field_changes({"amount": Decimal("1.50")}, {"amount": Decimal("2.00")})
    assert diff == {"amount": {"old": "1.50", "new": "2.00"}}


def test_nested_dates_in_detail_are_stored(staff: dict[str, Any], yp: YoungPerson) -> None:
    event = record(staff["hos"], Action.CHANGE, young_person=yp, detail={"end": {"old": None,
                                                                                "new": dt.date(2024, 3, 5)}})
    event.refresh_from_db()
    assert event.detail == {"end": {"old": None, "new": "2024-03-05"}}


def test_anonymous_actor_is_stored_as_null(yp: YoungPerson) -> None:
    from django.contrib.auth.models import AnonymousUser

    event = record(AnonymousUser(), Action.DENIED, young_person=yp)
    assert event.actor is None


def test_export_logs_one_event_per_young_person(staff: dict[str, Any], yp: YoungPerson) -> None:
    other = YoungPerson.objects.create(la_person_id="A2", first_name="Bo", last_name="Ng",
                                       date_of_birth=dt.date(2005, 1, 1))
    exported(staff["hos"], "export:annex_a", rows=2, young_people=[yp, other.pk])
    events = AuditEvent.objects.filter(action=Action.EXPORT)
    assert events.count() == 3
    assert set(events.exclude(young_person=None).values_list("young_person_id", flat=True)) == {yp.pk, other.pk}
    assert events.get(young_person=None).detail == {"rows": 2}


def test_newest_first(staff: dict[str, Any], yp: YoungPerson) -> None:
    first = viewed(staff["hos"], yp, "page:summary")
    second = viewed(staff["hos"], yp, "page:contacts")
    assert list(AuditEvent.objects.all()) == [second, first]
