"""Worklist items from other areas of the record (health, safeguarding, circumstances).

An app adds items by having a ``worklist_items`` module with ``LABELS`` (kind -> words) and
``due(qs, as_at, horizon)``, which yields ``(young_person_id, kind, due_date, worker_id)`` for the young people in
``qs`` (already scoped, open and aged 16-24) with something due on or before ``horizon`` (``None``: everything).
The items join the statutory clock's on every worklist, the worklist command (same JSON shape: the kind is a new
string) and the summary page.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from django.apps import apps
from django.db.models import QuerySet

from worklists.clock import LABELS, Due, status_of

Source = Callable[[QuerySet[Any], dt.date, dt.date | None], Iterable[tuple[int, str, dt.date, int | None]]]


@cache
def sources() -> list[Source]:
    found = []
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.worklist_items")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.worklist_items":
                raise
            continue
        LABELS.update(module.LABELS)
        found.append(module.due)
    return found


def extra_dues(qs: QuerySet[Any], as_at: dt.date, soon_days: int, everything: bool = False) -> list[tuple[int, Due]]:
    """(young person id, Due) for the items of every source, overdue or due within ``soon_days`` unless
    ``everything``."""
    from worklists.stored import open_in_age

    horizon = None if everything else as_at + dt.timedelta(days=soon_days)
    people = open_in_age(qs, as_at)
    out = []
    for source in sources():
        for pk, kind, due, worker in source(people, as_at, horizon):
            if horizon is None or due <= horizon:
                out.append((pk, Due(kind, due, status_of(due, as_at, soon_days), worker)))
    return out
