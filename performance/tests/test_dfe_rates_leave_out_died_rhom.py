"""DIED and RHOM are outside all three DfE-year rates (DOMAIN.md, the DfE's published rates), for a return
imported through ``import_903`` as for rows derived from the record."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from performance.definitions import counted_in_rates

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
# 20th birthday on 1 October 2024, in the 2024-25 collection year; in care from 14 to 18
ROWS = [("A1", "YES", "F1", "D1"), ("A2", "YES", "G4", "U2"), ("A3", "NO", "0", "0"), ("A4", "DIED", "0", "0"),
        ("A5", "RHOM", "0", "0"), ("A6", "YES", "P5", "K1")]


def write_return(directory: Path) -> Path:
    header, episodes, oc3 = [HEADER], [EPISODES], ["CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n"]
    for child, in_touch, activ, accom in ROWS:
        header.append(f"{child},1,01/10/2004,WBRI,,,\n")
        episodes.append(f"{child},01/10/2018,S,C2,N1,U1,PR1,01/10/2022,E17,,,,\n")
        oc3.append(f"{child},01/10/2004,{in_touch},{activ},{accom}\n")
    for name, lines in (("header", header), ("episodes", episodes), ("oc3", oc3)):
        (directory / f"{name}.csv").write_text("".join(lines))
    return directory


def rates(year: str) -> dict[tuple[str, str], tuple[int, int]]:
    out = StringIO()
    call_command("kpis", "--year", year, "--format", "json", stdout=out)
    return {(r["indicator"], r["age_band"]): (r["numerator"], r["denominator"])
            for r in json.loads(out.getvalue())["indicators"]}


def test_died_and_rhom_are_outside_every_rate_of_an_imported_return(db, tmp_path):
    call_command("import_903", str(write_return(tmp_path)), "--year", "2025", stdout=StringIO())
    got = rates("2025")
    # Four young people count in each rate: A1, A2, A3, A6; A4 (DIED) and A5 (RHOM) in none
    assert got[("in_touch", "19-21")] == (3, 4)
    assert got[("eet", "19-21")] == (2, 4)                      # F1 and P5 of four, not of six
    assert got[("eet_adjusted", "19-21")] == (2, 3)             # G4 (illness or disability) left out too
    assert got[("suitable_accommodation", "19-21")] == (2, 4)   # D1 and K1 of four, not of six


def test_the_denominators_agree_as_the_published_totals_do(db, tmp_path):
    """The activity total is never larger than the in-touch total (England 2022, 17-18: 12,350 and 12,330)."""
    call_command("import_903", str(write_return(tmp_path)), "--year", "2025", stdout=StringIO())
    got = rates("2025")
    assert got[("eet", "19-21")][1] <= got[("in_touch", "19-21")][1]


def test_the_rule_in_words():
    assert [code for code in ("YES", "NO", "REFU", "NREQ", "DIED", "RHOM") if not counted_in_rates(code)] == [
        "DIED", "RHOM"]
