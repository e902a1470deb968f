"""Finding people fast (issue 13): partial names with or without accents, preferred name, IDs in part, NHS
number, date of birth, postcode and phone; one character asks for more; a PA opens on their own caseload;
the search box is in the header; an empty team says why."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from people.models import YoungPerson
from people.queries import search_young_people
from people.scope import young_people_for
from people.search_text import fold, search_text_for
from people.tests.helpers import allocate_now, make_yp

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("text, folded", [("Zoë", "zoe"), ("  José  MARÍA ", "jose maria"), ("Łukasz", "lukasz"),
                                          ("Strauß", "strauss"), ("O’Brien", "o'brien"), ("Ørsted", "orsted")])
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_search_line_keeps_digits_and_compact_postcode() -> None:
    line = search_text_for("Zoë", "Brontë", "", "LC0001234", "943 476 5919", "+44 7700 900123", "PR2 5DH")
    assert "zoe" in line and "bronte" in line and "lc0001234" in line
    assert "9434765919" in line and "07700900123" in line and "pr25dh" in line


@pytest.fixture
def people(teams: dict[str, Any]) -> dict[str, YoungPerson]:
    return {
        "abdullah": make_yp(team=teams["north"], first_name="Abdullah", last_name="Rahimi", phone="07700 900123",
                            postcode="PR2 5DH", nhs_number="9434765919", la_person_id="LC0004567"),
        "zoe": make_yp(team=teams["north"], first_name="Zoë", last_name="Brontë", preferred_name="Zed",
                       postcode="BB9 8NU", phone="01772 123456"),
    }


@pytest.mark.parametrize("q, who", [
    ("Abdull", "abdullah"), ("abdull rah", "abdullah"), ("zoe", "zoe"), ("Zoë", "zoe"), ("bronte", "zoe"),
    ("zed", "zoe"), ("4567", "abdullah"), ("lc00045", "abdullah"), ("943 476 5919", "abdullah"),
    ("07700 900123", "abdullah"), ("900123", "abdullah"), ("+44 7700 900123", "abdullah"), ("PR2 5DH", "abdullah"),
    ("pr25dh", "abdullah"), ("BB9", "zoe"),
])
def test_search_finds(q: str, who: str, people: dict[str, YoungPerson], staff: dict[str, Any],
                      today: dt.date) -> None:
    found = set(search_young_people(young_people_for(staff["hos"]), today, q=q))
    assert found == {people[who]}


def test_date_of_birth_and_one_character(people: dict[str, YoungPerson], staff: dict[str, Any],
                                         today: dt.date) -> None:
    qs = young_people_for(staff["hos"])
    zoe = people["zoe"]
    assert set(search_young_people(qs, today, q=zoe.date_of_birth.strftime("%d/%m/%Y"))) >= {zoe}
    with pytest.raises(ValidationError) as exc:
        search_young_people(qs, today, q="a")
    assert "q" in exc.value.message_dict


def test_search_line_follows_an_edit(people: dict[str, YoungPerson]) -> None:
    yp = people["zoe"]
    yp.phone = "07123 456789"
    yp.save(update_fields=["phone"])
    yp.refresh_from_db()
    assert "07123456789" in yp.search_text


def test_list_page_one_character_asks_for_more(client: Any, staff: dict[str, Any], people: Any) -> None:
    client.force_login(staff["hos"])
    page = client.get("/young-people/", {"q": "a"}).content.decode()
    assert "Enter at least 2 characters to search" in page
    assert "govuk-error-message" in page


def test_a_pa_opens_on_their_own_caseload(client: Any, staff: dict[str, Any], people: Any) -> None:
    pa = staff["pa_north"]
    allocate_now(people["zoe"], pa)
    client.force_login(pa)
    page = client.get("/young-people/").content.decode()
    assert "My caseload" in page and "My team" in page
    assert "Zed Brontë" in page and "Abdullah Rahimi" not in page
    team = client.get("/young-people/", {"view": "team"}).content.decode()
    assert "Abdullah Rahimi" in team
    # A search from the header looks across the team
    found = client.get("/young-people/", {"q": "abdull"}).content.decode()
    assert "Abdullah Rahimi" in found


def test_header_has_a_search_box(client: Any, staff: dict[str, Any]) -> None:
    client.force_login(staff["pa_north"])
    page = client.get("/young-people/").content.decode()
    assert 'action="/young-people/"' in page and 'id="app-header-search-q"' in page


def test_an_empty_team_says_why(client: Any, staff: dict[str, Any], teams: dict[str, Any]) -> None:
    client.force_login(staff["hos"])
    empty = teams["south"]
    page = client.get("/young-people/", {"team": empty.pk}).content.decode()
    assert f"Nobody's case is held by {empty.name}" in page
