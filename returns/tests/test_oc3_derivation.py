"""The OC3 rows worked out in the database are exactly those the written-out rules (``returns.oc3.derive``) give."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from accommodation.models import AccommodationEpisode, ActivityEpisode
from contacts.models import Contact
from people.tests.factories import young_person
from returns.models import Oc3Status, Source
from returns.oc3 import Oc3Row, derive_all, refresh_derived


def stored(year: int) -> set[Oc3Row]:
    return {Oc3Row(r.young_person_id, 0, r.in_touch, r.activity, r.accommodation, r.contact_date)
            for r in Oc3Status.objects.filter(year=year, source=Source.DERIVED)}


def expected(year: int) -> set[Oc3Row]:
    return {Oc3Row(r.young_person_id, 0, r.in_touch, r.activity, r.accommodation, r.contact_date)
            for r in derive_all(year)}


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_database_derivation_agrees_with_the_rules_on_the_demo_cohort(db, year):
    call_command("demo_data", "--young-people", "600", "--seed", "5", "--as-at", "2025-11-01",
                 "--skip", "money", stdout=StringIO())
    want = expected(year)
    assert refresh_derived(year) == len(want)
    assert stored(year) == want
    assert {r.in_touch for r in want} >= {"YES", "NO"}  # the cohort exercises more than one status


def at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(23, 30)))  # late evening: the local date counts


def test_edge_cases_agree(staff, teams):
    t, pa = teams["north"], staff["pa_north"]
    care = (dt.date(2020, 1, 1), dt.date(2022, 1, 1))
    # 29 February birthday: the 18th falls on 1 March 2022; contact on the window's last day (1 April)
    leap = young_person(t, pa=pa, dob=dt.date(2004, 2, 29), in_care=care)
    Contact.objects.create(young_person=leap, occurred_at=at(dt.date(2022, 4, 1)), kind="phone", made_by="pa",
                           worker=pa)
    # two homes starting the same day, the later one recorded wins; contact on the day a home ends
    homes = young_person(t, pa=pa, dob=dt.date(2003, 6, 1), in_care=(dt.date(2019, 1, 1), dt.date(2021, 5, 1)))
    AccommodationEpisode.objects.create(young_person=homes, start_date=dt.date(2021, 5, 1), accom="Z", suitable=True)
    AccommodationEpisode.objects.create(young_person=homes, start_date=dt.date(2021, 5, 1), accom="S", suitable=True)
    ActivityEpisode.objects.create(young_person=homes, start_date=dt.date(2021, 5, 1), end_date=dt.date(2021, 6, 1),
                                   activity="F2")
    Contact.objects.create(young_person=homes, occurred_at=at(dt.date(2021, 6, 1)), kind="phone", made_by="sw",
                           worker=pa)
    # died in the window; stepped down without contact; an unsuccessful contact only
    care = (dt.date(2020, 1, 1), dt.date(2021, 6, 1))
    young_person(t, dob=dt.date(2003, 9, 1), in_care=care, date_of_death=dt.date(2021, 10, 1))
    young_person(t, dob=dt.date(2003, 10, 1), in_care=care, status="stepped_down")
    tried = young_person(t, pa=pa, dob=dt.date(2003, 11, 1), in_care=care)
    Contact.objects.create(young_person=tried, occurred_at=at(dt.date(2021, 11, 1)), kind="phone", made_by="pa",
                           worker=pa, successful=False)
    # a recorded row is kept as it is and not derived again
    kept = young_person(t, pa=pa, dob=dt.date(2003, 12, 1), in_care=care)
    Oc3Status.objects.create(young_person=kept, year=2022, in_touch="REFU", activity="0", accommodation="0")
    assert refresh_derived(2022) == len(expected(2022)) == 5
    assert stored(2022) == expected(2022)
    by_person = {r.young_person_id: r for r in stored(2022)}
    assert by_person[leap.pk].in_touch == "YES" and by_person[leap.pk].contact_date == dt.date(2022, 4, 1)
    assert (by_person[homes.pk].accommodation, by_person[homes.pk].activity) == ("S2", "F2")
    assert Oc3Status.objects.get(young_person=kept).in_touch == "REFU"


def test_a_second_run_keeps_unchanged_rows_and_rewrites_changed_ones(staff, teams):
    t, pa = teams["north"], staff["pa_north"]
    care = (dt.date(2020, 1, 1), dt.date(2021, 6, 1))
    quiet = young_person(t, pa=pa, dob=dt.date(2003, 9, 1), in_care=care)
    steady = young_person(t, pa=pa, dob=dt.date(2003, 10, 1), in_care=care)
    Contact.objects.create(young_person=steady, occurred_at=at(dt.date(2021, 9, 20)), kind="phone", made_by="pa",
                           worker=pa)
    refresh_derived(2022)
    before = {r.young_person_id: r.pk for r in Oc3Status.objects.filter(year=2022)}
    Contact.objects.create(young_person=quiet, occurred_at=at(dt.date(2021, 8, 20)), kind="phone", made_by="pa",
                           worker=pa)
    assert refresh_derived(2022) == 2
    after = {r.young_person_id: r for r in Oc3Status.objects.filter(year=2022)}
    assert after[steady.pk].pk == before[steady.pk]  # unchanged: not written again
    assert after[quiet.pk].in_touch == "YES" and after[quiet.pk].contact_date == dt.date(2021, 8, 20)
    assert stored(2022) == expected(2022)
