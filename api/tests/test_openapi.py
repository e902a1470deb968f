"""The OpenAPI 3 document is served as valid JSON and describes every endpoint."""

from __future__ import annotations

from typing import Any

import pytest
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_openapi_document(db: Any) -> None:
    response = APIClient().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json") or response[
        "Content-Type"].startswith("application/json")
    doc = response.json()
    assert doc["openapi"].startswith("3.")
    validate_schema(doc)
    for path in ["/api/v1/young-people/", "/api/v1/young-people/{id}/", "/api/v1/young-people/{id}/care-episodes/",
                 "/api/v1/young-people/{id}/allocations/", "/api/v1/young-people/{id}/contacts/",
                 "/api/v1/young-people/{id}/accommodation/", "/api/v1/young-people/{id}/activities/",
                 "/api/v1/young-people/{id}/status/", "/api/v1/young-people/needing-pa/"]:
        assert path.replace("{id}", "{pk}") in doc["paths"] or path in doc["paths"], path
    assert "tokenAuth" in doc["components"]["securitySchemes"]


def test_schema_generates_without_warnings(db: Any) -> None:
    import io

    from django.core.management import call_command

    out, err = io.StringIO(), io.StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json", stdout=out, stderr=err)
    assert '"/api/v1/young-people/"' in out.getvalue()


def test_openapi_with_a_token(staff: dict[str, Any]) -> None:
    from api.models import ApiToken

    _row, token = ApiToken.issue(staff["pa_north"])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/openapi.json").status_code == 200
