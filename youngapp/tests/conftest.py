"""A care leaver of the north team with a PA, another young person, and a signed-in app client."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from people.tests.factories import young_person
from youngapp import actions
from youngapp.models import AppAccess, OutboxMessage


@pytest.fixture(autouse=True)
def _fast_hasher(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def years_ago(years: int, today: dt.date) -> dt.date:
    return today.replace(year=today.year - years) - dt.timedelta(days=40)


@pytest.fixture
def yp(staff: dict[str, Any], teams: dict[str, Any], today: dt.date) -> Any:
    return young_person(team=teams["north"], pa=staff["pa_north"], dob=years_ago(17, today), first_name="Sam",
                        email="sam@example.org")


@pytest.fixture
def other(staff: dict[str, Any], teams: dict[str, Any], today: dt.date) -> Any:
    return young_person(team=teams["north"], pa=staff["pa_north2"], dob=years_ago(19, today), first_name="Kim")


@pytest.fixture
def access(yp: Any, staff: dict[str, Any]) -> AppAccess:
    return actions.invite(staff["pa_north"], yp, "sam@example.org")


@pytest.fixture
def other_access(other: Any, staff: dict[str, Any]) -> AppAccess:
    return actions.invite(staff["pa_north2"], other, "kim@example.org")


def last_code(address: str) -> str:
    body = OutboxMessage.objects.filter(to=address).order_by("-pk").first().body
    return re.search(r"code is (\d{6})", body).group(1)


def app_sign_in(client: Client, address: str) -> Any:
    client.post("/app/sign-in/", {"address": address})
    return client.post("/app/sign-in/code/", {"code": last_code(address)})


@pytest.fixture
def app_client(access: AppAccess) -> Client:
    client = Client()
    response = app_sign_in(client, "sam@example.org")
    assert response.status_code == 302 and response["Location"] == "/app/"
    return client


@pytest.fixture
def staff_client() -> Callable[[Any], Client]:
    def make(user: Any) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make
