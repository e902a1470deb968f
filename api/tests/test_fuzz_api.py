"""The API fuzzed by schemathesis against its own published document, /api/v1/openapi.json.

In-process: schemathesis loads the document through the Django WSGI application and sends every generated
request to it (no server, the test's database). Each operation gets data that fits the schema and data that
does not, with a real API token of an in-scope team manager, and path ids that are sometimes a real young
person. Every response must be no server error, a status code the document lists, the content type it lists and
a body that matches the documented schema.

Bounded: a few examples per operation and mode, derandomized (a fixed seed), no deadline, no example database.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.models import ApiToken
from contacts.actions import record_contact
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db

EXAMPLES = 8
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Any:
    """The WSGI handler closes the database connection after each request; Django's test client stops it doing
    so, and so must we (the test's transaction lives on that connection)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_world(staff: dict[str, Any], teams: dict[str, Any]) -> dict[str, Any]:
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2006, 5, 1))
    record_contact(staff["pa_north"], yp, {"occurred_at": dt.datetime.now(dt.UTC) - dt.timedelta(hours=1),
                                           "kind": "home_visit", "made_by": "pa", "successful": True,
                                           "reason_unsuccessful": "", "seen_alone": True, "note": "Fine"})
    _row, token = ApiToken.issue(staff["tm_north"], "fuzz")
    return {"yp": yp, "token": token}


@functools.cache
def load_schema() -> Any:
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


def test_the_document_lists_the_operations(db: Any) -> None:
    labels = [op.ok().label for op in load_schema().get_all_operations()]
    assert "GET /api/v1/young-people/" in labels
    assert "PATCH /api/v1/young-people/{id}/" in labels
    assert len(labels) >= 12


def fuzz(operation: Any, mode: GenerationMode, headers: dict[str, str], real_ids: list[int]) -> Any:
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        case = data.draw(operation.as_strategy(generation_mode=mode), label="case")
        if case.path_parameters and "id" in case.path_parameters and data.draw(st.booleans(), label="real id"):
            case.path_parameters["id"] = data.draw(st.sampled_from(real_ids))
        case.call_and_validate(headers=headers, checks=CHECKS)

    return run


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_operation_answers_as_documented(api_world: dict[str, Any], mode: GenerationMode) -> None:
    schema = load_schema()
    headers = {"Authorization": f"Token {api_world['token']}"}
    real_ids = [api_world["yp"].pk]
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        try:
            fuzz(operation, mode, headers, real_ids)()
        except Unsatisfiable:  # nothing to make invalid (GET /me/ takes no input)
            assert mode == GenerationMode.NEGATIVE
        except Exception as error:  # gather every operation's failures, then report them all
            failures.append(f"{operation.label}: {error}")
    assert not failures, "\n\n".join(failures)
