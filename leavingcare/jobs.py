"""The scheduled work, as tasks of Django's tasks framework (the ``django-tasks`` backport, its queue kept in
the service's own database by ``django-tasks-db``), and the daily schedule that enqueues them.

Each job takes the day it is for (ISO date), is idempotent (a second run for the same day changes nothing) and
logs one JSON line saying what it did (logger ``leavingcare.jobs``). ``enqueue_due(day)`` enqueues each job due
on ``day`` once: a job already enqueued for that day (waiting, running or done) is not enqueued again, so the
scheduler can be restarted, or run by cron every few minutes, safely. ``manage.py run_scheduler`` does both.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from typing import Any

from django.db import transaction
from django_tasks import task

log = logging.getLogger("leavingcare.jobs")


def _day(day: str) -> dt.date:
    return dt.date.fromisoformat(day)


@task()
def close_at_25(day: str) -> dict[str, Any]:
    """Close each open or stepped-down record on its 25th birthday (audit-logged, reason "Reached 25")."""
    from people.daily import close_at_25 as close

    closed = close(_day(day))
    return {"closed": len(closed)}


@task()
def refresh_categories(day: str) -> dict[str, Any]:
    """Each young person's cached eligibility category as at the day (only changed rows are written)."""
    from people.daily import refresh_categories as refresh

    seen, changed = refresh(_day(day))
    return {"seen": seen, "changed": changed}


@task()
def refresh_clock_facts(day: str) -> dict[str, Any]:
    """The stored statutory-clock facts the worklists read, for every open case."""
    from worklists.facts import refresh_all

    with transaction.atomic():
        stored = refresh_all()
    log.info("clock facts refreshed", extra={"job": "refresh_clock_facts", "day": day, "stored": stored})
    return {"stored": stored}


@task()
def payment_run(day: str) -> dict[str, Any]:
    """The week's allowances for the seven days ending on the day (once only: a second run creates nothing)."""
    from audit.log import record
    from audit.models import Action
    from money.runs import NothingConfigured, run

    try:
        result = run(_day(day))
    except NothingConfigured as problem:
        log.error("payment run not made", extra={"job": "payment_run", "day": day, "reason": str(problem)})
        return {"created": 0, "problem": str(problem)}
    record(None, Action.CREATE, object_type="money.PaymentRun", object_id=day,
           detail={"created": len(result.created), "total": result.total, "by": "scheduler"})
    log.info("payment run made", extra={"job": "payment_run", "day": day, "payments": len(result.created),
                                        "total": str(result.total)})
    return {"created": len(result.created), "total": str(result.total)}


@task()
def reminders(day: str) -> dict[str, Any]:
    """Email each worker with overdue or due-soon items how many they have (counts and a link, no names).
    Sent once a day: the day's sending is recorded in the audit log and a second run sends nothing."""
    from django.core.mail import send_mail

    from accounts.models import User
    from audit.log import record
    from audit.models import Action, AuditEvent
    from org.config import setting
    from people.models import YoungPerson
    from worklists.queries import items

    if not setting("daily_reminders"):
        return {"sent": 0, "off": True}
    if AuditEvent.objects.filter(object_type="job:reminders", object_id=day).exists():
        log.info("reminders already sent", extra={"job": "reminders", "day": day, "sent": 0})
        return {"sent": 0, "already": True}
    counts: Counter[tuple[int, str]] = Counter()
    for item in items(YoungPerson.objects.all(), _day(day)):
        if item.due.worker_id is not None:
            counts[(item.due.worker_id, item.due.status)] += 1
    workers = User.objects.filter(pk__in={w for w, _ in counts}, is_active=True).exclude(email="")
    sent = 0
    for worker in workers:
        overdue, soon = counts[(worker.pk, "overdue")], counts[(worker.pk, "due_soon")]
        send_mail("Your Leaving Care worklist",
                  f"Hello {worker.first_name},\n\nOn your worklist today: {overdue} overdue and {soon} due in the "
                  "next two weeks. Sign in to the Leaving Care service and open My worklist to see them.\n",
                  None, [worker.email])
        sent += 1
    record(None, Action.CREATE, object_type="job:reminders", object_id=day, detail={"sent": sent})
    log.info("reminders sent", extra={"job": "reminders", "day": day, "sent": sent})
    return {"sent": sent}


DAILY = [close_at_25, refresh_categories, refresh_clock_facts, reminders]  # in this order


def due_on(day: dt.date) -> list[Any]:
    """The jobs due on ``day``: the daily ones, and the payment run on the authority's payment weekday."""
    from org.config import setting

    jobs = list(DAILY)
    if day.weekday() == int(setting("payment_run_weekday")):
        jobs.insert(3, payment_run)
    return jobs


def _path(job: Any) -> str:
    return f"{job.func.__module__}.{job.func.__qualname__}"


def enqueue_due(day: dt.date) -> list[str]:
    """Enqueue each job due on ``day`` that is not already enqueued for it; the names of those enqueued."""
    from django_tasks_db.models import DBTaskResult

    done = set(DBTaskResult.objects.filter(args_kwargs__kwargs__day=day.isoformat())
               .values_list("task_path", flat=True))
    enqueued = []
    for job in due_on(day):
        if _path(job) not in done:
            job.enqueue(day=day.isoformat())
            enqueued.append(job.func.__name__)
    log.info("jobs enqueued", extra={"job": "scheduler", "day": day.isoformat(), "enqueued": enqueued})
    return enqueued
