"""Setting up an authority from a preset: ``manage.py setup_authority`` and the demo use this one code.

A preset names the authority, its localities, districts, teams and hubs, the entitlements catalogue with its
dated rates, and the local settings it holds explicitly (plan-audit criteria, caseload and measure threshold
bands). Nothing about people. Every row is created only when missing, and the authority remembers the preset
applied (``config["setup_preset"]``), so a second run changes nothing and an administrator's later edits (a
renamed team, a new rate, a changed setting) are never put back.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from org.config import DEFAULTS
from org.models import Authority, District, Hub, Locality, Team
from org.presets import LANCASHIRE

# Settings every preset writes into the authority's own configuration, so they can be seen and edited
EXPLICIT_SETTINGS = ("plan_audit_criteria", "caseload_bands", "kpi_bands")
LANCASHIRE_HUBS = [("Preston", "Central"), ("Burnley", "East"), ("Lancaster", "North")]
PRESETS = ("lancashire", "blank")
LA_CODE = re.compile(r"^\d{3}$")


@dataclass
class SetupResult:
    authority: Authority
    created: Counter[str] = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return any(self.created.values())

    def summary(self) -> str:
        if not self.changed:
            return f"Nothing changed: {self.authority.name} ({self.authority.la_code}) is already set up."
        made = ", ".join(f"{n} {what}" for what, n in self.created.items() if n)
        return f"Set up {self.authority.name} ({self.authority.la_code}): created {made}."


def check(preset: str, name: str | None, la_code: str | None, one_only: bool = True) -> dict[str, Any]:
    """The preset's definition, or ValidationError keyed by option when the input is wrong."""
    if preset not in PRESETS:
        raise ValidationError({"preset": f"Unknown preset {preset!r}: choose {' or '.join(PRESETS)}"})
    if preset == "lancashire":
        spec: dict[str, Any] = {**LANCASHIRE, "hubs": LANCASHIRE_HUBS, "catalogue": True, "local_offer": True}
        if name:
            spec["name"] = name
        if la_code:
            spec["la_code"] = la_code
    else:
        if not (name or "").strip():
            raise ValidationError({"name": "Give the authority's name with --name"})
        spec = {"name": name.strip(), "la_code": la_code or "", "new_la_code": "", "region": "",  # type: ignore
                "statistical_neighbours": [], "localities": {}, "service_teams": [], "hubs": [], "catalogue": False,
                "local_offer": False}
    if not LA_CODE.match(spec["la_code"] or ""):
        raise ValidationError({"la_code": f"The LA code must be three digits (the DfE's old code, e.g. 888), "
                                          f"not {spec['la_code']!r}"})
    if one_only:
        existing = Authority.objects.order_by("pk").first()
        if existing is not None and existing.la_code != spec["la_code"]:
            raise ValidationError({"la_code": f"This installation already holds {existing.name} "
                                              f"({existing.la_code}); one installation serves one authority"})
    return spec


@transaction.atomic
def setup_authority(preset: str, name: str | None = None, la_code: str | None = None,
                    one_only: bool = True) -> SetupResult:
    """Create what the preset names and is missing. ``one_only`` refuses when another authority is already
    set up (an installation serves one authority; the tests' fixtures build the demo beside their own)."""
    spec = check(preset, name, la_code, one_only)
    made: Counter[str] = Counter()
    authority, new = Authority.objects.get_or_create(la_code=spec["la_code"], defaults={
        "name": spec["name"], "new_la_code": spec["new_la_code"], "region": spec["region"],
        "statistical_neighbours": spec["statistical_neighbours"]})
    made["authority"] += new
    if authority.config.get("setup_preset") == preset:
        # Applied before: what it made is the administrators' now (a team may have been renamed or closed)
        _local_offer(spec, authority, made)  # added to the preset later: loads once, on its own marker
        return SetupResult(authority, made)
    missing = {key: DEFAULTS[key] for key in EXPLICIT_SETTINGS if key not in authority.config}
    authority.config = {**authority.config, **missing, "setup_preset": preset}
    authority.save(update_fields=["config"])
    made["local settings"] += len(missing)
    for loc_name, loc in spec["localities"].items():
        locality, new = Locality.objects.get_or_create(authority=authority, name=loc_name)
        made["localities"] += new
        for d in loc["districts"]:
            made["districts"] += District.objects.get_or_create(authority=authority, name=d,
                                                                defaults={"locality": locality})[1]
        for team_name, base in loc["teams"]:
            kind = "hub" if "Hub" in team_name else Team.LEAVING_CARE
            made["teams"] += Team.objects.get_or_create(name=team_name, defaults={
                "locality": locality, "base": base, "kind": kind})[1]
    for team_name, kind, loc_name in spec["service_teams"]:
        locality = Locality.objects.get(authority=authority, name=loc_name)
        made["teams"] += Team.objects.get_or_create(name=team_name, defaults={"locality": locality, "kind": kind})[1]
    for hub_name, loc_name in spec["hubs"]:
        locality = Locality.objects.filter(authority=authority, name=loc_name).first()
        made["hubs"] += Hub.objects.get_or_create(authority=authority, name=hub_name,
                                                  defaults={"locality": locality})[1]
    if spec["hubs"]:  # each hub's weekly sessions (participation), for hubs that have none yet
        from participation.setup import add_hub_sessions

        made["hub sessions"] += add_hub_sessions(authority)
    if spec["catalogue"]:
        from money.presets import load_catalogue

        entitlements, rates = load_catalogue()
        made["entitlements"] += entitlements
        made["rates"] += rates
    _local_offer(spec, authority, made)
    return SetupResult(authority, made)


def _local_offer(spec: dict[str, Any], authority: Authority, made: Counter[str]) -> None:
    """The preset's Local Offer (localoffer/presets.py), after the catalogue its entitlement entries link to."""
    if spec.get("local_offer"):
        from localoffer.presets import load_local_offer

        made["Local Offer entries"] += load_local_offer(authority)
