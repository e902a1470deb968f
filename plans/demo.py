"""Demo needs assessments and pathway plans at realistic stages.

Most plans current, about 12% overdue for review, about 5% never signed off.
"""

from __future__ import annotations

import datetime as dt

from people.demo_support import DemoContext, next_id, reset_sequences, write_rows
from people.eligibility import birthday
from plans.models import NeedsAssessment, PathwayPlan


def populate(ctx: DemoContext) -> None:
    na_id, pp_id = next_id(NeedsAssessment), next_id(PathwayPlan)
    na_rows: list[tuple] = []
    pp_rows: list[tuple] = []
    for person in ctx.people:
        if person.category == "none":
            continue
        rng = ctx.rng("plans", person.pk)
        b16 = birthday(person.dob, 16)
        author = person.sw_id or person.pa_id
        assess_start = b16 + dt.timedelta(days=rng.randint(5, 60))
        if assess_start > ctx.as_at:
            continue
        done = assess_start + dt.timedelta(days=rng.randint(10, 40))
        if rng.random() < 0.05 or done > ctx.as_at:
            na_rows.append((na_id, person.pk, assess_start, None, author))
            na_id += 1
            continue
        na_rows.append((na_id, person.pk, assess_start, done, author))
        na_id += 1
        roll = rng.random()
        manager = ctx.manager_by_team.get(person.team_id)
        plan_day = done + dt.timedelta(days=rng.randint(5, 30))
        reviews: list[dt.date] = []
        while plan_day <= ctx.as_at:
            reviews.append(plan_day)
            plan_day += dt.timedelta(days=rng.randint(120, 182))
        if not reviews:
            continue
        if roll < 0.12:  # overdue: last review more than 6 months ago
            reviews = [d for d in reviews if (ctx.as_at - d).days > 200] or reviews[:1]
        for k, day in enumerate(reviews):
            latest = k == len(reviews) - 1
            status = "signed_off" if not latest else ("draft" if roll > 0.95 else "signed_off")
            signed = day if status == "signed_off" else None
            pp_rows.append((pp_id, person.pk, "superseded" if not latest else status, k > 0,
                            day - dt.timedelta(days=14), signed, manager if signed else None,
                            day + dt.timedelta(days=182) if signed else None, author))
            pp_id += 1
    write_rows(NeedsAssessment, ["id", "young_person_id", "started_on", "completed_on", "author_id"], na_rows)
    write_rows(PathwayPlan, ["id", "young_person_id", "status", "is_review", "started_on", "signed_off_on",
                             "signed_off_by_id", "next_review_due", "author_id"], pp_rows)
    reset_sequences(NeedsAssessment, PathwayPlan)
    ctx.log(f"  plans: {len(na_rows)} needs assessments, {len(pp_rows)} plans and reviews")
