"""Young people through the API: the same scope and audit log as the pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from audit.models import Action, AuditEvent
from people.models import YoungPerson
from people.tests.helpers import allocate_now, make_yp

pytestmark = pytest.mark.django_db
Api = Callable[[str], APIClient]


@pytest.fixture
def cohort(staff: dict[str, Any], teams: dict[str, Any]) -> dict[str, YoungPerson]:
    people = {"north": make_yp(age=19, team=teams["north"], first_name="Nina", last_name="North"),
              "north17": make_yp(age=17, team=teams["north"], first_name="Ned", last_name="Young"),
              "south": make_yp(age=22, team=teams["south"], first_name="Sam", last_name="South")}
    allocate_now(people["north"], staff["pa_north"])
    return people


def ids(response: Any) -> set[str]:
    return {row["la_person_id"] for row in response.json()["results"]}


@pytest.mark.parametrize(("username", "expected"), [
    ("pa_north", {"north", "north17"}), ("tm_south", {"south"}), ("hos", {"north", "north17", "south"}),
    ("housing", {"north", "north17", "south"}),
])
def test_list_is_scoped(api_as: Api, cohort: dict[str, YoungPerson], username: str, expected: set[str]) -> None:
    response = api_as(username).get("/api/v1/young-people/")
    assert response.status_code == 200
    assert ids(response) == {cohort[k].la_person_id for k in expected}
    assert AuditEvent.objects.filter(action=Action.VIEW, object_type="api:young_people").count() == len(expected)


@pytest.mark.parametrize("username", ["analyst", "admin"])
def test_aggregate_only_roles_get_403(api_as: Api, cohort: dict[str, YoungPerson], username: str) -> None:
    client = api_as(username)
    assert client.get("/api/v1/young-people/").status_code == 403
    assert client.get(f"/api/v1/young-people/{cohort['north'].pk}/").status_code == 403
    assert client.get("/api/v1/me/").status_code == 200


def test_filters_and_search(api_as: Api, cohort: dict[str, YoungPerson]) -> None:
    client = api_as("hos")
    assert ids(client.get("/api/v1/young-people/?q=nina")) == {cohort["north"].la_person_id}
    assert ids(client.get(f"/api/v1/young-people/?q={cohort['south'].la_person_id}")) == {
        cohort["south"].la_person_id}
    dob = cohort["north17"].date_of_birth
    assert ids(client.get(f"/api/v1/young-people/?q={dob.isoformat()}")) == {cohort["north17"].la_person_id}
    assert ids(client.get("/api/v1/young-people/?age_band=16-17")) == {cohort["north17"].la_person_id}
    assert ids(client.get("/api/v1/young-people/?age_band=21-24")) == {cohort["south"].la_person_id}
    assert ids(client.get(f"/api/v1/young-people/?team={cohort['south'].team_id}")) == {
        cohort["south"].la_person_id}
    assert ids(client.get("/api/v1/young-people/?worker=ST-pa_north")) == {cohort["north"].la_person_id}
    assert client.get("/api/v1/young-people/?age_band=99").status_code == 400


def test_list_query_count_does_not_grow(api_as: Api, teams: dict[str, Any], staff: dict[str, Any],
                                        django_assert_max_num_queries: Any) -> None:
    client = api_as("tm_north")
    for _ in range(25):
        allocate_now(make_yp(team=teams["north"]), staff["pa_north"])
    with django_assert_max_num_queries(12):
        response = client.get("/api/v1/young-people/")
    assert response.json()["count"] == 25


def test_detail_shows_story_and_is_logged(api_as: Api, cohort: dict[str, YoungPerson], staff: dict[str, Any]) -> None:
    yp = cohort["north"]
    response = api_as("pa_north").get(f"/api/v1/young-people/{yp.pk}/")
    assert response.status_code == 200
    body = response.json()
    assert body["category"] == "former_relevant" and body["category_label"] == "Former relevant"
    assert body["age"] == 19 and body["age_band"] == "18-20"
    assert body["current_allocations"][0]["worker"]["staff_id"] == "ST-pa_north"
    assert body["circumstances"]["is_uasc"] is False
    event = AuditEvent.objects.get(action=Action.VIEW, object_type="api:young_person")
    assert (event.actor, event.young_person) == (staff["pa_north"], yp)


def test_out_of_scope_is_404_and_denied_logged(api_as: Api, cohort: dict[str, YoungPerson],
                                               staff: dict[str, Any]) -> None:
    client = api_as("pa_north")
    south = cohort["south"]
    for url in (f"/api/v1/young-people/{south.pk}/", f"/api/v1/young-people/{south.pk}/care-episodes/",
                f"/api/v1/young-people/{south.pk}/contacts/"):
        assert client.get(url).status_code == 404
    assert client.patch(f"/api/v1/young-people/{south.pk}/", {"last_name": "X"}, format="json").status_code == 404
    denied = AuditEvent.objects.filter(action=Action.DENIED, actor=staff["pa_north"], young_person=south)
    assert denied.count() == 4
    assert YoungPerson.objects.get(pk=south.pk).last_name == "South"


def test_create_and_update_keep_field_history(api_as: Api, teams: dict[str, Any], staff: dict[str, Any]) -> None:
    client = api_as("pa_north")
    response = client.post("/api/v1/young-people/", {
        "la_person_id": "NEW1", "first_name": "Lee", "last_name": "Park", "date_of_birth": "2007-02-03",
        "sex": "M", "ethnicity": "WBRI"}, format="json")
    assert response.status_code == 201, response.json()
    pk = response.json()["id"]
    assert YoungPerson.objects.get(pk=pk).team == teams["north"]  # the creator's team, so they can see it
    unversioned = client.patch(f"/api/v1/young-people/{pk}/", {"last_name": "Parks"}, format="json")
    assert unversioned.status_code == 400 and "version" in unversioned.json()
    response = client.patch(f"/api/v1/young-people/{pk}/", {"last_name": "Parks", "in_custody": True, "version": 1},
                            format="json")
    assert response.status_code == 200 and response.json()["last_name"] == "Parks"
    assert response.json()["version"] == 2
    change = AuditEvent.objects.get(action=Action.CHANGE, young_person_id=pk)
    assert change.detail == {"last_name": {"old": "Park", "new": "Parks"}, "in_custody": {"old": False,
                                                                                            "new": True},
                             "version": {"old": 1, "new": 2}}
    stale = client.patch(f"/api/v1/young-people/{pk}/", {"last_name": "Other", "version": 1}, format="json")
    assert stale.status_code == 400 and "changed" in stale.json()["version"][0]
    assert YoungPerson.objects.get(pk=pk).last_name == "Parks"


def test_duplicate_id_and_bad_date_name_the_field(api_as: Api, cohort: dict[str, YoungPerson]) -> None:
    client = api_as("pa_north")
    base = {"first_name": "A", "last_name": "B", "date_of_birth": "2007-02-03"}
    response = client.post("/api/v1/young-people/", {**base, "la_person_id": cohort["north"].la_person_id},
                           format="json")
    assert response.status_code == 400 and "la_person_id" in response.json()
    response = client.post("/api/v1/young-people/", {**base, "la_person_id": "Z9", "date_of_birth": "2007-02-31"},
                           format="json")
    assert response.status_code == 400 and "date_of_birth" in response.json()
    assert YoungPerson.objects.count() == 3


def test_read_only_roles_cannot_change(api_as: Api, cohort: dict[str, YoungPerson]) -> None:
    response = api_as("housing").patch(f"/api/v1/young-people/{cohort['north'].pk}/", {"last_name": "X"},
                                       format="json")
    assert response.status_code == 403


def test_unknown_date_format_in_search_is_a_name(api_as: Api, cohort: dict[str, YoungPerson]) -> None:
    assert api_as("hos").get("/api/v1/young-people/?q=" + dt.date(1900, 1, 1).isoformat()).json()["count"] == 0


def test_create_for_another_team_refused(api_as: Api, teams: dict[str, Any]) -> None:
    response = api_as("pa_north").post("/api/v1/young-people/", {
        "la_person_id": "NEW2", "first_name": "Lee", "last_name": "Park", "date_of_birth": "2007-02-03",
        "team": teams["south"].pk}, format="json")
    assert response.status_code == 403 and "own team" in response.json()["detail"]
    assert not YoungPerson.objects.filter(la_person_id="NEW2").exists()
    ok = api_as("tm_south").post("/api/v1/young-people/", {
        "la_person_id": "NEW3", "first_name": "Lee", "last_name": "Park", "date_of_birth": "2007-02-03",
        "team": teams["south"].pk}, format="json")
    assert ok.status_code == 201
