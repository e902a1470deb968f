"""What the Local Offer's tests share: a valid entry's values."""

from __future__ import annotations

import datetime as dt
from typing import Any


def entry_values(**over: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "area": "health", "name": "Free gym", "summary": "Something to help you.", "partner": None, "min_age": 16,
        "max_age": 24, "circumstances": [], "how_to_get": "Ask your PA.", "cost_kind": "free", "cost_amount": None,
        "cost_description": "", "entitlement": None, "contact_name": "Your PA", "contact_phone": "01632 960000",
        "contact_email": "", "contact_url": "", "location_name": "", "address": "", "town": "", "postcode": "",
        "when": "", "review_on": dt.date.today() + dt.timedelta(days=200), "status": "active"}
    values.update(over)
    return values
