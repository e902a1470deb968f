"""Answers kept for the length of one page read.

While a page is being read (a GET through ``leavingcare.access.rule``), the facts it asks many times do not change:
whether a record is in the user's scope, whether they manage its team, the authority's settings. ``remembered``
keeps each answer for that request only. Writes (POST), jobs, commands and tests calling functions directly always
ask the database afresh.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

reading: contextvars.ContextVar[dict[Any, Any] | None] = contextvars.ContextVar("page_read_memo", default=None)


def remembered(key: Any, work: Callable[[], T]) -> T:
    kept = reading.get()
    if kept is None:
        return work()
    if key not in kept:
        kept[key] = work()
    return kept[key]  # type: ignore[no-any-return]


def remember(key: Any, value: Any) -> None:
    """Record an answer already known (e.g. a record found through the scope is in scope) for this read."""
    kept = reading.get()
    if kept is not None:
        kept[key] = value
