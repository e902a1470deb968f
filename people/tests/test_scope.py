"""Need to know: each role sees exactly the records it should, on pages and through the one scope."""

from __future__ import annotations

import pytest

from people.scope import young_people_for
from people.tests.factories import young_person


@pytest.fixture
def cohort(staff, teams):
    return {
        "north_pa1": young_person(teams["north"], pa=staff["pa_north"], la_person_id="N1"),
        "north_pa2": young_person(teams["north"], pa=staff["pa_north2"], la_person_id="N2"),
        "south": young_person(teams["south"], pa=staff["pa_south"], la_person_id="S1"),
        "south_with_north_sw": young_person(teams["south"], sw=staff["sw_north"], la_person_id="S2"),
    }


@pytest.mark.parametrize("who, sees", [
    ("pa_north", {"N1", "N2"}),                 # own caseload and own team
    ("sw_north", {"N1", "N2", "S2"}),           # own team, and own caseload in another team
    ("pa_south", {"S1", "S2"}),
    ("tm_north", {"N1", "N2"}),                 # the teams they manage
    ("tm_south", {"S1", "S2"}),
    ("hos", {"N1", "N2", "S1", "S2"}),          # everyone
    ("housing", {"N1", "N2", "S1", "S2"}),
    ("finance", {"N1", "N2", "S1", "S2"}),
    ("analyst", set()),                         # aggregates only, never names
    ("admin", set()),
])
def test_each_role_sees_exactly(cohort, staff, who, sees):
    assert set(young_people_for(staff[who]).values_list("la_person_id", flat=True)) == sees


@pytest.mark.parametrize("who, status", [("pa_north", 200), ("pa_south", 404), ("tm_south", 404), ("hos", 200),
                                         ("analyst", 404)])
def test_summary_page_follows_the_scope(client, cohort, staff, who, status):
    client.force_login(staff[who])
    assert client.get(f"/young-people/{cohort['north_pa1'].pk}/").status_code == status


def test_refresh_categories_catches_up_with_birthdays(db, teams):
    import datetime as dt
    from io import StringIO

    from django.core.management import call_command

    yp = young_person(teams["north"], dob=dt.date(2008, 1, 1), in_care=(dt.date(2022, 1, 1), dt.date(2025, 6, 1)))
    out = StringIO()
    call_command("refresh_categories", "--as-at", "2026-01-02", stdout=out)
    yp.refresh_from_db()
    assert yp.category == "former_relevant" and "categories changed" in out.getvalue()


def test_cases_close_at_25(db, teams):
    import datetime as dt
    from io import StringIO

    from django.core.management import call_command

    older = young_person(teams["north"], dob=dt.date(2001, 1, 1))
    younger = young_person(teams["north"], dob=dt.date(2001, 1, 3))
    call_command("refresh_categories", "--as-at", "2026-01-02", stdout=StringIO())
    older.refresh_from_db()
    younger.refresh_from_db()
    assert (older.status, younger.status) == ("closed", "open")
