"""Verbs for circumstances and support to 25. Each asks accounts.policy, validates and writes the audit event."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from circumstances import rules
from circumstances.models import (
    Appeal,
    Child,
    Custody,
    ImmigrationCase,
    OutOfArea,
    RecordsRequest,
    StepDown,
    SupportReferral,
)
from org.config import settings as config
from people.models import ServiceStatus, YoungPerson
from safeguarding.writes import create, refuse, update

PERM = "circumstances.record"


def _date(name: str, value: dt.date | None, what: str, past: bool = True) -> dict[str, str]:
    if value is None:
        return {name: f"Enter {what}"}
    if past and value > timezone.localdate():
        return {name: f"{what[0].upper()}{what[1:]} must be today or in the past"}
    return {}


@transaction.atomic
def refer(actor: Any, yp: YoungPerson, *, kind: str, referred_on: dt.date | None, status: str = "referred",
          outcome: str = "", request: Any = None) -> SupportReferral:
    return create(actor, PERM, SupportReferral, yp, {"kind": kind, "referred_on": referred_on, "status": status,
                                                     "outcome": outcome},
                  check=lambda v: _date("referred_on", v.get("referred_on"), "the date referred"), request=request)


@transaction.atomic
def update_referral(actor: Any, referral: SupportReferral, *, status: str, outcome: str, version: int | None = None,
                    request: Any = None) -> SupportReferral:
    return update(actor, PERM, referral, referral.young_person, {"status": status, "outcome": outcome},
                  version=version, request=request, what="referral")


@transaction.atomic
def save_immigration_case(actor: Any, yp: YoungPerson, *, version: int | None = None, request: Any = None,
                          **values: Any) -> ImmigrationCase:
    def check(v: dict[str, Any]) -> dict[str, str]:
        if v.get("leave_granted_on") and v.get("leave_ends_on") and v["leave_ends_on"] < v["leave_granted_on"]:
            return {"leave_ends_on": "Leave to remain must end after it was granted"}
        return {} if v.get("status") else {"status": "Select the immigration status"}

    case = ImmigrationCase.objects.filter(young_person=yp).first()
    if case is None:
        case = create(actor, PERM, ImmigrationCase, yp, values, check=check, request=request)
    else:
        case = update(actor, PERM, case, yp, values, version=version, check=check, request=request,
                      what="immigration case")
    YoungPerson.objects.filter(pk=yp.pk).update(is_uasc=True, immigration_status=case.status,
                                                immigration_status_start=case.leave_granted_on,
                                                immigration_status_end=case.leave_ends_on)
    return case


@transaction.atomic
def record_appeal(actor: Any, case: ImmigrationCase, *, lodged_on: dt.date | None, hearing_on: dt.date | None = None,
                  outcome: str = "", decided_on: dt.date | None = None, request: Any = None) -> Appeal:
    def check(v: dict[str, Any]) -> dict[str, str]:
        problems = _date("lodged_on", v.get("lodged_on"), "the date the appeal was lodged")
        if v.get("hearing_on") and v.get("lodged_on") and v["hearing_on"] < v["lodged_on"]:
            problems["hearing_on"] = "The hearing must be on or after the date the appeal was lodged"
        return problems

    return create(actor, PERM, Appeal, case.young_person, {"case": case, "lodged_on": lodged_on,
                                                           "hearing_on": hearing_on, "outcome": outcome,
                                                           "decided_on": decided_on}, check=check, request=request)


@transaction.atomic
def add_child(actor: Any, yp: YoungPerson, *, first_name: str, date_of_birth: dt.date | None, lives_with: str,
              child_protection: str = "none", request: Any = None) -> Child:
    child = create(actor, PERM, Child, yp, {"first_name": first_name, "date_of_birth": date_of_birth,
                                            "lives_with": lives_with, "child_protection": child_protection},
                   check=lambda v: _date("date_of_birth", v.get("date_of_birth"), "the date of birth or due date",
                                         past=False), request=request)
    YoungPerson.objects.filter(pk=yp.pk).update(is_pregnant_or_parenting=True)
    return child


@transaction.atomic
def record_custody(actor: Any, yp: YoungPerson, *, establishment: str, sentence_date: dt.date | None,
                   release_date: dt.date | None, offender_manager: str = "", accommodation_on_release: str = "",
                   request: Any = None) -> Custody:
    def check(v: dict[str, Any]) -> dict[str, str]:
        problems = {**_date("sentence_date", v.get("sentence_date"), "the sentence date"),
                    **rules.release_problems(v.get("sentence_date"), v.get("release_date"))}
        if not str(v.get("establishment") or "").strip():
            problems["establishment"] = "Enter the establishment"
        return problems

    spell = create(actor, PERM, Custody, yp, {"establishment": establishment, "sentence_date": sentence_date,
                                              "release_date": release_date, "offender_manager": offender_manager,
                                              "accommodation_on_release": accommodation_on_release},
                   check=check, request=request)
    YoungPerson.objects.filter(pk=yp.pk).update(in_custody=True)
    return spell


@transaction.atomic
def update_custody(actor: Any, spell: Custody, *, version: int | None = None, request: Any = None,
                   **values: Any) -> Custody:
    def check(v: dict[str, Any]) -> dict[str, str]:
        problems = rules.release_problems(v.get("sentence_date"), v.get("release_date"))
        if v.get("released_on") and v["released_on"] < v["sentence_date"]:
            problems["released_on"] = "The date released must be on or after the sentence date"
        return problems

    spell = update(actor, PERM, spell, spell.young_person, values, version=version, check=check, request=request,
                   what="custody record")
    if spell.released_on:
        YoungPerson.objects.filter(pk=spell.young_person_id).update(in_custody=False)
    return spell


@transaction.atomic
def record_out_of_area(actor: Any, yp: YoungPerson, *, authority_of_residence: str, since: dt.date | None,
                       local_connection: Any = None, request: Any = None) -> OutOfArea:
    def check(v: dict[str, Any]) -> dict[str, str]:
        problems = _date("since", v.get("since"), "the date they moved")
        if not str(v.get("authority_of_residence") or "").strip():
            problems["authority_of_residence"] = "Enter the authority they live in"
        return problems

    for current in OutOfArea.objects.select_for_update().filter(young_person=yp, ended_on__isnull=True):
        update(actor, PERM, current, yp, {"ended_on": since or timezone.localdate()}, request=request)
    row = create(actor, PERM, OutOfArea, yp, {"authority_of_residence": authority_of_residence, "since": since,
                                              "local_connection": local_connection or yp.district},
                 check=check, request=request)
    YoungPerson.objects.filter(pk=yp.pk).update(out_of_area=True)
    return row


@transaction.atomic
def request_step_down(actor: Any, yp: YoungPerson, *, requested_on: dt.date | None, privacy: str,
                      safeguarding: str, request: Any = None) -> StepDown:
    from_age = int(config("step_down_from_age")["step_down_from_age"])

    def check(v: dict[str, Any]) -> dict[str, str]:
        problems = _date("requested_on", v.get("requested_on"), "the date of the request")
        if not problems:
            problems = rules.step_down_problems(yp.date_of_birth, v["requested_on"], from_age)
        if not str(v.get("privacy") or "").strip():
            problems["privacy"] = "Enter what the young person wants and why"
        if not str(v.get("safeguarding") or "").strip():
            problems["safeguarding"] = "Enter the safeguarding considerations"
        return problems

    return create(actor, PERM, StepDown, yp, {"requested_on": requested_on, "privacy": privacy,
                                              "safeguarding": safeguarding}, check=check, request=request)


@transaction.atomic
def decide_step_down(actor: Any, step: StepDown, *, decision: str, version: int | None = None,
                     request: Any = None) -> StepDown:
    """The manager's decision; an agreed step-down steps the record down (re-opened on request until 25)."""
    if decision not in {"agreed", "declined"}:
        refuse({"decision": "Select agreed or declined"})
    step = update(actor, "circumstances.decide_step_down", step, step.young_person,
                  {"decision": decision, "decided_by": actor, "decided_on": timezone.localdate()},
                  version=version, request=request, what="step-down")
    if decision == "agreed":
        YoungPerson.objects.filter(pk=step.young_person_id).update(status=ServiceStatus.STEPPED_DOWN,
                                                                   status_changed_on=timezone.localdate())
    return step


@transaction.atomic
def reopen_after_step_down(actor: Any, step: StepDown, version: int | None = None, request: Any = None) -> StepDown:
    yp = step.young_person
    if yp.age() >= 25:
        refuse({"reopened_on": "Support ends on the 25th birthday"})
    if step.decision != "agreed":
        refuse({"reopened_on": "Only an agreed step-down is re-opened"})
    step = update(actor, "circumstances.decide_step_down", step, yp, {"reopened_on": timezone.localdate()},
                  version=version, request=request, what="step-down")
    YoungPerson.objects.filter(pk=yp.pk).update(status=ServiceStatus.OPEN, status_changed_on=timezone.localdate())
    return step


@transaction.atomic
def receive_records_request(actor: Any, yp: YoungPerson, *, received_on: dt.date | None, pa_notified: bool = True,
                            helper: str = "", request: Any = None) -> RecordsRequest:
    months = int(config("records_request_months")["records_request_months"])
    due = rules.records_request_due(received_on, months) if received_on else None
    made = create(actor, PERM, RecordsRequest, yp, {"received_on": received_on, "due_on": due,
                                                    "pa_notified": pa_notified, "helper": helper},
                  check=lambda v: _date("received_on", v.get("received_on"), "the date received"), request=request)
    return made


@transaction.atomic
def complete_records_request(actor: Any, req: RecordsRequest, version: int | None = None,
                             request: Any = None) -> RecordsRequest:
    return update(actor, PERM, req, req.young_person, {"completed_on": timezone.localdate()}, version=version,
                  request=request, what="records request")
