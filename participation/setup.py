"""The hubs' weekly sessions a preset starts with (seed 000 section 7: a duty team at each hub, activities and
drop-ins). ``org.setup.setup_authority`` calls this when it applies a preset with hubs; a hub that already has
sessions is left as it is, so running it again changes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from participation.models import HubSession

T = dt.time
# (weekday 0=Monday, start, end, title, description)
STANDARD_WEEK = [
    (1, T(13, 0), T(16, 0), "Drop-in with the duty team", "Help with anything: money, housing, college, forms."),
    (2, T(11, 0), T(13, 0), "Employment advice", "CVs, applications and job searches with an employment adviser."),
    (3, T(17, 0), T(19, 0), "Cook and eat", "Cook a meal together on a budget and eat it."),
    (4, T(14, 0), T(16, 0), "Health drop-in", "See a nurse about health, sexual health or how you are feeling."),
]


def add_hub_sessions(authority: Any) -> int:
    made = 0
    for hub in authority.hubs.all():
        if HubSession.objects.filter(hub=hub).exists():
            continue
        for weekday, starts, ends, title, description in STANDARD_WEEK:
            HubSession.objects.create(hub=hub, weekday=weekday, starts_at=starts, ends_at=ends, title=title,
                                      description=description)
            made += 1
    return made
