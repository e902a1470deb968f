"""No record of a young person is deleted before the authority's retention date (``people.summary.retain_until``:
the ``retention_until_age`` birthday, the 75th by default). Deletion is refused at the model, whatever asks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db.models import ProtectedError
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone

from people.models import YoungPerson

_allowed: ContextVar[bool] = ContextVar("deletion_allowed", default=False)


@contextmanager
def allow_deletion() -> Iterator[None]:
    """Only for tests that clear a cohort to import it again; never used by the service."""
    token = _allowed.set(True)
    try:
        yield
    finally:
        _allowed.reset(token)


@receiver(pre_delete, sender=YoungPerson)
def refuse_before_retention_date(sender: Any, instance: YoungPerson, **kwargs: Any) -> None:
    from people.summary import retain_until

    if _allowed.get():
        return
    until = retain_until(instance)
    if timezone.localdate() < until:
        raise ProtectedError(f"The record is kept until {until:%d %B %Y} (the authority's retention date)",
                             {instance})
