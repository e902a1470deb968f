"""Shared fixtures: a small authority with two teams and a user of every role."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from accounts.models import User
from accounts.roles import Role
from org.models import Authority, District, Locality, Team


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
