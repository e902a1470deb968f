"""'Young people': search, filters, need-to-know and a query count that does not grow with the caseload."""

from __future__ import annotations

import datetime as dt

from people.tests.factories import young_person


def test_pa_sees_own_team_and_finds_by_name_id_and_date_of_birth(client, staff, teams):
    mine = young_person(teams["north"], first_name="Jordan", last_name="Okafor", pa=staff["pa_north"],
                        la_person_id="LC4242", dob=dt.date(2006, 3, 27))
    young_person(teams["south"], first_name="Jordan", last_name="Elsewhere", pa=staff["pa_south"])
    client.force_login(staff["pa_north"])
    page = client.get("/young-people/").content.decode()
    assert "Jordan Okafor" in page and "Jordan Elsewhere" not in page
    for q in ["jordan ok", "LC4242", "27/03/2006", "27 March 2006"]:
        found = client.get("/young-people/", {"q": q}).content.decode()
        assert "Jordan Okafor" in found, q
    assert "Jordan Okafor" not in client.get("/young-people/", {"q": "28/03/2006"}).content.decode()
    assert mine.pk


def test_filters_by_age_band_and_status(client, staff, teams, today):
    young_person(teams["north"], first_name="Younger", dob=today.replace(year=today.year - 17) - dt.timedelta(days=3))
    young_person(teams["north"], first_name="Older", dob=today.replace(year=today.year - 22))
    client.force_login(staff["tm_north"])
    page = client.get("/young-people/", {"age_band": "16-17"}).content.decode()
    assert "Younger" in page and "Older" not in page
    assert "Younger" not in client.get("/young-people/", {"status": "closed"}).content.decode()


def test_analyst_cannot_see_names(client, staff):
    client.force_login(staff["analyst"])
    assert client.get("/young-people/").status_code == 403


def test_query_count_does_not_grow_with_caseload(client, staff, teams, django_assert_max_num_queries):
    client.force_login(staff["pa_north"])
    for _ in range(3):
        young_person(teams["north"], pa=staff["pa_north"])
    with django_assert_max_num_queries(14) as small:
        client.get("/young-people/")
    for _ in range(40):
        young_person(teams["north"], pa=staff["pa_north"])
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/young-people/")
