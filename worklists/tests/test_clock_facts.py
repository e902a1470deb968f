"""Stored clock facts: the worklist reads them when they hold, and any change to the record is seen at once."""

from __future__ import annotations

import datetime as dt
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from contacts.models import Contact
from org.models import Authority
from people.models import Allocation, YoungPerson
from people.tests.factories import young_person
from worklists.facts import refresh_all
from worklists.models import ClockFacts
from worklists.queries import candidates, from_record, intervals, items, not_holding
from worklists.stored import stored_items

AS_AT = dt.date(2025, 6, 15)


def contact(yp, day: dt.date, worker) -> Contact:
    at = timezone.make_aware(dt.datetime.combine(day, dt.time(11)))
    return Contact.objects.create(young_person=yp, occurred_at=at, kind="phone", made_by="pa", worker=worker)


def listed(qs, as_at: dt.date) -> list[tuple[str, str, dt.date, int | None]]:
    return [(i.young_person.la_person_id, i.due.kind, i.due.due, i.due.worker_id) for i in items(qs, as_at)]


def test_the_demo_stores_facts_and_the_worklist_reads_them_with_the_same_result(staff, teams):
    call_command("demo_data", "--young-people", "300", "--seed", "3", "--as-at", AS_AT.isoformat(),
                 "--skip", "money", stdout=StringIO())
    everyone = YoungPerson.objects.all()
    assert ClockFacts.objects.count() == YoungPerson.objects.filter(status="open").count()
    assert next(stored_items(everyone, AS_AT, intervals()), None) is not None
    # Almost every fact holds on the day the cohort was built (a few have planned moves or endings after it)
    assert not_holding(everyone, AS_AT, intervals()).count() < everyone.count() / 50
    for as_at in (AS_AT, AS_AT + dt.timedelta(days=40), AS_AT + dt.timedelta(days=400),
                  AS_AT - dt.timedelta(days=30)):
        fast = [(i.young_person.pk, i.due) for i in items(everyone, as_at)]
        full = [(i.young_person.pk, i.due) for i in items(everyone, as_at, all_candidates=True)]
        assert fast == full and fast
        # every clock kind is there (other areas such as health add kinds of their own: worklists.extra)
        assert {d.kind for _, d in fast} >= {"pa_contact", "pa_allocation", "sw_visit", "needs_assessment",
                                             "pathway_plan_review"} or as_at != AS_AT
    worker = next(d.worker_id for _, d in fast if d.worker_id)
    assert items(everyone, AS_AT, worker_id=worker) == [i for i in items(everyone, AS_AT)
                                                        if i.due.worker_id == worker]


def test_a_change_of_setting_is_used_at_once(staff, teams):
    pa = staff["pa_north"]
    yp = young_person(teams["north"], dob=dt.date(2005, 3, 1), pa=pa, la_person_id="SET1")
    contact(yp, dt.date(2025, 5, 1), pa)
    refresh_all()
    assert ("SET1", "pa_contact") not in {(p, k) for p, k, _, _ in listed(YoungPerson.objects.all(), AS_AT)}
    authority = Authority.objects.get()
    authority.config = {**(authority.config or {}), "pa_contact_interval_months": 1}
    authority.save()
    assert ("SET1", "pa_contact", dt.date(2025, 6, 1), pa.pk) in listed(YoungPerson.objects.all(), AS_AT)


def test_a_new_contact_is_on_the_worklist_at_once(staff, teams):
    pa = staff["pa_north"]
    yp = young_person(teams["north"], dob=dt.date(2005, 3, 1), pa=pa, la_person_id="KEEP1")
    contact(yp, dt.date(2025, 3, 1), pa)
    refresh_all()
    assert ("KEEP1", "pa_contact", dt.date(2025, 5, 1), pa.pk) in listed(YoungPerson.objects.all(), AS_AT)
    contact(yp, dt.date(2025, 6, 10), pa)
    assert not ClockFacts.objects.filter(young_person=yp).exists()  # dropped with the change
    assert ("KEEP1", "pa_contact") not in {(p, k) for p, k, _, _ in listed(YoungPerson.objects.all(), AS_AT)}
    facts = ClockFacts.objects.get(young_person=yp)  # refilled by the worklist
    assert timezone.localtime(facts.last_pa_contact_at).date() == dt.date(2025, 6, 10)
    assert facts.valid_from == dt.date(2025, 6, 10)


def test_facts_that_do_not_hold_yet_are_worked_out_from_the_record(staff, teams):
    pa = staff["pa_north"]
    yp = young_person(teams["north"], dob=dt.date(2007, 1, 1), pa=pa, la_person_id="ENDS1",
                      in_care=(dt.date(2021, 1, 1), dt.date(2025, 1, 1)))
    contact(yp, dt.date(2025, 4, 1), pa)
    Allocation.objects.filter(young_person=yp, role="pa").update(end_date=dt.date(2025, 7, 1))  # planned end
    refresh_all()
    assert ClockFacts.objects.get(young_person=yp).valid_from == dt.date(2025, 7, 1)
    before = listed(YoungPerson.objects.all(), AS_AT)  # the PA is still allocated on 15 June
    assert ("ENDS1", "pa_contact", dt.date(2025, 6, 1), pa.pk) in before
    after = listed(YoungPerson.objects.all(), dt.date(2025, 7, 2))  # and no longer on 2 July
    assert ("ENDS1", "pa_allocation", dt.date(2025, 7, 1), None) in after  # due from the day the PA left


def test_a_24_year_old_without_a_pa_is_due_one_from_a_date_that_makes_sense_on_both_paths(staff, teams):
    """Issue 13: not "Allocate a personal adviser, due" on the 17th birthday seven years ago. From the stored facts and
    from the record alike: from the day the last PA left; never before the 21st birthday from 21 (s23CZB); nothing
    for someone stepped down."""
    pa = staff["pa_north"]
    left = young_person(teams["north"], dob=dt.date(2001, 1, 10), pa=pa, la_person_id="LEFT24")
    Allocation.objects.filter(young_person=left).update(end_date=dt.date(2025, 5, 2), end_reason="PA left")
    never = young_person(teams["north"], dob=dt.date(2001, 3, 10), la_person_id="NEVER24")
    stepped = young_person(teams["north"], dob=dt.date(2001, 3, 10), la_person_id="STEP24", status="stepped_down")
    young19 = young_person(teams["north"], dob=dt.date(2006, 3, 10), la_person_id="NOPA19")
    expected = {("LEFT24", "pa_allocation", dt.date(2025, 5, 2), None),
                ("NEVER24", "pa_allocation", dt.date(2022, 3, 10), None),
                ("NOPA19", "pa_allocation", dt.date(2023, 3, 10), None)}
    everyone = YoungPerson.objects.filter(pk__in=[left.pk, never.pk, stepped.pk, young19.pk])
    iv = intervals()
    worked_out = {(i.young_person.la_person_id, i.due.kind, i.due.due, i.due.worker_id)
                  for i in from_record(candidates(everyone, AS_AT, iv), AS_AT, iv) if i.due.kind == "pa_allocation"}
    refresh_all()
    assert ClockFacts.objects.filter(young_person__in=everyone).count() == 3  # open ones only
    stored = {(i[0][1], i[1], i[2], i[3]) for i in stored_items(everyone, AS_AT, iv) if i[1] == "pa_allocation"}
    assert worked_out == stored == expected
    assert {i for i in listed(everyone, AS_AT) if i[1] == "pa_allocation"} == expected
