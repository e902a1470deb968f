"""Demo needs assessments and pathway plans at realistic stages.

Most plans current, about 12% overdue for review, about 5% never signed off.
"""

from __future__ import annotations

import datetime as dt

from people.demo_support import DemoContext, next_id, reset_sequences, write_rows
from people.eligibility import birthday
from plans.areas import AREAS
from plans.models import NeedsAssessment, PathwayPlan, PlanArea, PlanQualityAudit


def populate(ctx: DemoContext) -> None:
    na_id, pp_id = next_id(NeedsAssessment), next_id(PathwayPlan)
    na_rows: list[tuple] = []
    latest_plans: list[tuple[int, int, dt.date, float]] = []
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
            if latest:
                latest_plans.append((pp_id, person.pk, day, rng.random()))
            status = "signed_off" if not latest else ("draft" if roll > 0.95 else "signed_off")
            signed = day if status == "signed_off" else None
            pp_rows.append((pp_id, person.pk, "superseded" if not latest else status, k > 0,
                            day - dt.timedelta(days=14), signed, manager if signed else None,
                            day + dt.timedelta(days=182) if signed else None, author, 1, None, "", ""))
            pp_id += 1
    write_rows(NeedsAssessment, ["id", "young_person_id", "started_on", "completed_on", "author_id"], na_rows)
    write_rows(PathwayPlan, ["id", "young_person_id", "status", "is_review", "started_on", "signed_off_on",
                             "signed_off_by_id", "next_review_due", "author_id", "version", "shared_on",
                             "young_person_views", "review_reason"], pp_rows)
    reset_sequences(NeedsAssessment, PathwayPlan)
    area_count = write_rows(PlanArea, ["id", "plan_id", "area", "my_words", "assessment"],
                            area_rows(ctx, latest_plans, next_id(PlanArea)))
    reset_sequences(PlanArea)
    audits = write_rows(PlanQualityAudit, ["id", "plan_id", "auditor_id", "audited_on", "grade", "criteria", "comments",
                                           "actions_for_worker"], audit_rows(ctx, latest_plans,
                                                                             next_id(PlanQualityAudit)))
    reset_sequences(PlanQualityAudit)
    ctx.log(f"  plan areas: {area_count}, quality audits: {audits}")
    ctx.log(f"  plans: {len(na_rows)} needs assessments, {len(pp_rows)} plans and reviews")


MY_WORDS = {
    "accommodation": ["I like my flat but it is far from college.", "I want to stay with my carers until I am 21.",
                      "I need somewhere quieter."],
    "eet": ["I am at college doing catering.", "I want an apprenticeship in joinery.", "I am looking for work."],
    "health": ["I am registered with a GP now.", "Some days are hard; talking to my PA helps."],
    "relationships": ["I see my sister every weekend.", "My old foster carer still checks on me."],
    "money": ["I am getting better at budgeting.", "Universal Credit was late last month."],
    "identity": ["I have my passport and a bank account.", "I still need my birth certificate."],
    "practical_skills": ["I can cook five meals now.", "I want to learn how to pay bills."],
    "safety": ["I feel safe where I live.", "I want to stay away from some people from before."],
    "participation": ["I go to the Care Leavers Forum.", "I like football and music."],
}


def area_rows(ctx: DemoContext, plans: list[tuple[int, int, dt.date, float]], pk: int):  # type: ignore[no-untyped-def]
    core = [a for a in AREAS if not a.when]
    for plan_id, person_pk, _day, _roll in plans:
        rng = ctx.rng("plan-areas", person_pk)
        for area in core:
            words = rng.choice(MY_WORDS[area.key])
            yield (pk, plan_id, area.key, words, "Agreed with the young person; see actions.")
            pk += 1


def audit_rows(ctx: DemoContext, plans: list[tuple[int, int, dt.date, float]], pk: int):  # type: ignore[no-untyped-def]
    auditors = ctx.staff_by_role.get("senior_manager", []) or ctx.staff_by_role.get("team_manager", [])
    if not auditors:
        return
    for plan_id, person_pk, day, roll in plans:
        if roll > 0.25:  # a quarter of current plans audited
            continue
        rng = ctx.rng("plan-audit", person_pk)
        grade = "Good" if rng.random() < 0.64 else "Requires Improvement"  # seed 000 s3.1
        yield (pk, plan_id, auditors[0], min(ctx.as_at, day + dt.timedelta(days=rng.randint(10, 60))), grade,
               "{}", "", "" if grade == "Good" else "Make actions specific and dated.")
        pk += 1
