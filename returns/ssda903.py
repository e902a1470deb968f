"""SSDA903 files: header, episodes and OC3, in the DfE's column names and formats (dates DD/MM/YYYY).

The export covers a collection year (1 April to 31 March): episodes open at any time in the year, the header
row of every child in them or in the OC3 cohort, and the OC3 rows (recorded or imported rows as they are,
otherwise derived by ``returns.oc3``).
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db.models import Q

from leavingcare import csvsafe
from people.models import CareEpisode, YoungPerson
from performance.definitions import collection_year
from returns.models import Oc3Status

HEADER = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
EPISODES = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE",
            "HOME_POST", "PL_POST", "URN"]
OC3 = ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]


def d(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


@dataclass(frozen=True)
class Export:
    header: int
    episodes: int
    oc3: int
    people: frozenset[int] = frozenset()  # whose data is in the files, for the audit log


def export(year: int, out: Path, refresh: bool = True) -> Export:
    from returns.oc3 import refresh_derived

    if refresh:
        refresh_derived(year)
    first, last = collection_year(year)
    out.mkdir(parents=True, exist_ok=True)
    episodes = (CareEpisode.objects.filter(start_date__lte=last).filter(Q(end_date__isnull=True) |
                                                                        Q(end_date__gte=first))
                .select_related("young_person").order_by("young_person__la_person_id", "start_date"))
    oc3 = Oc3Status.objects.filter(year=year).select_related("young_person").order_by("young_person__la_person_id")
    people_ids = set(episodes.values_list("young_person_id", flat=True)) | set(oc3.values_list("young_person_id",
                                                                                                flat=True))
    with open(out / "header.csv", "w", newline="") as f:
        w = csvsafe.writer(f)
        w.writerow(HEADER)
        people = YoungPerson.objects.filter(pk__in=people_ids).order_by("la_person_id")
        # The last day each child was looked after in the year (31 March if still looked after)
        looked_after: dict[int, dt.date] = {}
        for pk, end in episodes.values_list("young_person_id", "end_date"):
            until = end if end and end <= last else last
            looked_after[pk] = max(looked_after.get(pk, until), until)
        n_header = 0
        for yp in people.iterator(chunk_size=2000):
            # MOTHER: completed for girls and young women (1 if a mother), blank otherwise; a missing UPN is
            # returned as UN4 (not yet obtained)
            # (only for those looked after in the year: 903 rule 628)
            # a mother while looked after (903 rules 611, 625: MC_DOB by the end of care or of the year)
            is_mother = yp.first_child_born is not None and yp.first_child_born <= looked_after.get(yp.pk, last)
            mother = ("1" if is_mother else "0") if yp.sex == "F" and yp.pk in looked_after else ""
            w.writerow([yp.la_person_id, yp.sex, d(yp.date_of_birth), yp.ethnicity, yp.upn or "UN4", mother,
                        d(yp.first_child_born) if mother == "1" else ""])
            n_header += 1
    with open(out / "episodes.csv", "w", newline="") as f:
        w = csvsafe.writer(f)
        w.writerow(EPISODES)
        n_episodes = 0
        for e in episodes.iterator(chunk_size=2000):
            # An episode that ends after the year is still open at 31 March, as the return sees it
            ended = e.end_date if e.end_date and e.end_date <= last else None
            w.writerow([e.young_person.la_person_id, d(e.start_date), e.reason_new_episode, e.legal_status, e.cin,
                        e.placement_type, e.placement_provider, d(ended), e.reason_ceased if ended else "",
                        e.reason_place_change, e.home_postcode, e.placement_postcode, e.urn])
            n_episodes += 1
    with open(out / "oc3.csv", "w", newline="") as f:
        w = csvsafe.writer(f)
        w.writerow(OC3)
        n_oc3 = 0
        for row in oc3.iterator(chunk_size=2000):
            w.writerow([row.young_person.la_person_id, d(row.young_person.date_of_birth), row.in_touch,
                        row.activity or "0", row.accommodation or "0"])
            n_oc3 += 1
    return Export(n_header, n_episodes, n_oc3, frozenset(people_ids))


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(text.splitlines())
    return list(reader.fieldnames or []), [dict(r) for r in reader]


def parse_date(raw: str) -> dt.date:
    raw = raw.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ValueError(raw)


def xml_to_tables(path: Path) -> dict[str, list[dict[str, str]]]:
    """The SSDA903 XML (<Children><Child><Header/><Episodes><Episode/>...<OC3/></Child>) as the three tables."""
    import xml.etree.ElementTree as ET

    tables: dict[str, list[dict[str, str]]] = {"header": [], "episodes": [], "oc3": []}
    for child in ET.parse(path).getroot().iter("CHILD"):
        def val(node: Any, tag: str) -> str:
            found = node.find(tag)
            return (found.text or "").strip() if found is not None and found.text else ""

        header = child.find("HEADER")
        child_id = val(header, "CHILD") if header is not None else ""
        if header is not None:
            tables["header"].append({c: val(header, c) for c in HEADER})
        for ep in child.iter("EPISODE"):
            tables["episodes"].append({"CHILD": child_id, **{c: val(ep, c) for c in EPISODES if c != "CHILD"}})
        oc3 = child.find("OC3")
        if oc3 is not None:
            tables["oc3"].append({"CHILD": child_id, "DOB": val(header, "DOB") if header is not None else "",
                                  **{c: val(oc3, c) for c in OC3 if c not in ("CHILD", "DOB")}})
    return tables
