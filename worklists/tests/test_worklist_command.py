"""`manage.py worklist`: the authority-wide list as JSON, from records as a worker or an import leaves them."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from contacts.models import Contact
from people.models import YoungPerson
from people.tests.factories import young_person
from plans.models import PathwayPlan
from worklists.queries import items

AS_AT = dt.date(2025, 6, 15)


def run(as_at: dt.date = AS_AT) -> dict:
    out = StringIO()
    call_command("worklist", "--as-at", as_at.isoformat(), "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def contact(yp, day: dt.date, worker, made_by="pa", successful=True):
    at = timezone.make_aware(dt.datetime.combine(day, dt.time(11)))
    return Contact.objects.create(young_person=yp, occurred_at=at, kind="phone", made_by=made_by, worker=worker,
                                  successful=successful)


def test_overdue_and_due_soon_items_with_worker_staff_ids(staff, teams):
    late = young_person(teams["north"], dob=dt.date(2005, 3, 1), pa=staff["pa_north"], la_person_id="LATE1")
    contact(late, dt.date(2025, 3, 1), staff["pa_north"])
    contact(late, dt.date(2025, 6, 1), staff["pa_north"], successful=False)  # an attempt does not reset the clock
    soon = young_person(teams["north"], dob=dt.date(2005, 3, 1), pa=staff["pa_north2"], la_person_id="SOON1")
    contact(soon, dt.date(2025, 4, 20), staff["pa_north2"])
    fine = young_person(teams["north"], dob=dt.date(2005, 3, 1), pa=staff["pa_north"], la_person_id="FINE1")
    contact(fine, dt.date(2025, 6, 1), staff["pa_north"])
    PathwayPlan.objects.create(young_person=fine, status="signed_off", is_review=True, started_on=dt.date(2024, 12, 1),
                               signed_off_on=dt.date(2024, 12, 1))
    result = run()
    assert result["as_at"] == "2025-06-15"
    got = {(i["young_person"], i["kind"]): i for i in result["items"]}
    assert got[("LATE1", "pa_contact")] == {"young_person": "LATE1", "kind": "pa_contact", "due": "2025-05-01",
                                            "status": "overdue", "worker": "ST-pa_north"}
    assert got[("SOON1", "pa_contact")]["status"] == "due_soon"
    assert got[("FINE1", "pathway_plan_review")]["due"] == "2025-06-01"
    assert ("FINE1", "pa_contact") not in got  # due 1 August: beyond the 14 days


def test_young_person_with_no_pa_at_17_is_listed_without_a_worker(staff, teams):
    young_person(teams["north"], dob=dt.date(2008, 2, 1), la_person_id="NOPA1",
                 in_care=(dt.date(2022, 2, 1), dt.date(2025, 1, 1)))
    item = next(i for i in run()["items"] if i["young_person"] == "NOPA1")
    assert item == {"young_person": "NOPA1", "kind": "pa_allocation", "due": "2025-02-01", "status": "overdue",
                    "worker": None}


def test_database_narrowing_agrees_with_the_clock_for_everyone(staff, teams):
    call_command("demo_data", "--young-people", "120", "--seed", "7", "--as-at", "2025-06-15", stdout=StringIO())
    everyone = YoungPerson.objects.all()
    for as_at in (AS_AT, AS_AT - dt.timedelta(days=45), AS_AT + dt.timedelta(days=20)):
        narrowed = [(i.young_person.pk, i.due) for i in items(everyone, as_at)]
        full = [(i.young_person.pk, i.due) for i in items(everyone, as_at, all_candidates=True)]
        assert narrowed == full and narrowed


def test_the_list_agrees_with_each_young_persons_own_clock(staff, teams):
    call_command("demo_data", "--young-people", "150", "--seed", "3", "--as-at", "2025-06-15", stdout=StringIO())
    from worklists.queries import due_for_one

    listed = {(i.young_person.pk, i.due.kind, i.due.due) for i in items(YoungPerson.objects.all(), AS_AT)}
    own = {(yp.pk, d.kind, d.due) for yp in YoungPerson.objects.all() for d in due_for_one(yp, AS_AT)
           if d.status != "upcoming"}
    assert listed == own and listed
