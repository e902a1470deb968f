"""API test helpers: a client authenticated by a real token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from api.models import ApiToken


@pytest.fixture(autouse=True)
def _fast_hasher(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api_as(staff: dict[str, Any]) -> Callable[[str], APIClient]:
    def _client(username: str) -> APIClient:
        _row, token = ApiToken.issue(staff[username], "test")
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        return client

    return _client
