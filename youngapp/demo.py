"""Demo: one young person of the first demo PA (pa1) is invited to the app, with a few messages each way."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from accounts.models import User
from people.demo_support import DemoContext
from people.models import Allocation
from youngapp import actions
from youngapp.models import AppAccess, Message

DEMO_EMAIL = "young.person@example.org"


def populate(ctx: DemoContext) -> None:
    pa = User.objects.filter(username="pa1").first()
    if pa is None:
        return
    lo, hi = dt.date(ctx.as_at.year - 21, ctx.as_at.month, 1), dt.date(ctx.as_at.year - 17, ctx.as_at.month, 1)
    allocation = (Allocation.objects.filter(worker=pa, role="pa", end_date__isnull=True, young_person__status="open",
                                            young_person__date_of_birth__range=(lo, hi))
                  .select_related("young_person").order_by("young_person__la_person_id").first())
    if allocation is None:
        return
    yp = allocation.young_person
    access = actions.invite(pa, yp, DEMO_EMAIL)
    first = actions.send_message(pa, yp, "Hi, it's your PA. You can message me here any time. I usually reply "
                                         "within 2 working days.")
    mine = actions.send_message(access.user, yp, "Thanks! Can we talk about money for my college course?")
    # Dated a few days back so the demo worklist shows how an unanswered message looks
    Message.objects.filter(pk=first.pk).update(sent_at=timezone.now() - dt.timedelta(days=6))
    Message.objects.filter(pk=mine.pk).update(sent_at=timezone.now() - dt.timedelta(days=5))
    ctx.log(f"  young person's app: {yp.display_name} ({yp.la_person_id}) invited as {DEMO_EMAIL}")


def sign_ins(write: Any) -> None:
    access = AppAccess.objects.filter(email=DEMO_EMAIL).select_related("young_person").first()
    if access is None:
        return
    write("Young person's app at /app/ (a code to email, no password):")
    write(f"  {DEMO_EMAIL} {access.young_person.display_name}, PA pa1; their code: "
          f"python manage.py outbox --to {DEMO_EMAIL} --last")
