"""Record a move (issue 13): nothing preselected for suitability, the district list has no "---------", the new
home's address and provider and postcode are taken, the note shows in the history, the summary follows."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.models import AuditEvent
from people.tests.factories import young_person

pytestmark = pytest.mark.django_db


def test_the_move_form_preselects_nothing_and_has_no_dashes(client, staff, teams):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    client.force_login(staff["pa_north"])
    page = client.get(f"/accommodation/young-person/{yp.pk}/move/").content.decode()
    assert "---------" not in page and "Not recorded" in page
    suitable = page[page.index('name="suitable"') - 200:page.index("Not known")]
    assert "checked" not in suitable
    assert "Address and provider of the new home" in page


def test_a_move_without_suitability_is_refused(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1))
    client.force_login(staff["pa_north"])
    html = client.post(f"/accommodation/young-person/{yp.pk}/move/", {
        "start_date_day": today.day, "start_date_month": today.month, "start_date_year": today.year,
        "accom": "B"}).content.decode()
    assert "Select is it suitable?" in html or "Select is it suitable" in html


def test_new_address_postcode_and_note_show_on_the_record(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2005, 1, 1), postcode="PR1 1AA")
    client.force_login(staff["pa_north"])
    response = client.post(f"/accommodation/young-person/{yp.pk}/move/", {
        "start_date_day": today.day, "start_date_month": today.month, "start_date_year": today.year,
        "accom": "U", "suitable": "yes", "address": "Flat 2, 10 Fishergate\nCommunity Gateway", "postcode": "pr25dh",
        "note": "Keys collected with her PA"})
    assert response.status_code == 302
    history = client.get(f"/accommodation/young-person/{yp.pk}/").content.decode()
    assert "Keys collected with her PA" in history and "Community Gateway" in history
    yp.refresh_from_db()
    assert yp.postcode == "PR2 5DH" and yp.version == 2
    assert "PR2 5DH" in client.get(f"/young-people/{yp.pk}/").content.decode()
    change = AuditEvent.objects.filter(object_type="people.YoungPerson", action="change").latest("pk")
    assert change.detail["postcode"] == {"old": "PR1 1AA", "new": "PR2 5DH"}
