"""A cohort imported through ``import_ssd`` around the 25th birthday: counted, listed and left open only until
the day before it; the daily job (``refresh_categories``) closes the rest, each closure audit-logged."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

from django.core.management import call_command

from audit.models import AuditEvent
from people.eligibility import birthday
from people.models import YoungPerson
from returns.tests.test_ssd_import import FILES, write


def _born(today: dt.date, days_to_25th: int) -> dt.date:
    day = today + dt.timedelta(days=days_to_25th)
    return birthday(day, -25) if not (day.month == 2 and day.day == 29) else dt.date(day.year - 25, 3, 1)


def test_an_imported_cohort_stops_at_the_25th_birthday(authority, tmp_path, today):
    people = {"B1": 1, "B2": 0, "B3": -1}  # 25th birthday tomorrow, today, yesterday
    person = FILES["ssd_person"].splitlines()[0] + "\n" + "".join(
        f"{p},F,,WBRI,{_born(today, d).isoformat()},\n" for p, d in people.items())
    episodes = FILES["ssd_cla_episodes"].splitlines()[0] + "\n" + "".join(
        f"E{p},{p},{birthday(_born(today, d), 15).isoformat()},S,N1,{birthday(_born(today, d), 18).isoformat()},E17\n"
        for p, d in people.items())
    involvements = FILES["ssd_involvements"].splitlines()[0] + "\n" + "".join(
        f"I{p},P1,Personal Advisor,T1,{p},{(today - dt.timedelta(days=400)).isoformat()},,\n" for p in people)
    leavers = FILES["ssd_care_leavers"].splitlines()[0] + "\n" + "".join(
        f"L{p},{p},Former relevant,YES,{(today - dt.timedelta(days=10)).isoformat()} 10:00:00,U,Suitable,F5,\n"
        for p in people)
    write(tmp_path, ssd_person=person, ssd_cla_episodes=episodes, ssd_involvements=involvements,
          ssd_care_leavers=leavers, ssd_immigration_status=FILES["ssd_immigration_status"].splitlines()[0] + "\n",
          ssd_disability=FILES["ssd_disability"].splitlines()[0] + "\n")
    call_command("import_ssd", str(tmp_path), stdout=StringIO())
    assert YoungPerson.objects.count() == 3

    out = StringIO()
    call_command("kpis", "--as-at", today.isoformat(), "--format", "json", stdout=out)
    band = next(r for r in json.loads(out.getvalue())["indicators"]
                if r["indicator"] == "in_touch" and r["age_band"] == "22-25")
    assert (band["numerator"], band["denominator"]) == (1, 1)  # B1 only

    out = StringIO()
    call_command("refresh_categories", stdout=out)
    assert "2 cases closed at 25" in out.getvalue()
    status = dict(YoungPerson.objects.values_list("la_person_id", "status"))
    assert status == {"B1": "open", "B2": "closed", "B3": "closed"}
    reasons = AuditEvent.objects.filter(object_type="people.YoungPerson", detail__reason="Reached 25")
    assert sorted(reasons.values_list("young_person__la_person_id", flat=True)) == ["B2", "B3"]

    out = StringIO()
    call_command("refresh_categories", stdout=out)
    assert "0 cases closed at 25" in out.getvalue()  # idempotent
