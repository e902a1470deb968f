"""Support ends on the 25th birthday: from that day nobody is counted, listed, paid or left open. A cohort built
around the boundary (the day before, on and after the 25th birthday), in the pure rules and in the database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from contacts.models import Contact
from money.entitlements import Person, Terms, applies, due_in_run
from money.models import Entitlement, Payment, Rate
from money.runs import run
from people.daily import REACHED_25, close_at_25
from people.eligibility import dob_range_for_ages
from people.models import Allocation, YoungPerson
from people.tests.factories import young_person
from performance.definitions import AS_AT_BANDS, as_at_band
from performance.measures import as_at_rows
from worklists.clock import Facts, due_dates
from worklists.queries import items

AS_AT = dt.date(2025, 6, 15)
BORN = {"day_before": dt.date(2000, 6, 16),   # 25 tomorrow: still supported today
        "on": dt.date(2000, 6, 15),           # 25 today
        "after": dt.date(2000, 6, 14)}        # 25 yesterday


# ---------------------------------------------------------------- pure rules
@pytest.mark.parametrize("who, counted", [("day_before", True), ("on", False), ("after", False)])
def test_the_22_25_band_stops_the_day_before_the_25th_birthday(who, counted):
    label, low, high = AS_AT_BANDS[-1]
    earliest, latest = dob_range_for_ages(AS_AT, low, high)
    assert (earliest <= BORN[who] <= latest) is counted
    assert as_at_band(25) is None and as_at_band(24) == "22-25"


@pytest.mark.parametrize("who, paid", [("day_before", True), ("on", False), ("after", False)])
def test_nothing_is_paid_from_the_25th_birthday_whatever_the_catalogue_says(who, paid):
    weekly = Terms("W", "weekly", 16, 25, Decimal("10.00"))  # a catalogue that (wrongly) runs to 25
    person = Person(BORN[who], "former_relevant", True)
    assert applies(weekly, person, AS_AT, frozenset()) is paid
    assert (due_in_run(weekly, person, AS_AT, frozenset()) is not None) is paid


def test_no_birthday_payment_on_the_25th_birthday():
    present = Terms("B", "birthday", 16, 25, Decimal("50.00"))
    assert due_in_run(present, Person(BORN["on"], "former_relevant", True), AS_AT, frozenset()) is None


@pytest.mark.parametrize("last_contact, listed", [
    (dt.date(2025, 4, 10), True),    # due 10 June: before the 25th birthday (20 June)
    (dt.date(2025, 4, 19), True),    # due 19 June: the day before it
    (dt.date(2025, 4, 20), False),   # due 20 June: on it, when support has ended
    (dt.date(2025, 4, 25), False),   # due 25 June: after it
])
def test_the_clock_stops_at_the_25th_birthday(last_contact, listed):
    facts = Facts(dob=dt.date(2000, 6, 20), category="former_relevant", pa_id=1, pa_since=dt.date(2020, 1, 1),
                  last_pa_contact=last_contact)
    assert bool(due_dates(facts, AS_AT)) is listed


# ---------------------------------------------------------------- in the database
@pytest.fixture
def cohort(staff, teams):
    pa = staff["pa_north"]
    people = {who: young_person(teams["north"], dob=dob, pa=pa, la_person_id=who.upper()) for who, dob in BORN.items()}
    people["stepped_down"] = young_person(teams["north"], dob=BORN["after"], pa=pa, la_person_id="STEPPED",
                                          status="stepped_down")
    # 25th birthday in five days, PA contact next due in seven: nothing to list after the birthday
    people["soon"] = young_person(teams["north"], dob=dt.date(2000, 6, 20), pa=pa, la_person_id="SOON")
    for who in ("day_before", "on", "after", "soon"):
        last = dt.date(2025, 4, 22) if who == "soon" else dt.date(2025, 3, 1)
        Contact.objects.create(young_person=people[who], worker=pa, made_by="pa", kind="phone",
                               occurred_at=timezone.make_aware(dt.datetime.combine(last, dt.time(10))))
    return people


def test_as_at_measures_count_nobody_aged_25(cohort):
    rows = {(r["indicator"], r["age_band"]): (r["numerator"], r["denominator"])
            for r in as_at_rows(YoungPerson.objects.all(), AS_AT)}
    # day_before and soon are 24; on and after are still "open" (the daily job has not run) but 25
    assert rows[("in_touch", "22-25")] == (1, 2)


def test_worklists_stop_at_the_25th_birthday_on_both_paths(cohort):
    for found in (items(YoungPerson.objects.all(), AS_AT),                      # stored clock facts
                  items(YoungPerson.objects.all(), AS_AT),                      # again, facts now stored
                  items(YoungPerson.objects.all(), AS_AT, all_candidates=True)):  # worked out from the record
        assert {i.young_person.la_person_id for i in found} == {"DAY_BEFORE"}


def test_the_payment_run_pays_nobody_from_the_25th_birthday(cohort):
    ent = Entitlement.objects.create(code="W", name="Weekly", budget_code="B", frequency="weekly",
                                     schedule="weekly", min_age=16, max_age=25)
    Rate.objects.create(entitlement=ent, effective_from=dt.date(2024, 4, 1), amount=Decimal("10.00"))
    run(AS_AT)
    assert set(Payment.objects.values_list("young_person__la_person_id", flat=True)) == {"DAY_BEFORE", "SOON"}


def test_the_daily_job_closes_each_record_on_the_25th_birthday(cohort):
    closed = close_at_25(AS_AT)
    assert sorted(yp.la_person_id for yp in closed) == ["AFTER", "ON", "STEPPED"]
    for who in ("on", "after"):
        yp = YoungPerson.objects.get(pk=cohort[who].pk)
        assert yp.status == "closed" and yp.status_changed_on == BORN[who].replace(year=2025)
        assert not Allocation.objects.filter(young_person=yp, end_date__isnull=True).exists()
        event = AuditEvent.objects.filter(young_person=yp, object_type="people.YoungPerson").latest("pk")
        assert event.detail["reason"] == REACHED_25 and event.detail["status"] == {"old": "open", "new": "closed"}
    assert YoungPerson.objects.get(pk=cohort["day_before"].pk).status == "open"
    assert close_at_25(AS_AT) == []  # a second run the same day changes nothing
    assert [yp.la_person_id for yp in close_at_25(AS_AT + dt.timedelta(days=1))] == ["DAY_BEFORE"]
