"""Shared fixtures: a small authority with two teams and a user of every role."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from accounts.models import User
from accounts.roles import Role
from org.models import Authority, District, Locality, Team


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Failed sign-in counts (allauth's rate limits) and used one-time codes live in the cache: none carry over."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def authority(db: Any) -> Authority:
    authority = Authority.objects.create(name="Testshire County Council", la_code="999", new_la_code="E10000099",
                                         region="North West")
    north = Locality.objects.create(authority=authority, name="North")
    District.objects.create(authority=authority, locality=north, name="Northtown")
    Team.objects.create(locality=north, name="North Leaving Care Team")
    Team.objects.create(locality=north, name="South Leaving Care Team")
    return authority


@pytest.fixture
def teams(authority: Authority) -> dict[str, Team]:
    return {"north": Team.objects.get(name="North Leaving Care Team"),
            "south": Team.objects.get(name="South Leaving Care Team")}


def make_user(username: str, role: str, team: Team | None = None, **extra: Any) -> User:
    user = User.objects.create_user(username=username, password="correct-horse-battery", role=role, team=team,
                                    first_name=username.title(), last_name="Tester", staff_id=f"ST-{username}",
                                    **extra)
    if role == Role.TEAM_MANAGER and team is not None:
        user.managed_teams.add(team)
    return user


@pytest.fixture
def staff(teams: dict[str, Team]) -> dict[str, User]:
    n, s = teams["north"], teams["south"]
    return {
        "pa_north": make_user("pa_north", Role.PERSONAL_ADVISER, n),
        "pa_north2": make_user("pa_north2", Role.PERSONAL_ADVISER, n),
        "pa_south": make_user("pa_south", Role.PERSONAL_ADVISER, s),
        "sw_north": make_user("sw_north", Role.SOCIAL_WORKER, n),
        "tm_north": make_user("tm_north", Role.TEAM_MANAGER, n),
        "tm_south": make_user("tm_south", Role.TEAM_MANAGER, s),
        "hos": make_user("hos", Role.SENIOR_MANAGER),
        "housing": make_user("housing", Role.HOUSING_ADVISER),
        "finance": make_user("finance", Role.FINANCE_OFFICER),
        "analyst": make_user("analyst", Role.PERFORMANCE_ANALYST),
        "admin": make_user("admin", Role.ADMINISTRATOR),
    }


@pytest.fixture
def today() -> dt.date:
    from django.utils import timezone

    return timezone.localdate()


# ---------------------------------------------------------------- browser tests
# Headless Debian Chromium driven by Playwright (playwright cannot download a browser here).
# Use: def test_x(live_server, signed_in_page): signed_in_page("pa_north").goto(live_server.url + "/...")
import os  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15000)
    yield pg
    context.close()


@pytest.fixture
def sign_in(page: Any, live_server: Any) -> Callable[[str], Any]:
    """Sign in through the real sign-in form as ``username`` (password from make_user)."""

    def _sign_in(username: str, password: str = "correct-horse-battery") -> Any:
        page.goto(live_server.url + "/sign-in/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in", exact=True).click()
        page.wait_for_load_state()
        return page

    return _sign_in


def axe_violations(page: Any) -> list[str]:
    """Every axe-core violation on the page (WCAG 2.2 AA rules and best practice), as readable lines."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    violations = []
    for v in results.response["violations"]:
        nodes = [n for n in v["nodes"] if not _known_govuk_issue(v["id"], n)]
        if nodes:
            violations.append(f"{v['id']}: {v['help']} ({len(nodes)} nodes: "
                              f"{', '.join(n['target'][0] for n in nodes[:3])})")
    return violations


def _known_govuk_issue(rule: str, node: dict[str, Any]) -> bool:
    """GOV.UK Frontend's conditional reveal sets aria-expanded on the radio that opens it: invalid under ARIA 1.2,
    kept by the Design System on purpose because screen readers announce it (alphagov/govuk-frontend#979, listed
    as a known axe issue in #1280). Only that attribute on such a radio is let through."""
    html = node.get("html", "")
    found = [str(d) for check in node.get("all", []) + node.get("any", []) for d in (check.get("data") or [])]
    return (rule == "aria-allowed-attr" and "govuk-radios__input" in html and "aria-controls=" in html
            and bool(found) and all(d.startswith("aria-expanded=") for d in found))
