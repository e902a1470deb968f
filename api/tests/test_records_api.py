"""Care episodes, allocations, contacts, accommodation and activity through the API."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from accommodation.models import AccommodationEpisode, ActivityEpisode
from audit.models import Action, AuditEvent
from contacts.models import Contact
from people.eligibility import birthday
from people.models import Allocation, CareEpisode, YoungPerson
from people.tests.helpers import allocate_now, make_yp

pytestmark = pytest.mark.django_db
Api = Callable[[str], APIClient]


@pytest.fixture
def yp(teams: dict[str, Any], staff: dict[str, Any]) -> YoungPerson:
    person = make_yp(age=19, team=teams["north"])
    allocate_now(person, staff["pa_north"], days_ago=200)
    return person


def test_care_episodes_read_and_add(api_as: Api, yp: YoungPerson) -> None:
    client = api_as("sw_north")
    url = f"/api/v1/young-people/{yp.pk}/care-episodes/"
    rows = client.get(url).json()["results"]
    assert [r["start_date"] for r in rows] == [birthday(yp.date_of_birth, 14).isoformat()]
    assert AuditEvent.objects.filter(action=Action.VIEW, object_type="api:care_episodes").count() == 1
    b12 = birthday(yp.date_of_birth, 12)
    ok = client.post(url, {"start_date": b12.isoformat(), "end_date": (b12 + dt.timedelta(days=50)).isoformat(),
                           "legal_status": "V2", "placement_type": "U1"}, format="json")
    assert ok.status_code == 201, ok.json()
    overlap = client.post(url, {"start_date": (b12 + dt.timedelta(days=20)).isoformat(), "legal_status": "C2",
                                "placement_type": "U1"}, format="json")
    assert overlap.status_code == 400 and "overlaps" in overlap.json()["start_date"][0]
    backwards = client.post(url, {"start_date": "2020-05-01", "end_date": "2020-04-01", "legal_status": "C2",
                                  "placement_type": "U1"}, format="json")
    assert backwards.status_code == 400 and "end_date" in backwards.json()
    assert CareEpisode.objects.filter(young_person=yp).count() == 2


def test_allocation_history_and_reallocation(api_as: Api, yp: YoungPerson, staff: dict[str, Any]) -> None:
    client = api_as("tm_north")
    url = f"/api/v1/young-people/{yp.pk}/allocations/"
    today = timezone.localdate()
    no_reason = client.post(url, {"worker": "ST-pa_north2", "role": "pa", "start_date": today.isoformat()},
                            format="json")
    assert no_reason.status_code == 400 and "reason" in no_reason.json()
    unknown = client.post(url, {"worker": "ST-nobody", "role": "pa", "start_date": today.isoformat()},
                          format="json")
    assert unknown.status_code == 400 and "worker" in unknown.json()
    ok = client.post(url, {"worker": "ST-pa_north2", "role": "pa", "start_date": today.isoformat(),
                           "reason": "Caseload balancing"}, format="json")
    assert ok.status_code == 201, ok.json()
    history = client.get(url).json()["results"]
    assert [(h["worker"]["staff_id"], h["end_reason"]) for h in history] == [
        ("ST-pa_north2", ""), ("ST-pa_north", "Caseload balancing")]
    assert Allocation.objects.filter(young_person=yp, end_date__isnull=True).get().worker == staff["pa_north2"]


def test_contacts_read_and_create_idempotent(api_as: Api, yp: YoungPerson, staff: dict[str, Any]) -> None:
    client = api_as("pa_north")
    url = f"/api/v1/young-people/{yp.pk}/contacts/"
    payload = {"occurred_at": (timezone.now() - dt.timedelta(hours=2)).isoformat(), "kind": "phone",
               "made_by": "pa", "successful": True, "note": "Talked about college", "submission_key": "k-1"}
    first = client.post(url, payload, format="json")
    assert first.status_code == 201, first.json()
    assert first.json()["worker"]["staff_id"] == "ST-pa_north" and first.json()["by_allocated_worker"] is True
    again = client.post(url, payload, format="json")
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert Contact.objects.count() == 1
    assert AuditEvent.objects.filter(action=Action.CREATE, object_type="contacts.Contact").count() == 1
    unsuccessful = client.post(url, {**payload, "submission_key": "k-2", "successful": False}, format="json")
    assert unsuccessful.status_code == 400 and "reason_unsuccessful" in unsuccessful.json()
    future = client.post(url, {**payload, "submission_key": "k-3",
                               "occurred_at": (timezone.now() + dt.timedelta(days=2)).isoformat()}, format="json")
    assert future.status_code == 400 and "occurred_at" in future.json()
    listed = client.get(url).json()["results"]
    assert [c["note"] for c in listed] == ["Talked about college"]


def test_housing_may_record_a_contact(api_as: Api, yp: YoungPerson) -> None:
    response = api_as("housing").post(f"/api/v1/young-people/{yp.pk}/contacts/", {
        "occurred_at": timezone.now().isoformat(), "kind": "office", "made_by": "other"}, format="json")
    assert response.status_code == 201
    assert response.json()["by_allocated_worker"] is False


def test_accommodation_and_activity_read(api_as: Api, yp: YoungPerson) -> None:
    today = timezone.localdate()
    AccommodationEpisode.objects.create(young_person=yp, start_date=today - dt.timedelta(days=90), accom="Z",
                                        suitable=True)
    ActivityEpisode.objects.create(young_person=yp, start_date=today - dt.timedelta(days=90), activity="F2")
    client = api_as("pa_north")
    accom = client.get(f"/api/v1/young-people/{yp.pk}/accommodation/").json()["results"]
    assert accom[0]["accom_code"] == "Z1"
    activity = client.get(f"/api/v1/young-people/{yp.pk}/activities/").json()["results"]
    assert activity[0]["activity"] == "F2" and activity[0]["is_eet"] is True
    assert api_as("pa_south").get(f"/api/v1/young-people/{yp.pk}/accommodation/").status_code == 404
    assert client.post(f"/api/v1/young-people/{yp.pk}/accommodation/", {}, format="json").status_code == 405


def test_service_status_change(api_as: Api, teams: dict[str, Any], staff: dict[str, Any]) -> None:
    older = make_yp(age=22, team=teams["north"])
    allocate_now(older, staff["pa_north"])
    today = timezone.localdate().isoformat()
    as_pa = api_as("pa_north").post(f"/api/v1/young-people/{older.pk}/status/",
                                    {"status": "stepped_down", "on": today}, format="json")
    assert as_pa.status_code == 403 and "manager" in as_pa.json()["detail"]
    client = api_as("tm_north")
    response = client.post(f"/api/v1/young-people/{older.pk}/status/", {"status": "stepped_down", "on": today},
                           format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "stepped_down" and response.json()["current_allocations"] == []
    younger = make_yp(age=19, team=teams["north"])
    refused = client.post(f"/api/v1/young-people/{younger.pk}/status/", {"status": "stepped_down", "on": today},
                          format="json")
    assert refused.status_code == 400 and "21st birthday" in refused.json()["status"][0]


def test_needing_pa_worklist(api_as: Api, teams: dict[str, Any], yp: YoungPerson) -> None:
    waiting = make_yp(age=17, team=teams["north"])
    make_yp(age=18, team=teams["south"])
    rows = api_as("pa_north").get("/api/v1/young-people/needing-pa/").json()["results"]
    assert [r["la_person_id"] for r in rows] == [waiting.la_person_id]
    assert api_as("analyst").get("/api/v1/young-people/needing-pa/").status_code == 403


def test_a_contact_before_the_16th_birthday_is_refused_as_on_the_page(api_as: Api, yp: YoungPerson) -> None:
    before_16 = timezone.make_aware(dt.datetime.combine(birthday(yp.date_of_birth, 16) - dt.timedelta(days=3),
                                                        dt.time(10)))
    response = api_as("pa_north").post(f"/api/v1/young-people/{yp.pk}/contacts/", {
        "occurred_at": before_16.isoformat(), "kind": "phone", "made_by": "pa"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"occurred_at": ["Date of contact must be on or after the young person's 16th birthday"]}
    assert not Contact.objects.filter(young_person=yp).exists()
