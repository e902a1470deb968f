"""Demo circumstances and support to 25, from the flags the cohort already has and the seeds' numbers.

Seed 000 section 7: Lifelong Links for 29 of 1,543 (about 2%); section 3.3: UASC, parents, custody and out of area
from the cohort's flags; step-down requested by a few over 21; access to records requests are rare (assumed about
1 in 200 a year).
"""

from __future__ import annotations

import datetime as dt

from circumstances.models import (
    Child,
    Custody,
    ImmigrationCase,
    OutOfArea,
    RecordsRequest,
    StepDown,
    SupportReferral,
)
from circumstances.rules import records_request_due
from people.demo_support import DemoContext, next_id, reset_sequences, write_rows
from people.eligibility import age_on, birthday

AUTHORITIES = ["Blackpool", "Blackburn with Darwen", "Cumberland", "Manchester", "Liverpool", "Leeds"]
PRISONS = ["HMP Preston", "HMP Lancaster Farms", "HMYOI Wetherby", "HMP Garth", "HMP Styal"]


def populate(ctx: DemoContext) -> None:
    models_ = (SupportReferral, ImmigrationCase, Child, Custody, OutOfArea, StepDown, RecordsRequest)
    ids = {m: next_id(m) for m in models_}
    rows: dict[type, list[tuple]] = {m: [] for m in models_}  # type: ignore[type-arg]

    def add(model: type, *values: object) -> None:
        rows[model].append((ids[model], *values, 1))
        ids[model] += 1

    for p in ctx.people:
        age = age_on(p.dob, ctx.as_at)
        if not 16 <= age < 25:
            continue
        rng = ctx.rng("circumstances", p.pk)
        ago = lambda lo, hi, rng=rng: ctx.as_at - dt.timedelta(days=rng.randint(lo, hi))  # noqa: E731
        for kind, rate in (("lifelong_links", 0.019), ("advocacy", 0.05), ("fgc", 0.02), ("counselling", 0.06)):
            if rng.random() < rate:
                add(SupportReferral, p.pk, kind, ago(10, 400), rng.choice(["referred", "accepted", "accepted",
                                                                           "declined", "completed"]), "")
        if p.disabled and rng.random() < 0.7:
            add(SupportReferral, p.pk, "transitions", birthday(p.dob, 14) + dt.timedelta(days=rng.randint(0, 1200)),
                "accepted", "Transitions Service in care and pathway planning")
        if p.is_uasc:
            status = rng.choice(["asylum_seeker", "refugee", "refugee", "humanitarian", "appeal"])
            granted = ago(60, 1500) if status in ("refugee", "humanitarian") else None
            ends = birthday(granted, 5) if granted else None  # five years' leave (29 February safe)
            add(ImmigrationCase, p.pk, status, granted, ends, granted, "Lancashire Immigration Law", "")
        if p.parenting:
            born = ago(0, 1400)
            add(Child, p.pk, "", born, rng.choice(["parent", "parent", "parent", "other_parent", "foster_care"]),
                rng.choice(["none", "none", "early_help", "cin", "cp_plan"]))
            if rng.random() < 0.1:
                add(SupportReferral, p.pk, "breathing_space", born + dt.timedelta(days=200), "accepted", "")
        if p.in_custody:
            sentenced = ago(30, 500)
            add(Custody, p.pk, rng.choice(PRISONS), sentenced, ctx.as_at + dt.timedelta(days=rng.randint(5, 400)),
                "Offender Manager Unit", "", None)
        if p.out_of_area:
            add(OutOfArea, p.pk, rng.choice(AUTHORITIES), ago(30, 900), p.district_id, None)
        if p.status == "stepped_down" or (age >= 21 and rng.random() < 0.02):
            # the cohort's stepped-down records were agreed; a few others are waiting or were declined
            decision = "agreed" if p.status == "stepped_down" else rng.choice(["pending", "declined"])
            decided = decision != "pending"
            add(StepDown, p.pk, ago(10, 300), "Wants no more contact from the service", "No open concerns",
                decision, ctx.manager_by_team.get(p.team_id) if decided else None, ctx.as_at if decided else None,
                None)
        if rng.random() < 0.005:
            received = ago(0, 90)
            add(RecordsRequest, p.pk, received, records_request_due(received), True, "",
                None if received > ctx.as_at - dt.timedelta(days=25) else received + dt.timedelta(days=25))
    cols = {
        SupportReferral: ["young_person_id", "kind", "referred_on", "status", "outcome"],
        ImmigrationCase: ["young_person_id", "status", "leave_granted_on", "leave_ends_on", "asylum_decision_on",
                          "solicitor", "home_office_reference"],
        Child: ["young_person_id", "first_name", "date_of_birth", "lives_with", "child_protection"],
        Custody: ["young_person_id", "establishment", "sentence_date", "release_date", "offender_manager",
                  "accommodation_on_release", "released_on"],
        OutOfArea: ["young_person_id", "authority_of_residence", "since", "local_connection_id", "ended_on"],
        StepDown: ["young_person_id", "requested_on", "privacy", "safeguarding", "decision", "decided_by_id",
                   "decided_on", "reopened_on"],
        RecordsRequest: ["young_person_id", "received_on", "due_on", "pa_notified", "helper", "completed_on"],
    }
    for model, columns in cols.items():
        write_rows(model, ["id", *columns, "version"], rows[model])
    reset_sequences(*cols)
    ctx.log("  circumstances: " + ", ".join(f"{len(rows[m])} {m._meta.verbose_name_plural}" for m in cols))
