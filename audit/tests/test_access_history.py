"""Access history: a manager sees who looked at and changed a record, with old and new values."""

from __future__ import annotations

from people import actions
from people.tests.factories import young_person


def test_manager_sees_views_and_field_changes(client, staff, teams):
    yp = young_person(teams["north"], pa=staff["pa_north"], phone="0111")
    client.force_login(staff["pa_north"])
    client.get(f"/young-people/{yp.pk}/")
    actions.update_young_person(staff["pa_north"], yp, phone="0222")
    client.force_login(staff["tm_north"])
    page = client.get(f"/audit/young-person/{yp.pk}/").content.decode()
    assert "Pa_North Tester" in page and "Viewed" in page and "0111 → 0222" in page


def test_caseworkers_cannot_open_access_history(client, staff, teams):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    client.force_login(staff["pa_north"])
    assert client.get(f"/audit/young-person/{yp.pk}/").status_code == 403
