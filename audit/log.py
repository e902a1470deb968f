"""Writing audit events. Every read, change and export of a young person's record calls one of these."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Iterable

from django.db import connection, models
from django.http import HttpRequest
from django.utils import timezone

from audit.models import Action, AuditEvent
from leavingcare.pagecache import note_viewed


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    return value


def _actor_id(actor: Any) -> int | None:
    return actor.pk if getattr(actor, "is_authenticated", False) else None


def record(
    actor: Any,
    action: str,
    *,
    young_person: Any = None,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    detail: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
) -> AuditEvent:
    if obj is not None:
        object_type = object_type or obj._meta.label
        object_id = object_id or str(obj.pk)
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        young_person=young_person,
        object_type=object_type,
        object_id=object_id,
        detail={k: _jsonable(v) for k, v in (detail or {}).items()},
        path=(request.get_full_path()[:300] if request is not None else ""),
    )


def viewed(actor: Any, young_person: Any, what: str, request: HttpRequest | None = None) -> AuditEvent:
    note_viewed([young_person.pk], what)
    return record(actor, Action.VIEW, young_person=young_person, object_type=what,
                  object_id=str(young_person.pk), request=request)


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """{"field": {"old": x, "new": y}} for each field whose value changed."""
    return {
        name: {"old": _jsonable(before.get(name)), "new": _jsonable(after.get(name))}
        for name in after
        if before.get(name) != after.get(name)
    }


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {f: getattr(obj, f) for f in fields}


def changed(actor: Any, obj: models.Model, young_person: Any, before: dict[str, Any],
            request: HttpRequest | None = None) -> AuditEvent | None:
    """Log a CHANGE with old and new values of the fields in ``before``; nothing if none changed."""
    diff = field_changes(before, snapshot(obj, before.keys()))
    if not diff:
        return None
    return record(actor, Action.CHANGE, young_person=young_person, obj=obj, detail=diff, request=request)


def exported(actor: Any, what: str, rows: int, young_people: Iterable[Any] = (),
             request: HttpRequest | None = None, object_id: str = "", detail: dict[str, Any] | None = None) -> None:
    """One event for the export, and one per young person whose data left the system (written in bulk)."""
    record(actor, Action.EXPORT, object_type=what, object_id=object_id, detail={"rows": rows, **(detail or {})},
           request=request)
    path = request.get_full_path()[:300] if request is not None else ""
    actor_id = _actor_id(actor)
    AuditEvent.objects.bulk_create(
        [AuditEvent(actor_id=actor_id, action=Action.EXPORT, young_person_id=getattr(yp, "pk", yp), object_type=what,
                    object_id=object_id, path=path)
         for yp in young_people],
        batch_size=2000,
    )


def viewed_many(actor: Any, young_people: Iterable[Any], what: str, request: HttpRequest | None = None) -> None:
    """One VIEW event per young person shown in a list (e.g. an API page), in one query."""
    young_people = list(young_people)
    note_viewed([getattr(yp, "pk", yp) for yp in young_people], what)
    path = request.get_full_path()[:300] if request is not None else ""
    ids = [int(getattr(yp, "pk", yp)) for yp in young_people]
    if ids:
        _insert_views(_actor_id(actor), ids, what[:60], path)


def _insert_views(actor_id: int | None, ids: list[int], what: str, path: str) -> None:
    """The VIEW rows of a list in one statement, without building a model object per row (a list page writes
    one per young person shown on every request). The same columns ``AuditEvent`` has, the same values."""
    table = AuditEvent._meta.db_table
    now = timezone.now()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f'INSERT INTO "{table}" (at, actor_id, action, young_person_id, object_type, object_id, detail, path) '
                "SELECT %s, %s, %s, yp, %s, yp::text, '{}'::jsonb, %s FROM unnest(%s::bigint[]) AS yp",
                [now, actor_id, Action.VIEW.value, what, path, ids])
        else:
            for start in range(0, len(ids), 100):  # SQLite: at most 999 parameters in one statement
                chunk = ids[start:start + 100]
                values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s)"] * len(chunk))
                params: list[Any] = []
                at = connection.ops.adapt_datetimefield_value(now)
                for pk in chunk:
                    params += [at, actor_id, Action.VIEW.value, pk, what, str(pk), "{}", path]
                cursor.execute(f'INSERT INTO "{table}" (at, actor_id, action, young_person_id, object_type, '
                               f"object_id, detail, path) VALUES {values}", params)
