"""Demo concerns, oversight, safety plans and meetings.

The seeds give no counts of concerns; the proportions are assumptions set to what seed 000 section 5 describes:
a concern in the last year for about one young person in eight (more for those who have lost touch, are in custody
or are parents), a safety plan for most with a high or immediate concern, and Head of Service oversight for about
one in a hundred (the young people "we are most worried about"), reviewed monthly.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from people.demo_support import DemoContext, next_id, reset_sequences, write_rows
from people.eligibility import age_on
from safeguarding.models import Concern, Meeting, Oversight, OversightReview, SafetyPlan

CATEGORIES = {"4A": 24, "15A": 12, "10A": 12, "2A": 10, "1A": 5, "11A": 7, "24A": 7, "3A": 8, "13A": 3,
              "12A": 1, "17A": 4, "16A": 3, "20": 4}
SEVERITY = {"low": 30, "medium": 40, "high": 25, "immediate": 5}
DECISIONS = {"nfa": 35, "safety_plan": 30, "strategy_meeting": 10, "multi_agency_meeting": 10,
             "adult_safeguarding": 7, "police": 6, "mappa": 2}
HAPPENED = {"4A": "Told PA they have been feeling low and not sleeping", "15A": "Cuts seen on arm at the hub",
            "10A": "Not at home for three nights; phone off", "2A": "Cannabis use most days, money running out",
            "1A": "Drinking heavily at weekends", "11A": "Seen with older men in a car near the flat",
            "24A": "Carrying large amounts of cash; new phone", "3A": "Partner shouting, neighbours called police",
            "13A": "Friends linked to a gang in town", "12A": "Possible trafficking indicators",
            "17A": "Partner controlling money and phone", "16A": "Flat without food or heating", "20": "Other worry"}


def _pick(rng, weights):  # type: ignore[no-untyped-def]
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def populate(ctx: DemoContext) -> None:
    managers = ctx.manager_by_team
    seniors = ctx.staff_by_role.get("senior_manager", [])
    ids = {m: next_id(m) for m in (Concern, SafetyPlan, Oversight, OversightReview, Meeting)}
    concerns, plans, oversights, reviews, meetings = [], [], [], [], []  # type: ignore[var-annotated]
    planned: set[int] = set()
    for person in ctx.people:
        if person.status != "open" or not 16 <= age_on(person.dob, ctx.as_at) < 25 or person.pa_id is None:
            continue
        rng = ctx.rng("safeguarding", person.pk)
        risk = 0.12 + 0.15 * (person.lost_touch or person.in_custody) + 0.08 * person.parenting
        if rng.random() >= risk:
            continue
        manager = managers.get(person.team_id) or (seniors[0] if seniors else None)
        for _ in range(rng.choice([1, 1, 1, 2])):
            days_ago = rng.randint(0, 360)
            raised = timezone.make_aware(dt.datetime.combine(ctx.as_at - dt.timedelta(days=days_ago),
                                                            dt.time(rng.randint(8, 17), rng.choice([0, 15, 30]))))
            category, severity = _pick(rng, CATEGORIES), _pick(rng, SEVERITY)
            recent = days_ago < 3
            acknowledged = None if recent and rng.random() < 0.6 else raised + dt.timedelta(hours=rng.randint(1, 20))
            level = 0 if acknowledged or days_ago < 1 else (1 if days_ago < 2 else 2)
            decision = "" if acknowledged is None or (recent and rng.random() < 0.5) else _pick(rng, DECISIONS)
            closed = (raised + dt.timedelta(days=rng.randint(7, 60))).date() if decision and days_ago > 60 else None
            concerns.append((ids[Concern], person.pk, category, severity, raised.date(), HAPPENED[category],
                             "Talked it through and agreed next steps", person.pa_id, raised,
                             manager if acknowledged else None, acknowledged, level, None, decision,
                             "Agreed with the young person" if decision else "", manager if decision else None,
                             acknowledged if decision else None, closed, 1))
            cid = ids[Concern]
            ids[Concern] += 1
            wants_plan = decision in ("safety_plan", "strategy_meeting", "multi_agency_meeting") or (
                severity in ("high", "immediate") and rng.random() < 0.7)
            if wants_plan and person.pk not in planned:
                planned.add(person.pk)
                plans.append((ids[SafetyPlan], person.pk, 1, HAPPENED[category], "Texting my PA; going to the hub",
                              "PA in office hours; out of hours 0300 123 6720; police 999", "", True,
                              raised.date(), person.pa_id, None, cid, 1))
                ids[SafetyPlan] += 1
            if decision in ("strategy_meeting", "multi_agency_meeting", "mappa"):
                kind = {"strategy_meeting": "strategy", "mappa": "mappa"}.get(decision, "multi_agency_safeguarding")
                meetings.append((ids[Meeting], person.pk, kind, (raised + dt.timedelta(days=3)).date(),
                                 "Leaving Care\nPolice\nNHS", "Agreed a safety plan and weekly contact", cid,
                                 person.pa_id, 1))
                ids[Meeting] += 1
        if rng.random() < 0.09 and manager is not None:  # about 1 in 100 of the cohort
            started = ctx.as_at - dt.timedelta(days=rng.randint(10, 200))
            oversights.append((ids[Oversight], person.pk, "Risk of exploitation and going missing", 1, started,
                               manager, None, "", 1))
            day = started + dt.timedelta(days=30)
            while day < ctx.as_at - dt.timedelta(days=rng.randint(0, 20)) and seniors:
                reviews.append((ids[OversightReview], ids[Oversight], day, seniors[0],
                                "Reviewed the plan and the latest contacts", "Keep weekly PA visits", 1))
                ids[OversightReview] += 1
                day += dt.timedelta(days=30)
            ids[Oversight] += 1
    write_rows(Concern, ["id", "young_person_id", "category", "severity", "occurred_on", "what_happened",
                         "immediate_action", "raised_by_id", "raised_at", "acknowledged_by_id", "acknowledged_at",
                         "escalation_level", "escalated_at", "decision", "decision_note", "decided_by_id",
                         "decided_at", "closed_on", "version"], concerns)
    write_rows(SafetyPlan, ["id", "young_person_id", "number", "risks", "what_helps", "who_to_call",
                            "young_persons_words", "written_with_young_person", "written_on", "written_by_id",
                            "superseded_on", "concern_id", "version"], plans)
    write_rows(Meeting, ["id", "young_person_id", "kind", "held_on", "agencies", "decisions", "concern_id",
                         "recorded_by_id", "version"], meetings)
    write_rows(Oversight, ["id", "young_person_id", "reason", "review_every_months", "started_on", "started_by_id",
                           "ended_on", "end_reason", "version"], oversights)
    write_rows(OversightReview, ["id", "oversight_id", "reviewed_on", "reviewed_by_id", "progress", "actions",
                                 "version"], reviews)
    if oversights:
        from people.models import YoungPerson

        YoungPerson.objects.filter(pk__in=[o[1] for o in oversights]).update(head_of_service_oversight=True)
    reset_sequences(Concern, SafetyPlan, Oversight, OversightReview, Meeting)
    ctx.log(f"  safeguarding: {len(concerns)} concerns, {len(plans)} safety plans, {len(meetings)} meetings, "
            f"{len(oversights)} under oversight")
