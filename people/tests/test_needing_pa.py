"""The worklist of young people who reached the PA co-allocation age with no PA, within the viewer's scope."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from org.models import Authority
from people.eligibility import birthday
from people.queries import needing_pa
from people.tests.helpers import allocate_now, make_yp

pytestmark = pytest.mark.django_db


def test_needing_pa(staff: dict[str, Any], teams: dict[str, Any], today: dt.date) -> None:
    north = teams["north"]
    waiting = make_yp(age=17, team=north)
    too_young = make_yp(age=16, team=north)
    has_pa = make_yp(age=18, team=north)
    allocate_now(has_pa, staff["pa_north"])
    stepped_down = make_yp(age=22, team=north, status="stepped_down")
    other_team = make_yp(age=19, team=teams["south"])
    assert list(needing_pa(staff["tm_north"], today)) == [waiting]
    assert set(needing_pa(staff["hos"], today)) == {waiting, other_team}
    assert list(needing_pa(staff["pa_south"], today)) == [other_team]
    assert list(needing_pa(staff["analyst"], today)) == []
    assert too_young not in needing_pa(staff["hos"], today) and stepped_down not in needing_pa(staff["hos"], today)


def test_age_is_configurable(staff: dict[str, Any], teams: dict[str, Any], authority: Authority,
                             today: dt.date) -> None:
    sixteen = make_yp(age=16, team=teams["north"])
    assert list(needing_pa(staff["hos"], today)) == []
    authority.config = {"pa_coallocation_age": 16}
    authority.save()
    assert list(needing_pa(staff["hos"], today)) == [sixteen]
    # as at the day before the 16th birthday: not yet
    assert list(needing_pa(staff["hos"], birthday(sixteen.date_of_birth, 16) - dt.timedelta(days=1))) == []


def test_query_count_does_not_grow(staff: dict[str, Any], teams: dict[str, Any], today: dt.date,
                                   django_assert_max_num_queries: Any) -> None:
    for _ in range(15):
        make_yp(age=19, team=teams["north"])
    with django_assert_max_num_queries(3):
        rows = [(yp.display_name, yp.team.name if yp.team else "") for yp in needing_pa(staff["tm_north"], today)]
    assert len(rows) == 15
