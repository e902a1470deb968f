"""`manage.py kpis`: counts a person would get by hand, as at a date and for a DfE year."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from accommodation.models import AccommodationEpisode, ActivityEpisode
from contacts.models import Contact
from people.tests.factories import young_person
from returns.models import Oc3Status

AS_AT = dt.date(2025, 6, 15)


def kpis(*args: str) -> dict:
    out = StringIO()
    call_command("kpis", *args, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def find(result: dict, indicator: str, band: str) -> tuple:
    row = next(r for r in result["indicators"] if r["indicator"] == indicator and r["age_band"] == band)
    return row["numerator"], row["denominator"], row["percent"]


def leaver(team, pa, dob, contact_on=None, accom=None, suitable=None, activity=None, **extra):
    yp = young_person(team, pa=pa, dob=dob, **extra)
    if contact_on:
        Contact.objects.create(young_person=yp, occurred_at=timezone.make_aware(dt.datetime.combine(contact_on,
                               dt.time(10))), kind="phone", made_by="pa", worker=pa)
    if accom:
        AccommodationEpisode.objects.create(young_person=yp, start_date=dob.replace(year=dob.year + 17), accom=accom,
                                            suitable=suitable)
    if activity:
        ActivityEpisode.objects.create(young_person=yp, start_date=dob.replace(year=dob.year + 17), activity=activity)
    return yp


def test_as_at_counts_by_band(staff, teams):
    t, pa = teams["north"], staff["pa_north"]
    leaver(t, pa, dt.date(2007, 1, 1), AS_AT - dt.timedelta(days=10), "D", True, "F2")   # 18: all good
    leaver(t, pa, dt.date(2007, 1, 1), AS_AT - dt.timedelta(days=70), "S", False, "G6")   # 18: out of touch
    leaver(t, pa, dt.date(2005, 1, 1), AS_AT - dt.timedelta(days=5), "U", True, "G5")     # 20
    leaver(t, pa, dt.date(2005, 1, 1), None, None, None, None, status="stepped_down")     # left out
    result = kpis("--as-at", AS_AT.isoformat())
    assert result["method"] == "as_at" and result["as_at"] == "2025-06-15"
    assert find(result, "in_touch", "17-18") == (1, 2, 50.0)
    assert find(result, "suitable_accommodation", "17-18") == (1, 2, 50.0)
    assert find(result, "eet", "17-18") == (1, 2, 50.0)
    assert find(result, "eet_adjusted", "17-18") == (1, 1, 100.0)
    assert find(result, "eet", "19-21") == (0, 1, 0.0)
    assert find(result, "in_touch", "22-25") == (0, 0, None)


def test_dfe_year_derives_status_around_the_birthday(staff, teams):
    t, pa = teams["north"], staff["pa_north"]
    # 18th birthday 1 July 2024 (in year 2025), left care at 17 and a half, contact 3 weeks before the birthday
    leaver(t, pa, dt.date(2006, 7, 1), dt.date(2024, 6, 10), "Z", True, "F2",
           in_care=(dt.date(2020, 7, 1), dt.date(2024, 1, 2)))
    # 18th birthday in the year but left care on it: not in the OC3 cohort (903 rule 1016)
    leaver(t, pa, dt.date(2006, 8, 1), dt.date(2024, 7, 20), "Z", True, "F2")
    # 19th birthday in the year, contact 5 months before: not in touch
    leaver(t, pa, dt.date(2005, 9, 1), dt.date(2024, 4, 1), "U", True, "F5")
    result = kpis("--year", "2025")
    assert result == {**result, "method": "dfe_year", "year": 2025}
    assert find(result, "in_touch", "17-18") == (1, 1, 100.0)
    assert find(result, "suitable_accommodation", "17-18") == (1, 1, 100.0)
    assert find(result, "in_touch", "19-21") == (0, 1, 0.0)
    assert find(result, "eet", "19-21") == (0, 1, 0.0)  # not known counts in the denominator


def test_dfe_year_uses_imported_oc3_rows_as_they_are(staff, teams):
    t = teams["north"]
    rates = [("YES", "F1", "D1"), ("YES", "G4", "G0"), ("REFU", "0", "0"), ("DIED", "0", "0"), ("YES", "P5", "U2")]
    for in_touch, activ, accom in rates:
        yp = young_person(t, dob=dt.date(2004, 10, 1))  # 20th birthday in 2024-25
        Oc3Status.objects.create(young_person=yp, year=2025, in_touch=in_touch, activity=activ,
                                 accommodation=accom, source="imported")
    result = kpis("--year", "2025")
    assert find(result, "in_touch", "19-21") == (3, 4, 75.0)               # DIED left out
    assert find(result, "suitable_accommodation", "19-21") == (1, 3, 33.3)  # DIED and G left out
    assert find(result, "eet", "19-21") == (2, 4, 50.0)                     # DIED outside this rate too
    assert find(result, "eet_adjusted", "19-21") == (2, 3, 66.7)
