"""Need-to-know: each role sees exactly the records it should; out of scope is a 404, logged."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import Http404
from django.test import RequestFactory

from audit.models import Action, AuditEvent
from contacts.models import Contact
from people.models import YoungPerson
from people.scope import can_see_names, get_young_person_or_404, scoped, young_people_for
from people.tests.helpers import allocate_now, make_yp

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(staff: dict[str, Any], teams: dict[str, Any]) -> dict[str, YoungPerson]:
    north, south = teams["north"], teams["south"]
    people = {
        "north_mine": make_yp(team=north),  # allocated to pa_north
        "north_other": make_yp(team=north),  # in pa_north's team, someone else's
        "south": make_yp(team=south),
        "south_mine": make_yp(team=south),  # in the south team but allocated to pa_north (moved)
        "no_team": make_yp(team=None),
        "south_sw": make_yp(team=south),  # sw_north is the social worker
    }
    allocate_now(people["north_mine"], staff["pa_north"])
    allocate_now(people["north_other"], staff["pa_north2"])
    allocate_now(people["south_mine"], staff["pa_north"])
    allocate_now(people["south_mine"], staff["sw_north"], role="sw")  # two allocations: no duplicate rows
    allocate_now(people["south_sw"], staff["sw_north"], role="sw")
    ended = allocate_now(people["south"], staff["pa_north2"], days_ago=300)
    ended.end_date = ended.start_date
    ended.save()
    return people


EVERYONE = {"north_mine", "north_other", "south", "south_mine", "no_team", "south_sw"}


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("pa_north", {"north_mine", "north_other", "south_mine"}),
        ("pa_north2", {"north_mine", "north_other"}),  # an ended allocation gives no access
        ("pa_south", {"south", "south_mine", "south_sw"}),
        ("sw_north", {"north_mine", "north_other", "south_mine", "south_sw"}),
        ("tm_north", {"north_mine", "north_other"}),  # the team holding the case decides
        ("tm_south", {"south", "south_mine", "south_sw"}),
        ("hos", EVERYONE),
        ("housing", EVERYONE),
        ("finance", EVERYONE),
        ("analyst", set()),
        ("admin", set()),
    ],
)
def test_each_role_sees_exactly(staff: dict[str, Any], cohort: dict[str, YoungPerson], username: str,
                                expected: set[str]) -> None:
    names = {v.pk: k for k, v in cohort.items()}
    seen = [names[pk] for pk in young_people_for(staff[username]).values_list("pk", flat=True)]
    assert len(seen) == len(set(seen)), "no duplicate rows"
    assert set(seen) == expected
    assert can_see_names(staff[username]) is bool(expected)


def test_scoped_applies_to_records_of_young_people(staff: dict[str, Any], cohort: dict[str, YoungPerson]) -> None:
    from django.utils import timezone

    for key in ("north_mine", "south"):
        Contact.objects.create(young_person=cohort[key], occurred_at=timezone.now(), kind="phone", made_by="pa")
    mine = scoped(Contact.objects.all(), staff["pa_north"])
    assert [c.young_person_id for c in mine] == [cohort["north_mine"].pk]
    assert scoped(Contact.objects.all(), staff["hos"]).count() == 2
    assert scoped(Contact.objects.all(), staff["analyst"]).count() == 0


def test_inactive_or_anonymous_sees_nothing(staff: dict[str, Any], cohort: dict[str, YoungPerson]) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert not young_people_for(AnonymousUser()).exists()
    staff["hos"].is_active = False
    assert not young_people_for(staff["hos"]).exists()


def test_out_of_scope_is_404_and_logged(staff: dict[str, Any], cohort: dict[str, YoungPerson]) -> None:
    request = RequestFactory().get(f"/young-people/{cohort['south'].pk}/")
    with pytest.raises(Http404):
        get_young_person_or_404(staff["pa_north"], cohort["south"].pk, request)
    event = AuditEvent.objects.get(action=Action.DENIED)
    assert event.actor == staff["pa_north"]
    assert event.young_person == cohort["south"]
    assert event.path == f"/young-people/{cohort['south'].pk}/"


@pytest.mark.parametrize("pk", ["999999", "not-a-number", ""])
def test_missing_or_malformed_is_404_and_logged(staff: dict[str, Any], pk: str) -> None:
    with pytest.raises(Http404):
        get_young_person_or_404(staff["hos"], pk)
    event = AuditEvent.objects.get(action=Action.DENIED)
    assert event.young_person is None and event.object_id == pk


def test_in_scope_returns_the_record(staff: dict[str, Any], cohort: dict[str, YoungPerson]) -> None:
    assert get_young_person_or_404(staff["pa_north"], cohort["south_mine"].pk) == cohort["south_mine"]
    assert get_young_person_or_404(staff["hos"], cohort["south"].la_person_id, lookup="la_person_id") == cohort[
        "south"]
    assert not AuditEvent.objects.filter(action=Action.DENIED).exists()


def test_cases_close_at_25(db, teams):
    import datetime as dt
    from io import StringIO

    from django.core.management import call_command

    from people.models import YoungPerson

    older = YoungPerson.objects.create(la_person_id="OLD25", first_name="A", last_name="B",
                                       date_of_birth=dt.date(2001, 1, 1), team=teams["north"])
    younger = YoungPerson.objects.create(la_person_id="YNG24", first_name="C", last_name="D",
                                         date_of_birth=dt.date(2001, 1, 3), team=teams["north"])
    call_command("refresh_categories", "--as-at", "2026-01-02", stdout=StringIO())
    older.refresh_from_db()
    younger.refresh_from_db()
    assert (older.status, younger.status) == ("closed", "open")
