"""The young person's app fixtures (youngapp/tests/conftest.py) and an event builder."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from org.models import Hub
from youngapp.tests.conftest import (  # noqa: F401 (fixtures)
    _fast_hasher,
    access,
    app_client,
    app_sign_in,
    other,
    other_access,
    staff_client,
    yp,
)


@pytest.fixture
def hub(authority: Any) -> Hub:
    return Hub.objects.create(authority=authority, name="Preston")


@pytest.fixture
def make_event(hub: Hub, staff: dict[str, Any]) -> Any:
    from participation import actions

    def make(capacity: int = 2, days: float = 7, lead: Any = None, **extra: Any) -> Any:
        starts = timezone.now() + dt.timedelta(days=days)
        return actions.create_event(staff["pa_north"], kind=extra.pop("kind", "hub"),
                                    title=extra.pop("title", "Cooking on a budget"), starts_at=starts,
                                    ends_at=starts + dt.timedelta(hours=2), capacity=capacity, hub=hub,
                                    lead=lead or staff["pa_north"], **extra)

    return make
