"""Scheduled work through the tasks framework's database backend: one command enqueues each job due on the day
once and runs the queue; each job is idempotent and says what it did."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from accounts.models import User
from contacts.models import Contact
from leavingcare import jobs
from money.models import Payment
from org.setup import setup_authority
from people.models import YoungPerson
from people.tests.factories import young_person

FRIDAY = dt.date(2025, 8, 1)  # the default payment weekday; its week holds the 1st (monthly clothing allowance)


@pytest.fixture(autouse=True)
def keep_the_test_connection(monkeypatch):
    """The worker closes idle database connections between tasks, as a long-running process should; inside a
    test's transaction that would close the test's own connection, so it is left open here."""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)


@pytest.fixture
def cohort(staff, teams):
    setup_authority("lancashire", one_only=False)
    pa = staff["pa_north"]
    User.objects.filter(pk=pa.pk).update(email="pa.north@example.gov.uk")
    people = {
        "turns_25": young_person(teams["north"], dob=dt.date(2000, 7, 31), pa=pa, la_person_id="TURNS25"),
        "aged_17": young_person(teams["north"], dob=dt.date(2008, 1, 1), pa=pa, la_person_id="AGED17",
                                in_care=(dt.date(2022, 1, 1), dt.date(2025, 1, 1))),
    }
    Contact.objects.create(young_person=people["aged_17"], worker=pa, made_by="pa", kind="phone",
                           occurred_at=timezone.make_aware(dt.datetime(2025, 3, 1, 10)))
    return people


def schedule(day: dt.date) -> str:
    out = StringIO()
    call_command("run_scheduler", "--date", day.isoformat(), stdout=out)
    return out.getvalue()


def test_one_round_enqueues_the_days_jobs_and_runs_them_through_the_database_queue(cohort):
    said = schedule(FRIDAY)
    assert "enqueued close_at_25, refresh_categories, refresh_clock_facts, payment_run, reminders" in said
    results = DBTaskResult.objects.order_by("enqueued_at")
    assert [r.task_path.rsplit(".", 1)[1] for r in results] == [
        "close_at_25", "refresh_categories", "refresh_clock_facts", "payment_run", "reminders"]
    assert {r.status for r in results} == {"SUCCESSFUL"}
    assert results.get(task_path__endswith="close_at_25").return_value == {"closed": 1}
    assert YoungPerson.objects.get(la_person_id="TURNS25").status == "closed"
    assert Payment.objects.filter(young_person__la_person_id="AGED17").exists()
    assert not Payment.objects.filter(young_person__la_person_id="TURNS25").exists()
    assert len(mail.outbox) == 1 and "1 overdue" in mail.outbox[0].body
    assert "AGED17" not in mail.outbox[0].body and cohort["aged_17"].last_name not in mail.outbox[0].body


def test_a_second_round_the_same_day_enqueues_nothing_and_changes_nothing(cohort):
    schedule(FRIDAY)
    payments = Payment.objects.count()
    assert "nothing new to enqueue" in schedule(FRIDAY)
    assert DBTaskResult.objects.count() == 5 and Payment.objects.count() == payments and len(mail.outbox) == 1


def test_no_payment_run_on_other_days(cohort):
    assert "payment_run" not in schedule(FRIDAY + dt.timedelta(days=1))


@pytest.mark.parametrize("job", [jobs.close_at_25, jobs.refresh_categories, jobs.refresh_clock_facts,
                                 jobs.payment_run, jobs.reminders])
def test_each_job_run_twice_changes_nothing_the_second_time(cohort, job):
    first = job.call(day=FRIDAY.isoformat())
    second = job.call(day=FRIDAY.isoformat())
    if job is jobs.close_at_25:
        assert (first, second) == ({"closed": 1}, {"closed": 0})
    elif job is jobs.payment_run:
        assert first["created"] > 0 and second["created"] == 0
    elif job is jobs.reminders:
        assert first["sent"] == 1 and second == {"sent": 0, "already": True}
    elif job is jobs.refresh_categories:
        assert second["changed"] == 0
    else:
        assert first == second
