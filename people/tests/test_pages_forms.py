"""Create and edit forms: messages that name the field, what was typed kept, nothing half-saved."""

from __future__ import annotations

from people.models import CareEpisode, YoungPerson
from people.tests.factories import young_person

VALID = {"la_person_id": "LC9000", "first_name": "Robin", "last_name": "Hart", "date_of_birth_day": "4",
         "date_of_birth_month": "11", "date_of_birth_year": "2007", "sex": "F", "ethnicity": "WBRI"}


def test_create_a_young_person(client, staff, teams):
    client.force_login(staff["tm_north"])
    response = client.post("/young-people/new/", {**VALID, "team": teams["north"].pk})
    yp = YoungPerson.objects.get(la_person_id="LC9000")
    assert response.status_code == 302 and response["Location"] == f"/young-people/{yp.pk}/"


def test_impossible_date_names_the_field_and_keeps_what_was_typed(client, staff):
    client.force_login(staff["tm_north"])
    page = client.post("/young-people/new/", {**VALID, "date_of_birth_day": "31", "date_of_birth_month": "2"})
    html = page.content.decode()
    assert "There is a problem" in html and "Date of birth must be a real date" in html
    assert 'value="Robin"' in html and 'value="31"' in html
    assert html.count("govuk-date-input__input govuk-input--width-2 govuk-input--error") == 2  # the boxes go red
    assert not YoungPerson.objects.filter(la_person_id="LC9000").exists()


def test_duplicate_la_person_id_is_refused(client, staff, teams):
    young_person(teams["north"], la_person_id="LC9000")
    client.force_login(staff["tm_north"])
    html = client.post("/young-people/new/", VALID).content.decode()
    assert "LA person ID LC9000 is already used" in html
    assert YoungPerson.objects.filter(la_person_id="LC9000").count() == 1


def test_episode_ending_before_it_starts_is_refused(client, staff, teams):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    client.force_login(staff["pa_north"])
    before = CareEpisode.objects.count()
    html = client.post(f"/young-people/{yp.pk}/care-history/new/", {
        "start_date_day": "1", "start_date_month": "6", "start_date_year": "2023", "end_date_day": "1",
        "end_date_month": "1", "end_date_year": "2023", "legal_status": "V2", "placement_type": "U1",
        "reason_new_episode": "S"}).content.decode()
    assert "There is a problem" in html and CareEpisode.objects.count() == before


def test_reallocation_needs_a_reason(client, staff, teams, today):
    yp = young_person(teams["north"], pa=staff["pa_north"])
    client.force_login(staff["tm_north"])
    form = {"role": "pa", "worker": staff["pa_north2"].pk, "start_date_day": today.day,
            "start_date_month": today.month, "start_date_year": today.year, "reason": ""}
    refused = client.post(f"/young-people/{yp.pk}/allocate/", form).content.decode()
    assert "Give a reason for the reallocation" in refused
    client.post(f"/young-people/{yp.pk}/allocate/", {**form, "reason": "Worker moved team"})
    current = yp.allocations.get(role="pa", end_date__isnull=True)
    assert current.worker == staff["pa_north2"]
    assert yp.allocations.get(worker=staff["pa_north"]).end_reason == "Worker moved team"
