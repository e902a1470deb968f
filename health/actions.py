"""Verbs for health. Each asks accounts.policy ("health.record"), validates and writes the audit event."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from health import rules
from health.models import HealthCheck, HealthProfile, Immunisation, MentalHealthSupport, SDQScore, SubstanceMisuse
from people.models import YoungPerson
from safeguarding.writes import create, update

PERM = "health.record"


def _not_future(name: str, day: dt.date | None, what: str) -> dict[str, str]:
    if day is None:
        return {name: f"Enter {what}"}
    if day > timezone.localdate():
        return {name: f"{what[0].upper()}{what[1:]} must be today or in the past"}
    return {}


@transaction.atomic
def update_profile(actor: Any, yp: YoungPerson, *, version: int | None = None, request: Any = None,
                   **values: Any) -> HealthProfile:
    """GP registration and the health passport: one row a young person, changed with its version."""
    if "gp_ods_code" in values:
        values["gp_ods_code"] = (values["gp_ods_code"] or "").strip().upper()

    def check(v: dict[str, Any]) -> dict[str, str]:
        problems = {}
        if rules.ods_problem(v.get("gp_ods_code", "")):
            problems["gp_ods_code"] = rules.ods_problem(v["gp_ods_code"])
        if v.get("gp_ods_code") and not str(v.get("gp_practice") or "").strip():
            problems["gp_practice"] = "Enter the name of the GP practice"
        if v.get("passport_issued") and v.get("passport_issued_on") is None:
            problems["passport_issued_on"] = "Enter the date the health passport was issued"
        if v.get("passport_issued_on") and v["passport_issued_on"] > timezone.localdate():
            problems["passport_issued_on"] = "The date the health passport was issued must be in the past"
        return problems

    profile, made = HealthProfile.objects.get_or_create(young_person=yp)
    if made:
        version = None  # a first save from the empty form
    return update(actor, PERM, profile, yp, values, version=version, check=check, request=request,
                  what="health record")


@transaction.atomic
def record_check(actor: Any, yp: YoungPerson, *, kind: str, on: dt.date | None, status: str, note: str = "",
                 ssd_id: str = "", request: Any = None) -> HealthCheck:
    def check(v: dict[str, Any]) -> dict[str, str]:
        problems = {}
        if v.get("on") is None:
            problems["on"] = "Enter the date"
        elif v["status"] == "Completed" and v["on"] > timezone.localdate():
            problems["on"] = "A completed check must be dated today or in the past"
        return problems

    return create(actor, PERM, HealthCheck, yp, {"kind": kind, "on": on, "status": status, "note": note,
                                                 "ssd_id": ssd_id}, check=check, request=request)


@transaction.atomic
def record_sdq(actor: Any, yp: YoungPerson, *, completed_on: dt.date | None, score: int | None, reason: str = "",
               ssd_id: str = "", request: Any = None) -> SDQScore:
    def check(v: dict[str, Any]) -> dict[str, str]:
        return {**_not_future("completed_on", v.get("completed_on"), "the date the SDQ was completed"),
                **rules.sdq_problems(v.get("score"), v.get("reason") or "")}

    return create(actor, PERM, SDQScore, yp, {"completed_on": completed_on, "score": score, "reason": reason or "",
                                              "ssd_id": ssd_id}, check=check, request=request)


@transaction.atomic
def record_immunisation(actor: Any, yp: YoungPerson, *, recorded_on: dt.date | None, up_to_date: bool | None,
                        detail: str = "", ssd_id: str = "", request: Any = None) -> Immunisation:
    return create(actor, PERM, Immunisation, yp, {"recorded_on": recorded_on, "up_to_date": up_to_date,
                                                  "detail": detail, "ssd_id": ssd_id},
                  check=lambda v: _not_future("recorded_on", v.get("recorded_on"), "the date"), request=request)


@transaction.atomic
def record_substance_misuse(actor: Any, yp: YoungPerson, *, recorded_on: dt.date | None, substance: str,
                            intervention_received: bool | None, help: str = "", ssd_id: str = "",
                            request: Any = None) -> SubstanceMisuse:
    def check(v: dict[str, Any]) -> dict[str, str]:
        problems = _not_future("recorded_on", v.get("recorded_on"), "the date")
        if not str(v.get("substance") or "").strip():
            problems["substance"] = "Enter the substance misused"
        return problems

    return create(actor, PERM, SubstanceMisuse, yp, {"recorded_on": recorded_on, "substance": substance,
                                                     "intervention_received": intervention_received, "help": help,
                                                     "ssd_id": ssd_id}, check=check, request=request)


@transaction.atomic
def record_mental_health(actor: Any, yp: YoungPerson, *, kind: str, service: str, started_on: dt.date | None,
                         status: str, outcome: str = "", request: Any = None) -> MentalHealthSupport:
    def check(v: dict[str, Any]) -> dict[str, str]:
        problems = _not_future("started_on", v.get("started_on"), "the date referred or started")
        if not str(v.get("service") or "").strip():
            problems["service"] = "Enter the service"
        return problems

    return create(actor, PERM, MentalHealthSupport, yp, {"kind": kind, "service": service, "started_on": started_on,
                                                         "status": status, "outcome": outcome},
                  check=check, request=request)


@transaction.atomic
def update_mental_health(actor: Any, support: MentalHealthSupport, *, status: str, outcome: str,
                         version: int | None = None, request: Any = None) -> MentalHealthSupport:
    return update(actor, PERM, support, support.young_person, {"status": status, "outcome": outcome},
                  version=version, request=request, what="support")
