"""Moving in from another system: the Standard Safeguarding Dataset (data-to-insight/ssd-data-model) as CSV files.

Each table is a CSV named after it (ssd_person.csv, ssd_care_leavers.csv, ...). Every row of every file is checked
first and every problem reported (file, row, field); nothing is saved unless all is well; re-running the same
files changes nothing. Worker roles are matched by the configurable names in ``ssd_pa_role_names`` and
``ssd_sw_role_names``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from accommodation import codes as accom_codes
from accommodation.models import AccommodationEpisode, ActivityEpisode
from accounts.models import User
from accounts.roles import Role
from circumstances.models import ImmigrationCase, LinkedIdentifier
from contacts.models import Contact, MissingEpisode
from health.models import HealthCheck, Immunisation, SDQScore, SubstanceMisuse
from leavingcare.imports import ImportProblems
from org.config import setting
from org.models import Locality, Team
from people import codes
from people.actions import refresh_category
from people.models import Allocation, CareEpisode, ServiceStatus, YoungPerson
from plans.models import PathwayPlan
from worklists.facts import refresh as refresh_facts

TABLES = ["ssd_department", "ssd_professionals", "ssd_person", "ssd_cla_episodes", "ssd_involvements",
          "ssd_care_leavers", "ssd_immigration_status", "ssd_disability", "ssd_missing",
          # health and other agencies' identifiers (issue 14); each optional, like the rest but ssd_person
          "ssd_cla_health", "ssd_sdq_scores", "ssd_cla_substance_misuse", "ssd_cla_immunisations",
          "ssd_linked_identifiers"]
CHECK_STATUSES = {"planned": "Planned", "refused": "Refused", "cancelled": "Cancelled", "canceled": "Cancelled",
                  "completed": "Completed"}
YES = {"y", "yes", "1", "true"}
NO = {"n", "no", "0", "false"}


def check_type(raw: str) -> str:
    text = raw.strip().lower()
    if "dental" in text:
        return "dental_check"
    if "annual" in text:
        return "annual_health_check"
    if "assessment" in text or text in {"", "health check", "rha", "iha"}:
        return "health_assessment"
    return "health_surveillance"


def yes_no(raw: str) -> bool | None:
    text = raw.strip().lower()
    return True if text in YES else False if text in NO else None


def immigration_code(raw: str) -> str:
    text = raw.strip().lower()
    for word, code in (("indefinite", "ilr"), ("refugee", "refugee"), ("humanitarian", "humanitarian"),
                       ("discretionary", "dll"), ("uasc", "uasc_leave"), ("british", "british"),
                       ("appeal", "appeal"), ("asylum", "asylum_seeker")):
        if word in text:
            return code
    return "other"
ETHNIC = {c for c, _ in codes.ETHNICITY}
ACCOM_BY_LABEL = {label.lower(): letter for letter, label in accom_codes.ACCOM}
ACTIV_BY_LABEL = {label.lower(): code for code, label in accom_codes.ACTIV}
ACCOM_LETTERS = {letter for letter, _ in accom_codes.ACCOM}
ACTIV_CODES = {c for c, _ in accom_codes.ACTIV}


def parse_datetime(raw: str) -> dt.datetime | None:
    """ISO 8601 with or without a time (and fractions, Z or offsets), or DD/MM/YYYY [HH:MM[:SS]]."""
    raw = (raw or "").strip()
    if not raw or raw.upper() in {"NULL", "NONE"}:
        return None
    text = raw.replace("Z", "+00:00")
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?", raw)
        if not m:
            raise ValueError(raw) from None
        value = dt.datetime(int(m[3]), int(m[2]), int(m[1]), int(m[4] or 0), int(m[5] or 0), int(m[6] or 0))
    return value if timezone.is_aware(value) else timezone.make_aware(value)


@dataclass
class Reader:
    directory: Path
    problems: list[str] = field(default_factory=list)

    def rows(self, table: str) -> list[tuple[str, dict[str, str]]]:
        path = self.directory / f"{table}.csv"
        if not path.exists():
            return []
        text = path.read_bytes().decode("utf-8-sig")
        reader = csv.DictReader(io.StringIO(text, newline=""))
        return [(f"{path.name} row {i}", {k.strip().lower(): (v or "").strip() for k, v in r.items() if k})
                for i, r in enumerate(reader, start=2)]

    def when(self, where: str, row: dict[str, str], *names: str, required: bool = False) -> dt.datetime | None:
        name = next((n for n in names if n in row), names[0])
        try:
            value = parse_datetime(row.get(name, ""))
        except ValueError:
            self.problems.append(f"{where}, {name}: {row.get(name)!r} is not a date")
            return None
        if value is None and required:
            self.problems.append(f"{where}, {name}: missing")
        return value


def _day(value: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(value).date() if value else None


def accom_letter(raw: str) -> str | None:
    raw = raw.strip()
    if not raw:
        return None
    if raw[:1].upper() in ACCOM_LETTERS and (len(raw) == 1 or raw[1:2] in "012 -"):
        return raw[:1].upper()
    return ACCOM_BY_LABEL.get(raw.lower())


def suitability(raw: str, letter: str | None) -> bool | None:
    text = raw.strip().lower()
    if letter in accom_codes.ALWAYS_UNSUITABLE:
        return False
    if text in {"1", "y", "yes", "suitable", "true"} or text.startswith("suitable"):
        return True
    if text in {"2", "n", "no", "unsuitable", "false"} or text.startswith("unsuitable") or text.startswith("not"):
        return False
    return None


def activity_code(raw: str) -> str | None:
    raw = raw.strip()
    if not raw:
        return None
    if raw[:2].upper() in ACTIV_CODES:
        return raw[:2].upper()
    return ACTIV_BY_LABEL.get(raw.lower())


@dataclass
class Plan:
    departments: dict[str, str] = field(default_factory=dict)
    professionals: dict[str, dict[str, Any]] = field(default_factory=dict)
    people: dict[str, dict[str, Any]] = field(default_factory=dict)
    episodes: list[dict[str, Any]] = field(default_factory=list)
    involvements: list[dict[str, Any]] = field(default_factory=list)
    leavers: list[dict[str, Any]] = field(default_factory=list)
    immigration: list[dict[str, Any]] = field(default_factory=list)
    disability: set[str] = field(default_factory=set)
    missing: list[dict[str, Any]] = field(default_factory=list)
    health_checks: list[dict[str, Any]] = field(default_factory=list)
    sdq: list[dict[str, Any]] = field(default_factory=list)
    substance: list[dict[str, Any]] = field(default_factory=list)
    immunisations: list[dict[str, Any]] = field(default_factory=list)
    identifiers: list[dict[str, Any]] = field(default_factory=list)


def read(directory: Path) -> Plan:
    r = Reader(directory)
    plan = Plan()
    if not (directory / "ssd_person.csv").exists():
        raise ImportProblems([f"{directory}: ssd_person.csv is missing"])
    pa_names = {n.lower() for n in setting("ssd_pa_role_names")}
    sw_names = {n.lower() for n in setting("ssd_sw_role_names")}
    for _where, row in r.rows("ssd_department"):
        plan.departments[row.get("dept_team_id", "")] = row.get("dept_team_name") or row.get("dept_team_id", "")
    for where, row in r.rows("ssd_professionals"):
        pid = row.get("prof_professional_id") or row.get("prof_staff_id", "")
        if not pid:
            r.problems.append(f"{where}, prof_professional_id: missing")
            continue
        plan.professionals[pid] = {"staff_id": row.get("prof_staff_id") or pid,
                                   "name": row.get("prof_professional_name", ""),
                                   "title": row.get("prof_professional_job_title", ""),
                                   "team": row.get("prof_professional_department", "")}
    for where, row in r.rows("ssd_person"):
        pid = row.get("pers_person_id", "")
        if not pid:
            r.problems.append(f"{where}, pers_person_id: missing")
            continue
        if pid in plan.people:
            r.problems.append(f"{where}, pers_person_id: {pid} appears twice")
        dob = r.when(where, row, "pers_dob", required=True)
        sex = (row.get("pers_sex") or "U")[:1].upper()
        ethnicity = (row.get("pers_ethnicity") or "NOBT")[:4].upper()
        if ethnicity not in ETHNIC:
            r.problems.append(f"{where}, pers_ethnicity: {row.get('pers_ethnicity')!r} is not a DfE ethnicity code")
        plan.people[pid] = {"dob": _day(dob), "sex": sex if sex in "MFU" else "U", "ethnicity": ethnicity,
                            "gender": row.get("pers_gender", "")[:40],
                            "died": _day(r.when(where, row, "pers_death_date")),
                            "first": row.get("pers_forename", "") or row.get("pers_first_name", ""),
                            "last": row.get("pers_surname", "") or row.get("pers_last_name", ""),
                            "upn": row.get("pers_upn", "")[:13]}
    known = set(plan.people)

    def person(where: str, row: dict[str, str], column: str) -> str | None:
        pid = row.get(column, "")
        if pid not in known:
            r.problems.append(f"{where}, {column}: {pid!r} is not in ssd_person")
            return None
        return pid

    for where, row in r.rows("ssd_cla_episodes"):
        pid = person(where, row, "clae_person_id")
        start = r.when(where, row, "clae_cla_episode_start_date", required=True)
        end = r.when(where, row, "clae_cla_episode_ceased_date", "clae_cla_episode_ceased")
        if start and end and end < start:
            r.problems.append(f"{where}, clae_cla_episode_ceased_date: the episode ends before it starts")
        if pid and start:
            plan.episodes.append({"person": pid, "start": _day(start), "end": _day(end),
                                  "rne": (row.get("clae_cla_episode_start_reason") or "S")[:1].upper(),
                                  "cin": (row.get("clae_cla_primary_need_code") or "N1")[:2].upper(),
                                  "rec": (row.get("clae_cla_episode_ceased_reason") or "")[:3].upper()})
    for where, row in r.rows("ssd_involvements"):
        pid = person(where, row, "invo_person_id")
        prof = row.get("invo_professional_id", "")
        if prof not in plan.professionals:
            r.problems.append(f"{where}, invo_professional_id: {prof!r} is not in ssd_professionals")
            continue
        role_name = row.get("invo_professional_role_id", "").lower()
        role = "pa" if role_name in pa_names else "sw" if role_name in sw_names else None
        start = r.when(where, row, "invo_involvement_start_date", required=True)
        end = r.when(where, row, "invo_involvement_end_date")
        if pid and role and start:
            plan.involvements.append({"person": pid, "prof": prof, "role": role, "start": _day(start),
                                      "end": _day(end), "team": row.get("invo_professional_team", ""),
                                      "reason": row.get("invo_worker_change_reason", "")})
    for where, row in r.rows("ssd_care_leavers"):
        pid = person(where, row, "clea_person_id")
        letter_raw = row.get("clea_care_leaver_accommodation", "")
        letter = accom_letter(letter_raw)
        if letter_raw and letter is None:
            r.problems.append(f"{where}, clea_care_leaver_accommodation: {letter_raw!r} is not an ACCOM code or label")
        activ_raw = row.get("clea_care_leaver_activity", "")
        activ = activity_code(activ_raw)
        if activ_raw and activ is None:
            r.problems.append(f"{where}, clea_care_leaver_activity: {activ_raw!r} is not an ACTIV code or label")
        contact = r.when(where, row, "clea_care_leaver_latest_contact")
        review = r.when(where, row, "clea_pathway_plan_review_date")
        if pid:
            plan.leavers.append({"person": pid, "contact": contact, "letter": letter,
                                 "suitable": suitability(row.get("clea_care_leaver_accom_suitable", ""), letter),
                                 "activity": activ, "review": _day(review),
                                 "worker": row.get("clea_care_leaver_worker_id", ""),
                                 "team": row.get("clea_care_leaver_allocated_team", "")})
    for where, row in r.rows("ssd_immigration_status"):
        pid = person(where, row, "immi_person_id")
        if pid:
            plan.immigration.append({"person": pid, "status": row.get("immi_immigration_status", ""),
                                     "start": _day(r.when(where, row, "immi_immigration_status_start_date")),
                                     "end": _day(r.when(where, row, "immi_immigration_status_end_date"))})
    for where, row in r.rows("ssd_disability"):
        pid = person(where, row, "disa_person_id")
        if pid and row.get("disa_disability_code", "").upper() not in {"", "NONE", "NONE1"}:
            plan.disability.add(pid)
    for where, row in r.rows("ssd_missing"):
        pid = person(where, row, "miss_person_id")
        start = r.when(where, row, "miss_missing_episode_start_date", required=True)
        if pid and start:
            plan.missing.append({"person": pid, "start": _day(start),
                                 "end": _day(r.when(where, row, "miss_missing_episode_end_date"))})
    read_health(r, plan, person)
    if r.problems:
        raise ImportProblems(r.problems)
    return plan


def read_health(r: Reader, plan: Plan, person: Callable[[str, dict[str, str], str], str | None]) -> None:
    """ssd_cla_health, ssd_sdq_scores, ssd_cla_substance_misuse, ssd_cla_immunisations and ssd_linked_identifiers,
    with the column names of the public data model (data-to-insight/ssd-data-model, data/objects/*.yml)."""
    from health.rules import sdq_problems

    for where, row in r.rows("ssd_cla_health"):
        pid = person(where, row, "clah_person_id")
        on = r.when(where, row, "clah_health_check_date", required=True)
        raw_status = row.get("clah_health_check_status", "")
        status = CHECK_STATUSES.get(raw_status.strip().lower())
        if status is None:
            r.problems.append(f"{where}, clah_health_check_status: {raw_status!r} is not Planned, Refused, "
                              "Cancelled or Completed")
        if pid and on and status:
            plan.health_checks.append({"person": pid, "id": row.get("clah_health_check_id", ""), "on": _day(on),
                                       "kind": check_type(row.get("clah_health_check_type", "")), "status": status})
    for where, row in r.rows("ssd_sdq_scores"):
        pid = person(where, row, "csdq_person_id")
        on = r.when(where, row, "csdq_sdq_completed_date", required=True)
        raw_score, reason = row.get("csdq_sdq_score", ""), row.get("csdq_sdq_reason", "").strip().upper()[:4]
        score = None
        if raw_score:
            try:
                score = int(float(raw_score))
            except ValueError:
                r.problems.append(f"{where}, csdq_sdq_score: {raw_score!r} is not a number")
                continue
        found = sdq_problems(score, reason)
        for name, message in found.items():
            r.problems.append(f"{where}, csdq_sdq_{name}: {message}")
        if pid and on and not found:
            plan.sdq.append({"person": pid, "id": row.get("csdq_table_id", ""), "on": _day(on), "score": score,
                             "reason": reason})
    for where, row in r.rows("ssd_cla_substance_misuse"):
        pid = person(where, row, "clas_person_id")
        on = r.when(where, row, "clas_substance_misuse_date", required=True)
        if pid and on:
            plan.substance.append({"person": pid, "id": row.get("clas_substance_misuse_id", ""), "on": _day(on),
                                   "substance": row.get("clas_substance_misused", "")[:100] or "Not recorded",
                                   "help": yes_no(row.get("clas_intervention_received", ""))})
    for where, row in r.rows("ssd_cla_immunisations"):
        pid = person(where, row, "clai_person_id")
        on = r.when(where, row, "clai_immunisations_status_date")
        if pid:
            plan.immunisations.append({"person": pid, "id": row.get("clai_immunisations_id", ""),
                                       "on": _day(on) or timezone.localdate(),
                                       "up_to_date": yes_no(row.get("clai_immunisations_status", ""))})
    for where, row in r.rows("ssd_linked_identifiers"):
        pid = person(where, row, "link_person_id")
        kind, value = row.get("link_identifier_type", "").strip(), row.get("link_identifier_value", "").strip()
        if not value:
            r.problems.append(f"{where}, link_identifier_value: missing")
        start, end = r.when(where, row, "link_valid_from_date"), r.when(where, row, "link_valid_to_date")
        if pid and value:
            plan.identifiers.append({"person": pid, "id": row.get("link_table_id", ""), "type": kind[:40] or "Other",
                                     "value": value[:60], "from": _day(start), "to": _day(end)})


def save_health(plan: Plan, people: dict[str, YoungPerson]) -> None:
    """The health tables and other agencies' identifiers; a row already imported (same SSD id) is left alone."""
    for c in plan.health_checks:
        HealthCheck.objects.get_or_create(young_person=people[c["person"]], ssd_id=c["id"] or f"{c['kind']}:{c['on']}",
                                          defaults={"kind": c["kind"], "on": c["on"], "status": c["status"]})
    for q in plan.sdq:
        SDQScore.objects.get_or_create(young_person=people[q["person"]], ssd_id=q["id"] or f"sdq:{q['on']}",
                                       defaults={"completed_on": q["on"], "score": q["score"], "reason": q["reason"]})
    for m in plan.substance:
        SubstanceMisuse.objects.get_or_create(young_person=people[m["person"]], ssd_id=m["id"] or f"sm:{m['on']}",
                                              defaults={"recorded_on": m["on"], "substance": m["substance"],
                                                        "intervention_received": m["help"]})
    for i in plan.immunisations:
        Immunisation.objects.get_or_create(young_person=people[i["person"]], ssd_id=i["id"] or f"imm:{i['on']}",
                                           defaults={"recorded_on": i["on"], "up_to_date": i["up_to_date"]})
    for link in plan.identifiers:
        yp = people[link["person"]]
        LinkedIdentifier.objects.get_or_create(young_person=yp, identifier_type=link["type"], value=link["value"],
                                               defaults={"valid_from": link["from"], "valid_to": link["to"],
                                                         "ssd_id": link["id"]})
        kind = link["type"].lower()
        if kind == "nhs number" and not yp.nhs_number:
            YoungPerson.objects.filter(pk=yp.pk).update(nhs_number=link["value"][:10])
        elif kind == "unique pupil number" and not yp.upn:
            YoungPerson.objects.filter(pk=yp.pk).update(upn=link["value"][:13])
        elif kind == "home office registration":
            ImmigrationCase.objects.filter(young_person=yp).update(home_office_reference=link["value"][:40])


def _team(name: str) -> Team | None:
    if not name:
        return None
    team = Team.objects.filter(name=name).first()
    if team is None:
        locality = Locality.objects.order_by("pk").first()
        if locality is None:
            return None
        team = Team.objects.create(name=name[:80], locality=locality)
    return team


@transaction.atomic
def save(plan: Plan, progress: Callable[[str], None] = lambda _: None) -> dict[str, int]:
    counts = {"young_people": 0, "staff": 0, "allocations": 0, "contacts": 0, "episodes": 0}
    roles: dict[str, str] = {i["prof"]: i["role"] for i in plan.involvements}
    staff: dict[str, User] = {}
    for pid, prof in plan.professionals.items():
        role = Role.PERSONAL_ADVISER if roles.get(pid) == "pa" else Role.SOCIAL_WORKER
        first, _, last = prof["name"].partition(" ")
        user, made = User.objects.get_or_create(staff_id=prof["staff_id"], defaults={
            "username": f"ssd-{prof['staff_id']}"[:150], "first_name": first[:150], "last_name": last[:150],
            "role": role, "password": make_password(None),
            "team": _team(plan.departments.get(prof["team"], prof["team"]))})
        staff[pid] = user
        counts["staff"] += int(made)
    importer = staff[next(iter(staff))] if staff else None
    people: dict[str, YoungPerson] = {}
    for n, (pid, p) in enumerate(plan.people.items(), start=1):
        values = {"date_of_birth": p["dob"], "sex": p["sex"], "ethnicity": p["ethnicity"], "gender": p["gender"]}
        if p["died"]:
            values.update(status=ServiceStatus.DIED, date_of_death=p["died"])
        yp, made = YoungPerson.objects.get_or_create(la_person_id=pid, defaults={
            "first_name": p["first"] or "Not recorded", "last_name": p["last"] or pid, "upn": p["upn"], **values})
        if not made and any(getattr(yp, k) != v for k, v in values.items()):
            YoungPerson.objects.filter(pk=yp.pk).update(**values)
        people[pid] = yp
        counts["young_people"] += int(made)
        if n % 1000 == 0:
            progress(f"  young people: {n} of {len(plan.people)}")
    for e in plan.episodes:
        _, made = CareEpisode.objects.get_or_create(young_person=people[e["person"]], start_date=e["start"], defaults={
            "end_date": e["end"], "reason_new_episode": e["rne"], "cin": e["cin"], "reason_ceased": e["rec"],
            "legal_status": "C2", "placement_type": ""})
        counts["episodes"] += int(made)
    for inv in sorted(plan.involvements, key=lambda i: (i["person"], i["role"], i["start"])):
        yp, worker = people[inv["person"]], staff[inv["prof"]]
        _, made = Allocation.objects.get_or_create(young_person=yp, worker=worker, role=inv["role"],
                                                   start_date=inv["start"],
                                                   defaults={"end_date": inv["end"], "end_reason": inv["reason"]})
        counts["allocations"] += int(made)
    for c in plan.leavers:
        yp = people[c["person"]]
        pa = (Allocation.objects.filter(young_person=yp, role="pa", end_date__isnull=True).select_related("worker")
              .first())
        worker = pa.worker if pa else None
        if c["contact"]:
            _, made = Contact.objects.get_or_create(
                submission_key=f"ssd:{c['person']}:{c['contact'].isoformat()}"[:64],
                defaults={"young_person": yp, "occurred_at": c["contact"], "kind": "phone", "made_by": "pa",
                          "worker": worker, "successful": True, "by_allocated_worker": worker is not None,
                          "note": "Latest contact, imported from the Standard Safeguarding Dataset"})
            counts["contacts"] += int(made)
        since = _day(c["contact"]) or timezone.localdate()
        if c["letter"] and not AccommodationEpisode.objects.filter(young_person=yp, end_date__isnull=True,
                                                                   accom=c["letter"]).exists():
            AccommodationEpisode.objects.create(young_person=yp, start_date=since, accom=c["letter"],
                                                suitable=c["suitable"])
        if c["activity"] and not ActivityEpisode.objects.filter(young_person=yp, end_date__isnull=True,
                                                                activity=c["activity"]).exists():
            ActivityEpisode.objects.create(young_person=yp, start_date=since, activity=c["activity"])
        if c["review"]:
            PathwayPlan.objects.get_or_create(young_person=yp, is_review=True, signed_off_on=c["review"], defaults={
                "status": "signed_off", "started_on": c["review"]})
    for i in plan.immigration:
        YoungPerson.objects.filter(pk=people[i["person"]].pk).update(
            is_uasc=True, immigration_status_start=i["start"], immigration_status_end=i["end"])
        ImmigrationCase.objects.update_or_create(young_person=people[i["person"]], defaults={
            "status": immigration_code(i["status"]), "leave_granted_on": i["start"], "leave_ends_on": i["end"]})
    save_health(plan, people)
    YoungPerson.objects.filter(la_person_id__in=plan.disability).update(has_disability=True)
    for m in plan.missing:
        if importer is not None:
            MissingEpisode.objects.get_or_create(young_person=people[m["person"]], start_date=m["start"],
                                                 defaults={"end_date": m["end"], "recorded_by": importer})
    for yp in people.values():
        yp.refresh_from_db()
        pa = Allocation.objects.filter(young_person=yp, role="pa", end_date__isnull=True).select_related(
            "worker").first()
        if pa and pa.worker.team_id and yp.team_id != pa.worker.team_id:
            YoungPerson.objects.filter(pk=yp.pk).update(team_id=pa.worker.team_id)
        refresh_category(yp)
    progress("Storing the statutory clock's facts")
    refresh_facts(YoungPerson.objects.filter(pk__in=[yp.pk for yp in people.values()], status=ServiceStatus.OPEN))
    return counts
