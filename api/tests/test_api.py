"""The API: token sign-in, the same scope and audit log as the pages, and an OpenAPI document."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

from django.core.management import call_command

from audit.models import Action, AuditEvent
from people.tests.factories import young_person


def token_for(username: str) -> str:
    out = StringIO()
    call_command("create_api_token", username, stdout=out)
    return out.getvalue().strip()


def test_token_sees_own_team_and_reads_are_logged(client, staff, teams):
    mine = young_person(teams["north"], pa=staff["pa_north"], first_name="Robin")
    other = young_person(teams["south"], pa=staff["pa_south"])
    auth = {"HTTP_AUTHORIZATION": f"Token {token_for('pa_north')}"}
    listing = client.get("/api/v1/young-people/", **auth).json()
    assert [r["la_person_id"] for r in listing["results"]] == [mine.la_person_id]
    detail = client.get(f"/api/v1/young-people/{mine.pk}/", **auth).json()
    assert detail["category"] == "former_relevant" and detail["allocations"][0]["worker_staff_id"] == "ST-pa_north"
    assert AuditEvent.objects.filter(actor=staff["pa_north"], young_person=mine, action=Action.VIEW).exists()
    assert client.get(f"/api/v1/young-people/{other.pk}/", **auth).status_code == 404
    assert AuditEvent.objects.filter(young_person=other, action=Action.DENIED).exists()


def test_no_token_no_data_and_analysts_get_no_names(client, staff):
    assert client.get("/api/v1/young-people/").status_code in (401, 403)
    auth = {"HTTP_AUTHORIZATION": f"Token {token_for('analyst')}"}
    assert client.get("/api/v1/young-people/", **auth).status_code == 403


def test_recording_a_contact_through_the_api(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    auth = {"HTTP_AUTHORIZATION": f"Token {token_for('pa_north')}", "HTTP_IDEMPOTENCY_KEY": "abc"}
    body = {"occurred_at": f"{today.isoformat()}T00:05:00Z", "kind": "phone", "made_by": "pa", "successful": True}
    first = client.post(f"/api/v1/young-people/{yp.pk}/contacts/", json.dumps(body), content_type="application/json",
                        **auth)
    again = client.post(f"/api/v1/young-people/{yp.pk}/contacts/", json.dumps(body), content_type="application/json",
                        **auth)
    assert first.status_code == 201 and again.json()["id"] == first.json()["id"]
    future = {**body, "occurred_at": "2099-01-01T10:00:00Z"}
    bad = client.post(f"/api/v1/young-people/{yp.pk}/contacts/", json.dumps(future), content_type="application/json",
                      HTTP_AUTHORIZATION=auth["HTTP_AUTHORIZATION"])
    assert bad.status_code == 400 and "occurred_at" in bad.json()


def test_duplicate_la_person_id_is_refused_by_the_api(client, staff, teams):
    young_person(teams["north"], la_person_id="DUP1")
    auth = {"HTTP_AUTHORIZATION": f"Token {token_for('tm_north')}"}
    response = client.post("/api/v1/young-people/", {"la_person_id": "DUP1", "first_name": "A", "last_name": "B",
                                                     "date_of_birth": "2007-01-01"}, **auth)
    assert response.status_code == 400 and "la_person_id" in response.json()


def test_openapi_document(client, staff):
    doc = client.get("/api/v1/openapi.json", HTTP_AUTHORIZATION=f"Token {token_for('pa_north')}").json()
    assert doc["openapi"].startswith("3.")
    assert "/api/v1/young-people/{id}/" in doc["paths"] and "/api/v1/young-people/{id}/contacts/" in doc["paths"]
