"""Running for real: /healthz asks the database, and every request is one JSON log line with no personal data."""

from __future__ import annotations

import json
import logging
from unittest import mock

import pytest
from django.db.utils import OperationalError

from leavingcare.logs import JsonFormatter
from people.tests.factories import young_person


def test_healthz_runs_a_real_query(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok" and response.json()["migrations"] > 0


def test_healthz_answers_503_when_the_database_does_not(client, db):
    with mock.patch("leavingcare.views.connection.cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/healthz")
    assert response.status_code == 503 and response.json() == {"status": "error", "database": "unavailable"}


@pytest.fixture
def lines():
    """The request log's lines, formatted as the service writes them."""
    found: list[dict] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            found.append(json.loads(JsonFormatter().format(record)))

    handler = Keep()
    logger = logging.getLogger("leavingcare.requests")
    logger.addHandler(handler)
    yield found
    logger.removeHandler(handler)


def test_one_json_line_per_request_without_personal_data(client, staff, teams, lines):
    yp = young_person(teams["north"], pa=staff["pa_north"], first_name="Zebedee", last_name="Quarrington",
                      la_person_id="LA998877")
    client.force_login(staff["pa_north"])
    client.get(f"/young-people/{yp.pk}/?q=Quarrington")
    client.get("/young-people/?q=Zebedee")
    assert len(lines) == 2
    first = lines[0]
    assert first["method"] == "GET" and first["status"] == 200 and first["user_id"] == staff["pa_north"].pk
    assert first["route"] == "/young-people/<int:pk>/" and first["duration_ms"] >= 0
    text = json.dumps(lines)
    for personal in ("Zebedee", "Quarrington", "LA998877", str(yp.pk) + "/", "pa_north", "Pa_North"):
        assert personal not in text


def test_an_unknown_address_is_logged_without_its_path(client, db, lines):
    client.get("/no-such-page/Jane-Smith")
    assert lines[0]["route"] == "(unmatched)" and lines[0]["status"] == 404 and "Jane" not in json.dumps(lines)
