"""Nothing overwritten silently: every record people edit carries a version.

A page or API client sends back the version it started from. A verb reads the stored row (locked), and if
its version has moved on, refuses the save with a message that says who changed what since, taken from the
audit log (each change event records the version it made). The person keeps what they typed.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

VERSION_FIELD = "version"


class Versioned(models.Model):
    """Adds ``version``: 1 when created, one more at every change made through a verb."""

    version = models.PositiveIntegerField(default=1, db_default=1)

    class Meta:
        abstract = True


def parse_version(raw: Any) -> int | None:
    """The version a client sent, or None when it sent none. Anything not a whole number is a field error."""
    if raw is None or raw == "":
        return None
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):
        raise ValidationError({VERSION_FIELD: "The version must be a whole number"}) from None
    if value < 1 or value > 2_000_000_000:
        raise ValidationError({VERSION_FIELD: "The version is not one this record has had"})
    return value


def changes_since(obj: models.Model, version: int) -> list[str]:
    """Lines such as "Jo Bloggs changed phone, postcode" for each change after ``version``."""
    from audit.models import Action, AuditEvent

    events = (AuditEvent.objects.filter(object_type=obj._meta.label, object_id=str(obj.pk), action=Action.CHANGE)
              .select_related("actor").order_by("at", "pk"))
    lines = []
    for event in events:
        made = (event.detail or {}).get(VERSION_FIELD)
        if not isinstance(made, dict):
            continue
        try:
            new = int(made.get("new"))
        except (TypeError, ValueError):
            continue
        if new <= version:
            continue
        fields = sorted(k.replace("_id", "").replace("_", " ") for k in event.detail if k != VERSION_FIELD)
        who = event.actor.get_full_name() if event.actor else "The service"
        lines.append(f"{who} changed {', '.join(fields) or 'it'} at {event.at:%H:%M on %d %b %Y}")
    return lines


def check_version(stored: Any, version: int | None, what: str = "record") -> None:
    """Refuse a save made from an older version than ``stored`` has (``None``: the caller sent no version)."""
    if version is None or version == stored.version:
        return
    since = changes_since(stored, version)
    detail = ("; ".join(since) + ". ") if since else ""
    error = ValidationError({VERSION_FIELD: (
        f"Someone else changed this {what} after you opened it. {detail}Your changes are not saved yet: "
        "check what you typed against the record as it is now, then save again.")})
    error.current_version = stored.version  # type: ignore[attr-defined]
    raise error


def bump(obj: Any) -> None:
    obj.version = (obj.version or 0) + 1
