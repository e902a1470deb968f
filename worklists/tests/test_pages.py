"""Worklist pages: a PA sees their own items; a manager their teams', with counts and caseload bands."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from contacts.models import Contact
from people.tests.factories import young_person
from worklists.caseloads import band_for


def overdue_for(pa, team, n=1):
    people = []
    for _ in range(n):
        yp = young_person(team, pa=pa, dob=dt.date(2005, 1, 1))
        Contact.objects.create(young_person=yp, occurred_at=timezone.now() - dt.timedelta(days=90), kind="phone",
                               made_by="pa", worker=pa)
        people.append(yp)
    return people


def test_my_worklist_shows_my_overdue_contacts_only(client, staff, teams):
    mine = overdue_for(staff["pa_north"], teams["north"])[0]
    other = overdue_for(staff["pa_north2"], teams["north"])[0]
    client.force_login(staff["pa_north"])
    page = client.get("/worklists/").content.decode()
    assert mine.display_name in page and other.display_name not in page
    assert "Personal adviser contact" in page and "Overdue" in page


def test_team_worklist_counts_and_caseloads(client, staff, teams):
    overdue_for(staff["pa_north"], teams["north"], 2)
    overdue_for(staff["pa_south"], teams["south"], 1)
    client.force_login(staff["tm_north"])
    page = client.get("/worklists/team/").content.decode()
    assert "North Leaving Care Team" in page and "South Leaving Care Team" not in page
    assert "Caseloads" in page and "Outstanding" in page


def test_worklist_query_count_does_not_grow(client, staff, teams, django_assert_max_num_queries):
    overdue_for(staff["pa_north"], teams["north"], 2)
    client.force_login(staff["tm_north"])
    with django_assert_max_num_queries(48) as small:
        client.get("/worklists/team/")
    overdue_for(staff["pa_north"], teams["north"], 25)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/worklists/team/")


def test_caseload_bands_follow_the_thresholds():
    bounds = {"Outstanding": 27, "Good": 28, "Requires Improvement": 30}
    assert [band_for(n, bounds) for n in (12, 27, 28, 29, 30, 31)] == [
        "Outstanding", "Outstanding", "Good", "Requires Improvement", "Requires Improvement", "Inadequate"]
