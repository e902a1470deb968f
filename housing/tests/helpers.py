"""Builders for housing tests: a little stock in Northtown."""

from __future__ import annotations

import datetime as dt
from typing import Any

from housing import actions
from housing.models import Home, Scheme
from org.models import District


def stock(actor: Any, homes: int = 2, start: dt.date = dt.date(2024, 11, 1), home_type: str = "managed_block"
          ) -> tuple[Scheme, list[Home]]:
    district = District.objects.get(name="Northtown")
    provider = actions.add_provider(actor, "Northtown Housing Trust")
    scheme = actions.add_scheme(actor, provider, "Mill Street flats", district)
    made = [actions.add_home(actor, scheme, f"MS-{i + 1}", district, home_type, start) for i in range(homes)]
    return scheme, made
