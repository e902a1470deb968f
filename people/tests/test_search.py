"""Search and filters for lists of young people (shared by pages and API)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from people.models import YoungPerson
from people.queries import parse_date, search_young_people
from people.scope import young_people_for
from people.tests.helpers import make_yp

pytestmark = pytest.mark.django_db


def test_search_by_name_id_and_date(staff: dict[str, Any], teams: dict[str, Any], today: dt.date) -> None:
    a = make_yp(age=17, team=teams["north"], first_name="Jamie", last_name="O'Neill")
    b = make_yp(age=22, team=teams["south"], first_name="Priya", last_name="Shah", preferred_name="Pri",
                status="stepped_down")
    qs = young_people_for(staff["hos"])

    def find(**kw: Any) -> set[YoungPerson]:
        return set(search_young_people(qs, today, **kw))

    assert find(q="jamie o'neill") == {a}
    assert find(q="pri") == {b}
    assert find(q=b.la_person_id.lower()) == {b}
    assert find(q=a.date_of_birth.strftime("%d/%m/%Y")) == {a}
    assert find(age_band="16-17") == {a}
    assert find(status="stepped_down") == {b}
    assert find(team=str(teams["south"].pk)) == {b}
    assert find(category="former_relevant") == {b}
    for bad in ({"age_band": "old"}, {"team": "x"}, {"status": "gone"}, {"category": "maybe"}):
        with pytest.raises(ValidationError) as exc:
            find(**bad)
        assert list(exc.value.message_dict) == list(bad)


@pytest.mark.parametrize(("text", "day"), [("2007-03-05", dt.date(2007, 3, 5)), ("05/03/2007", dt.date(2007, 3, 5)),
                                           ("5-3-2007", dt.date(2007, 3, 5)), ("31/02/2007", None), ("Sam", None)])
def test_parse_date(text: str, day: dt.date | None) -> None:
    assert parse_date(text) == day
