"""Per-user API tokens: printed once by the command, stored hashed, revocable."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from api.models import ApiToken, hash_token

pytestmark = pytest.mark.django_db


def test_command_prints_a_token_that_works(staff: dict[str, Any]) -> None:
    out = io.StringIO()
    call_command("create_api_token", "pa_north", "--name", "phone app", stdout=out)
    token = out.getvalue().strip()
    row = ApiToken.objects.get()
    assert row.user == staff["pa_north"] and row.name == "phone app"
    assert row.key_hash == hash_token(token) and token not in row.key_hash  # only the hash is kept
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = client.get("/api/v1/me/")
    assert response.status_code == 200
    assert response.json()["staff_id"] == "ST-pa_north"
    row.refresh_from_db()
    assert row.last_used_at is not None


def test_unknown_user(db: Any) -> None:
    with pytest.raises(CommandError):
        call_command("create_api_token", "nobody", stdout=io.StringIO())


@pytest.mark.parametrize("header", ["", "Token wrong", "Token", "Bearer abc", "Token a b"])
def test_bad_or_missing_token_is_401_or_403(staff: dict[str, Any], header: str) -> None:
    client = APIClient()
    if header:
        client.credentials(HTTP_AUTHORIZATION=header)
    response = client.get("/api/v1/young-people/")
    assert response.status_code in (401, 403)
    assert "results" not in response.json()


def test_revoked_token_and_inactive_user_refused(staff: dict[str, Any]) -> None:
    row, token = ApiToken.issue(staff["hos"])
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/me/").status_code == 200
    row.revoke()
    assert client.get("/api/v1/me/").status_code == 401
    _row2, token2 = ApiToken.issue(staff["housing"])
    staff["housing"].is_active = False
    staff["housing"].save()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token2}")
    assert client.get("/api/v1/me/").status_code == 401
