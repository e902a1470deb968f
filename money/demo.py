"""Demo money: the last four weekly payment runs and requests at every stage (the catalogue comes with the
authority's preset, ``org.setup``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from money import actions
from money.models import Entitlement
from money.queries import entitled_today
from money.runs import run
from people.demo_support import DemoContext
from people.models import YoungPerson


def populate(ctx: DemoContext) -> None:
    for weeks_ago in (3, 2, 1, 0):
        run(ctx.as_at - dt.timedelta(weeks=weeks_ago))
    if ctx.scale > 20000:
        return
    entitlements = {e.code: e for e in Entitlement.objects.filter(code__in=["SUHA", "EET", "HOBBIES", "EMERGENCY"])}
    managers = {m.pk: m for m in User.objects.filter(pk__in=set(ctx.manager_by_team.values()))}
    made = 0
    for person in ctx.people[::9]:
        if person.status != "open" or not person.pa_id:
            continue
        rng = ctx.rng("money", person.pk)
        yp, pa = YoungPerson.objects.get(pk=person.pk), User.objects.get(pk=person.pa_id)
        # only what they are entitled to: raise_request checks it on the day the request is made
        open_to = {o.code for o in entitled_today(yp, timezone.localdate())}
        codes = [c for c in entitlements if c in open_to]
        if not codes:
            continue
        code = rng.choice(codes)
        amount = Decimal(rng.choice(["45.00", "120.00", "250.00", "480.00"]))
        req = actions.raise_request(pa, yp, entitlements[code], amount, "Demo: " + entitlements[code].name.lower())
        manager = managers.get(ctx.manager_by_team.get(person.team_id, 0))
        stage = rng.random()
        if manager and stage < 0.6:
            actions.approve(manager, req)
            if stage < 0.4:
                actions.mark_paid(None, req)  # the finance system pays approved requests
        elif manager and stage < 0.7:
            actions.reject(manager, req, "Please look at the EET fund first")
        made += 1
    ctx.log(f"  money requests: {made}")
