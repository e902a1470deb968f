"""The write path for the authority's own set-up: teams, hubs and local settings. Administrators only.

Each verb asks the policy (``org.administer``), reads the stored row locked, refuses a save from an older
version, validates (ValidationError keyed by field), saves in a transaction and writes the audit event with the
old and new values. Nothing is deleted: a team is closed, keeping its history.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.policy import require
from audit.log import field_changes, record
from audit.models import Action
from leavingcare.versioning import bump, check_version
from org.config import DEFAULTS
from org.models import Authority, Locality, Team

TEAM_KINDS = {k for k, _ in Team.KINDS}


def _clean_name(name: str, field: str = "name") -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({field: "Enter a name"})
    if len(name) > 80:
        raise ValidationError({field: "The name must be 80 characters or fewer"})
    return name


def _unique_team_name(name: str, exclude: int | None = None) -> None:
    if Team.objects.filter(name__iexact=name).exclude(pk=exclude).exists():
        raise ValidationError({"name": f"There is already a team called {name}"})


@transaction.atomic
def add_team(actor: Any, name: str, locality: Locality | None, kind: str = Team.LEAVING_CARE, base: str = "",
             request: Any = None) -> Team:
    require(actor, "org.administer")
    name = _clean_name(name)
    if locality is None:
        raise ValidationError({"locality": "Select the locality"})
    if kind not in TEAM_KINDS:
        raise ValidationError({"kind": "Select the kind of team"})
    _unique_team_name(name)
    team = Team.objects.create(name=name, locality=locality, kind=kind, base=(base or "").strip()[:60])
    record(actor, Action.CREATE, obj=team, request=request,
           detail={"name": name, "locality": str(locality), "kind": kind, "base": team.base})
    return team


def _locked_team(team: Team | int, version: int | None) -> Team:
    stored = Team.objects.select_for_update().get(pk=getattr(team, "pk", team))
    check_version(stored, version, "team")
    return stored


@transaction.atomic
def rename_team(actor: Any, team: Team | int, name: str, version: int | None = None, request: Any = None) -> Team:
    require(actor, "org.administer")
    stored = _locked_team(team, version)
    name = _clean_name(name)
    if name == stored.name:
        raise ValidationError({"name": "The team already has that name"})
    _unique_team_name(name, exclude=stored.pk)
    before = {"name": stored.name, "version": stored.version}
    stored.name = name
    bump(stored)
    stored.save(update_fields=["name", "version"])
    record(actor, Action.CHANGE, obj=stored, request=request,
           detail=field_changes(before, {"name": stored.name, "version": stored.version}))
    return stored


@transaction.atomic
def close_team(actor: Any, team: Team | int, version: int | None = None, request: Any = None) -> Team:
    """Close a team that no longer holds staff or open cases; its history stays."""
    from accounts.models import User
    from people.models import ServiceStatus, YoungPerson

    require(actor, "org.administer")
    stored = _locked_team(team, version)
    if not stored.active:
        raise ValidationError({"active": "The team is already closed"})
    staff = User.objects.filter(team=stored, is_active=True).count()
    cases = YoungPerson.objects.filter(team=stored).exclude(
        status__in=[ServiceStatus.CLOSED, ServiceStatus.DIED]).count()
    if staff or cases:
        raise ValidationError({"active": f"Move the team's {staff} active staff and {cases} open cases to other "
                                         "teams before closing it"})
    before = {"active": True, "version": stored.version}
    stored.active = False
    bump(stored)
    stored.save(update_fields=["active", "version"])
    record(actor, Action.CHANGE, obj=stored, request=request,
           detail=field_changes(before, {"active": False, "version": stored.version}))
    return stored


# ---------------------------------------------------------------- local settings (org/config.py)
def parse_setting(key: str, raw: Any) -> Any:
    """A value for ``key`` from what was typed, of the same shape as its default; ValidationError keyed by key."""
    if key not in DEFAULTS:
        raise ValidationError({key: "There is no such setting"})
    default = DEFAULTS[key]
    if isinstance(raw, str):
        text = raw.strip()
        if isinstance(default, bool):
            value: Any = text.lower() in ("1", "true", "yes", "on")
        elif isinstance(default, int):
            try:
                value = int(text)
            except ValueError:
                raise ValidationError({key: "Enter a whole number"}) from None
            if value < 0 or value > 1000:
                raise ValidationError({key: "Enter a whole number from 0 to 1000"})
        elif isinstance(default, str):
            value = text
        else:
            try:
                value = json.loads(text)
            except ValueError:
                raise ValidationError({key: "Enter the value in the same form as shown (JSON)"}) from None
    else:
        value = raw
    if type(value) is not type(default) and not (isinstance(default, int) and isinstance(value, int)):
        raise ValidationError({key: f"Enter a value of the same kind as the default ({type(default).__name__})"})
    if isinstance(default, list) and not value:
        raise ValidationError({key: "Give at least one value"})
    if isinstance(default, dict) and default and set(value) - set(default) and key not in ("caseload_bands",):
        unknown = ", ".join(sorted(set(value) - set(default)))
        raise ValidationError({key: f"Unknown entries: {unknown}"})
    return value


@transaction.atomic
def change_settings(actor: Any, values: dict[str, Any], version: int | None = None,
                    request: Any = None) -> Authority:
    """Set the authority's local choices (``org.config``); each value checked against its default's shape."""
    require(actor, "org.administer")
    stored = Authority.objects.select_for_update().order_by("pk").first()
    if stored is None:
        raise ValidationError({"authority": "Set the authority up first (manage.py setup_authority)"})
    check_version(stored, version, "set of local settings")
    errors: dict[str, list[str]] = {}
    parsed: dict[str, Any] = {}
    for key, raw in values.items():
        try:
            parsed[key] = parse_setting(key, raw)
        except ValidationError as exc:
            for k, msgs in exc.message_dict.items():
                errors.setdefault(k, []).extend(msgs)
    if errors:
        raise ValidationError(errors)
    before = {key: stored.setting(key) for key in parsed}
    after = {key: value for key, value in parsed.items()}
    diff = field_changes(before, after)
    if not diff:
        return stored
    stored.config = {**stored.config, **{k: after[k] for k in diff}}
    old_version = stored.version
    bump(stored)
    stored.save(update_fields=["config", "version"])
    record(actor, Action.CHANGE, obj=stored, request=request,
           detail={**diff, "version": {"old": old_version, "new": stored.version}})
    return stored
