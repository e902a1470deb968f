"""The write path the safeguarding, health and circumstances verbs share.

``create`` and ``update`` ask the policy, read the stored row (locked), check the version, validate, save in the
caller's transaction and write the audit event with old and new values. Each app's ``actions.py`` calls them with
its own permission names and rules, so a verb stays a few lines of what is particular to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from accounts.policy import require
from audit.log import changed, record, snapshot
from audit.models import Action
from leavingcare.versioning import bump, check_version

Check = Callable[[dict[str, Any]], dict[str, str]]


def refuse(errors: dict[str, str]) -> None:
    """Raise one ValidationError naming every field that is wrong (nothing is saved)."""
    found = {k: v for k, v in errors.items() if v}
    if found:
        raise ValidationError(found)


def required_text(values: dict[str, Any], *names_and_messages: tuple[str, str]) -> dict[str, str]:
    return {name: message for name, message in names_and_messages if not str(values.get(name) or "").strip()}


def create(actor: Any, permission: str, model: type[models.Model], young_person: Any, values: dict[str, Any],
           check: Check | None = None, request: Any = None, perm_obj: Any = None) -> Any:
    """A new row of ``model`` for ``young_person`` (if the model has that field), after ``check`` finds nothing."""
    require(actor, permission, perm_obj if perm_obj is not None else young_person)
    if check is not None:
        refuse(check(values))
    field_names = {f.name for f in model._meta.get_fields()}
    if "young_person" in field_names and "young_person" not in values:
        values = {"young_person": young_person, **values}
    obj = model(**values)
    try:
        obj.full_clean(exclude=["young_person", "version"])
    except ValidationError as error:
        raise ValidationError(error.message_dict) from None
    obj.save()
    shown = {k: v for k, v in values.items() if k != "young_person"}
    record(actor, Action.CREATE, young_person=young_person, obj=obj, detail=shown, request=request)
    return obj


def update(actor: Any, permission: str, obj: models.Model, young_person: Any, values: dict[str, Any],
           version: int | None = None, check: Check | None = None, request: Any = None,
           what: str = "record") -> Any:
    """Change ``values`` on the stored row of ``obj``; refused when ``version`` is older than the stored one."""
    require(actor, permission, young_person)
    stored = type(obj).objects.select_for_update().get(pk=obj.pk)  # type: ignore[attr-defined]
    check_version(stored, version, what)
    before = snapshot(stored, [*values, "version"])
    merged = {**before, **values}
    if check is not None:
        refuse(check(merged))
    for name, value in values.items():
        setattr(stored, name, value)
    try:
        stored.full_clean(exclude=["young_person", "version"])
    except ValidationError as error:
        raise ValidationError(error.message_dict) from None
    bump(stored)
    stored.save()
    changed(actor, stored, young_person, before, request=request)
    return stored
