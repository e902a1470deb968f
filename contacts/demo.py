"""Demo contacts: roughly monthly PA contact since allocation, six-weekly social worker visits for 16-17s.

About 6% of young people have lost touch (only attempts in recent months). At national
scale (110,000 young people) this writes about 4 million contacts.
"""

from __future__ import annotations

import datetime as dt

from contacts.models import Contact
from people.demo_support import DemoContext, aware, next_id, reset_sequences, write_rows
from people.eligibility import birthday

KINDS_PA = ["home_visit", "home_visit", "office", "hub", "phone", "phone", "video", "message"]
COLUMNS = ["id", "young_person_id", "occurred_at", "kind", "made_by", "worker_id", "successful",
           "reason_unsuccessful", "seen_alone", "note", "by_allocated_worker", "created_by_id", "created_at",
           "submission_key"]


def rows(ctx: DemoContext, pk: int):  # type: ignore[no-untyped-def]
    history_days = int(ctx.extra.get("contact_history_days", 730))
    gap = ctx.extra.get("contact_gap_days", (18, 50))
    for person in ctx.people:
        if person.status == "died":
            continue
        rng = ctx.rng("contacts", person.pk)
        if person.pa_id and person.pa_since:
            # Contact history runs from co-allocation (about 17), not just from the current PA's allocation
            since = min(person.pa_since, birthday(person.dob, 17) - dt.timedelta(days=30))
            day = max(since, ctx.as_at - dt.timedelta(days=history_days))
            while True:
                day += dt.timedelta(days=rng.randint(*gap))
                if day > ctx.as_at:
                    break
                recent = (ctx.as_at - day).days < 100
                success = rng.random() < (0.1 if (person.lost_touch and recent) else 0.9)
                when = aware(day, rng.randint(9, 17), rng.choice([0, 15, 30, 45]))
                kind = "prison_visit" if person.in_custody and rng.random() < 0.5 else rng.choice(KINDS_PA)
                yield (pk, person.pk, when, kind, "pa", person.pa_id, success,
                       "" if success else rng.choice(["No answer", "Not at home", "Message not returned"]),
                       (rng.random() < 0.7) if success and kind.endswith("visit") else None,
                       "", True, person.pa_id, when, None)
                pk += 1
        if person.sw_id and person.in_care_now:
            day = ctx.as_at - dt.timedelta(days=rng.randint(200, 400))
            while True:
                day += dt.timedelta(days=rng.randint(20, 46))
                if day > ctx.as_at:
                    break
                when = aware(day, rng.randint(9, 17))
                yield (pk, person.pk, when, "home_visit", "sw", person.sw_id, True, "", rng.random() < 0.8,
                       "", True, person.sw_id, when, None)
                pk += 1


def populate(ctx: DemoContext) -> None:
    count = write_rows(Contact, COLUMNS, rows(ctx, next_id(Contact)))
    reset_sequences(Contact)
    ctx.log(f"  contacts: {count}")
