"""Bringing an authority's SSDA903 history in: header, episodes and OC3 for a year, checked first, all or nothing.

Children are matched on CHILD (the LA person ID); a re-run with the same files changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from accommodation import codes as accom_codes
from leavingcare.imports import ImportProblems
from people import codes
from people.actions import refresh_category
from people.models import CareEpisode, YoungPerson
from returns.models import Oc3Status, Source
from returns.ssda903 import EPISODES, HEADER, OC3, parse_date, read_csv, xml_to_tables

SEXES = {"M": "M", "F": "F", "U": "U", "1": "M", "2": "F"}
ETHNIC = {c for c, _ in codes.ETHNICITY}
LEGAL = {c for c, _ in codes.LEGAL_STATUS}
IN_TOUCH = {c for c, _ in accom_codes.IN_TOUCH}
ACTIV = {c for c, _ in accom_codes.ACTIV} | {"F3", "P3"}
ACCOM_LETTERS = {c for c, _ in accom_codes.ACCOM}


@dataclass
class Parsed:
    header: list[dict[str, Any]] = field(default_factory=list)
    episodes: list[dict[str, Any]] = field(default_factory=list)
    oc3: list[dict[str, Any]] = field(default_factory=list)


def load_tables(directory: Path, problems: list[str]) -> dict[str, tuple[str, list[dict[str, str]]]]:
    """{table: (file name, rows)} from header.csv/episodes.csv/oc3.csv, or the XML file in ``directory``."""
    tables: dict[str, tuple[str, list[dict[str, str]]]] = {}
    for name, columns in (("header", HEADER), ("episodes", EPISODES), ("oc3", OC3)):
        path = directory / f"{name}.csv"
        if path.exists():
            fields, rows = read_csv(path)
            missing = [c for c in columns if c not in fields and not (name == "header" and c in ("MOTHER", "MC_DOB"))]
            if missing:
                problems.append(f"{path.name}: missing columns {', '.join(missing)}")
            tables[name] = (path.name, rows)
    if not tables:
        xml = sorted(directory.glob("*.xml"))
        if not xml:
            problems.append(f"{directory}: no header.csv, episodes.csv, oc3.csv or SSDA903 XML file")
            return {}
        for name, rows in xml_to_tables(xml[0]).items():
            tables[name] = (xml[0].name, rows)
    return tables


def _date(raw: str, where: str, column: str, problems: list[str], required: bool = True) -> dt.date | None:
    if not (raw or "").strip():
        if required:
            problems.append(f"{where}, {column}: missing")
        return None
    try:
        return parse_date(raw)
    except ValueError:
        problems.append(f"{where}, {column}: {raw!r} is not a date (DD/MM/YYYY)")
        return None


def parse(tables: dict[str, tuple[str, list[dict[str, str]]]], problems: list[str], year: int) -> Parsed:
    out = Parsed()
    name, rows = tables.get("header", ("header.csv", []))
    seen: set[str] = set()
    for i, row in enumerate(rows, start=2):
        where = f"{name} row {i}"
        child = (row.get("CHILD") or "").strip()
        if not child:
            problems.append(f"{where}, CHILD: missing")
            continue
        if child in seen:
            problems.append(f"{where}, CHILD: {child} appears twice")
        seen.add(child)
        sex = SEXES.get((row.get("SEX") or "").strip().upper())
        if sex is None:
            problems.append(f"{where}, SEX: {row.get('SEX')!r} is not M, F or U")
        ethnic = (row.get("ETHNIC") or "").strip().upper()
        if ethnic not in ETHNIC:
            problems.append(f"{where}, ETHNIC: {row.get('ETHNIC')!r} is not a DfE ethnicity code")
        dob = _date(row.get("DOB", ""), where, "DOB", problems)
        upn = (row.get("UPN") or "").strip().upper()
        out.header.append({"child": child, "sex": sex, "ethnicity": ethnic, "dob": dob,
                           "upn": "" if upn.startswith("UN") else upn,
                           "mc_dob": _date(row.get("MC_DOB", ""), where, "MC_DOB", problems, required=False)})
    name, rows = tables.get("episodes", ("episodes.csv", []))
    for i, row in enumerate(rows, start=2):
        where = f"{name} row {i}"
        child = (row.get("CHILD") or "").strip()
        if child not in seen:
            problems.append(f"{where}, CHILD: {child!r} is not in the header")
        start = _date(row.get("DECOM", ""), where, "DECOM", problems)
        end = _date(row.get("DEC", ""), where, "DEC", problems, required=False)
        if start and end and end < start:
            problems.append(f"{where}, DEC: the episode ends before it starts")
        ls = (row.get("LS") or "").strip().upper()
        if ls not in LEGAL:
            problems.append(f"{where}, LS: {row.get('LS')!r} is not a legal status code")
        out.episodes.append({"child": child, "start": start, "end": end, "rne": (row.get("RNE") or "S").strip(),
                             "ls": ls, "cin": (row.get("CIN") or "N1").strip(), "place": (row.get("PLACE") or
                                                                                           "").strip(),
                             "provider": (row.get("PLACE_PROVIDER") or "").strip(), "rec": (row.get("REC") or
                                                                                           "").strip(),
                             "rpc": (row.get("REASON_PLACE_CHANGE") or "").strip(),
                             "home": (row.get("HOME_POST") or "").strip(), "pl": (row.get("PL_POST") or "").strip(),
                             "urn": (row.get("URN") or "").strip()})
    name, rows = tables.get("oc3", ("oc3.csv", []))
    for i, row in enumerate(rows, start=2):
        where = f"{name} row {i}"
        child = (row.get("CHILD") or "").strip()
        if child not in seen and not YoungPerson.objects.filter(la_person_id=child).exists():
            problems.append(f"{where}, CHILD: {child!r} is not in the header or already on the system")
        touch = (row.get("IN_TOUCH") or "").strip().upper()
        if touch not in IN_TOUCH:
            problems.append(f"{where}, IN_TOUCH: {row.get('IN_TOUCH')!r} is not YES, NO, DIED, REFU, NREQ or RHOM")
        activ = (row.get("ACTIV") or "0").strip().upper()
        if activ not in ACTIV or (activ in {"F3", "P3"} and year >= 2022):
            problems.append(f"{where}, ACTIV: {row.get('ACTIV')!r} is not an activity code"
                            + (" in this year (F3 and P3 ended in 2022)" if activ in {"F3", "P3"} else ""))
        accom = (row.get("ACCOM") or "0").strip().upper()
        if accom != "0" and not (len(accom) == 2 and accom[0] in ACCOM_LETTERS and accom[1] in "12"):
            problems.append(f"{where}, ACCOM: {row.get('ACCOM')!r} is not a letter and 1 or 2, or 0")
        elif accom[:1] in {"S", "X"} and accom[1:] == "1":
            problems.append(f"{where}, ACCOM: {accom} cannot be suitable (no fixed abode and custody are always 2)")
        dob = _date(row.get("DOB", ""), where, "DOB", problems)
        if dob is not None:
            from returns.oc3 import birthday_in_year

            if birthday_in_year(dob, year) is None:
                problems.append(f"{where}, DOB: {row.get('DOB')} has no 17th to 21st birthday in the year ending "
                                f"31 March {year}: is this the right year's file?")
        out.oc3.append({"child": child, "in_touch": touch, "activity": activ, "accommodation": accom})
    return out


def read(directory: Path, year: int) -> Parsed:
    problems: list[str] = []
    parsed = parse(load_tables(directory, problems), problems, year)
    if problems:
        raise ImportProblems(problems)
    return parsed


@transaction.atomic
def save(parsed: Parsed, year: int, progress: Callable[[str], None] = lambda _: None) -> dict[str, int]:
    counts = {"created": 0, "updated": 0, "episodes": 0, "oc3": 0}
    people: dict[str, YoungPerson] = {}
    for i, h in enumerate(parsed.header, start=1):
        yp = YoungPerson.objects.filter(la_person_id=h["child"]).first()
        values = {"sex": h["sex"], "ethnicity": h["ethnicity"], "date_of_birth": h["dob"], "upn": h["upn"],
                  "first_child_born": h["mc_dob"]}
        if yp is None:
            yp = YoungPerson.objects.create(la_person_id=h["child"], first_name="Imported", last_name=h["child"],
                                            **values)
            counts["created"] += 1
        elif any(getattr(yp, k) != v for k, v in values.items()):
            YoungPerson.objects.filter(pk=yp.pk).update(**values)
            counts["updated"] += 1
        people[h["child"]] = yp
        if i % 1000 == 0:
            progress(f"  header: {i} of {len(parsed.header)}")
    for e in parsed.episodes:
        yp = people[e["child"]]
        _, made = CareEpisode.objects.update_or_create(
            young_person=yp, start_date=e["start"],
            defaults={"end_date": e["end"], "reason_new_episode": e["rne"], "legal_status": e["ls"], "cin": e["cin"],
                      "placement_type": e["place"], "placement_provider": e["provider"], "reason_ceased": e["rec"],
                      "reason_place_change": e["rpc"], "home_postcode": e["home"], "placement_postcode": e["pl"],
                      "urn": e["urn"], "is_short_break": e["ls"] in codes.SHORT_BREAK_LEGAL_STATUSES})
        counts["episodes"] += int(made)
    for yp in people.values():
        yp.refresh_from_db()
        refresh_category(yp)
    for row in parsed.oc3:
        yp = people.get(row["child"]) or YoungPerson.objects.get(la_person_id=row["child"])
        _, made = Oc3Status.objects.update_or_create(
            young_person=yp, year=year, defaults={"in_touch": row["in_touch"], "activity": row["activity"],
                                                  "accommodation": row["accommodation"], "source": Source.IMPORTED})
        counts["oc3"] += int(made)
    return counts
