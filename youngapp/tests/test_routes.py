"""Every route of the project, walked as a signed-in young person: outside /app/ they are sent to the app (or
refused, for the API); inside /app/staff/ likewise. Generated from the URL configuration, so new staff pages are
covered without editing this test."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

OPEN = ("/app/", "/static/", "/healthz", "/openreferral/")


def routes(patterns: Any = None, prefix: str = "") -> list[str]:
    out = []
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        text = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            out += routes(p.url_patterns, text)
        elif isinstance(p, URLPattern):
            path = "/" + re.sub(r"<(?:int:)?[^>]+>", "1", text).lstrip("^").rstrip("$")
            path = re.sub(r"<[^>]+>", "x", path)
            out.append(path)
    return sorted(set(out))


def test_the_generated_list_covers_the_staff_areas() -> None:
    found = routes()
    for area in ("/young-people/", "/worklists/", "/plans/", "/money/", "/api/v1/", "/app/staff/"):
        assert any(r.startswith(area) for r in found), area


def test_every_staff_route_refuses_a_young_person(app_client: Client, other: Any) -> None:
    checked = 0
    for path in routes():
        if path.startswith(OPEN) and not path.startswith("/app/staff/"):
            continue
        if "(?P" in path or "\\" in path:  # admin's regex routes: the admin prefix is covered by its index
            continue
        for method in ("get", "post"):
            response = getattr(app_client, method)(path)
            if path.startswith("/api/"):
                assert response.status_code == 403, (method, path, response.status_code)
            else:
                assert response.status_code == 302 and response["Location"] == "/app/", (method, path)
            checked += 1
    assert checked > 50
