"""Demo health records in proportions drawn from the seeds and national figures.

Seed 000 section 6: GP registration supported for all, a new Health Passport process for those leaving care (so most
recent care leavers, few older ones, have one); annual health assessments while looked after (nationally about nine
in ten are done on time); an SDQ at least annually for looked-after young people to 16; substance misuse and
mental-health support for a minority (section 5: "mental health or substance abuse").
"""

from __future__ import annotations

import datetime as dt

from health.models import HealthCheck, HealthProfile, Immunisation, MentalHealthSupport, SDQScore, SubstanceMisuse
from people.demo_support import DemoContext, next_id, reset_sequences, write_rows
from people.eligibility import age_on, birthday

SERVICES = ["Ask Jan counselling (Rees Foundation)", "Community mental health team", "GP", "Minds Matter"]


def populate(ctx: DemoContext) -> None:
    ids = {m: next_id(m) for m in (HealthProfile, HealthCheck, SDQScore, Immunisation, SubstanceMisuse,
                                   MentalHealthSupport)}
    rows: dict[type, list[tuple]] = {m: [] for m in ids}  # type: ignore[type-arg]

    def add(model: type, *values: object) -> None:
        rows[model].append((ids[model], *values, 1))
        ids[model] += 1

    for person in ctx.people:
        age = age_on(person.dob, ctx.as_at)
        if not 16 <= age < 25:
            continue
        rng = ctx.rng("health", person.pk)
        eighteen = birthday(person.dob, 18)
        passport = eighteen <= ctx.as_at and rng.random() < (0.85 if age < 21 else 0.35)
        if rng.random() < 0.9:  # registered with a GP
            practice = rng.choice([("Fishergate Hill Surgery", "P81001"), ("Ribbleton Medical Centre", "P81046")])
            add(HealthProfile, person.pk, *practice, birthday(person.dob, 16), passport,
                min(ctx.as_at, eighteen + dt.timedelta(days=rng.randint(-30, 30))) if passport else None)
        elif passport:
            add(HealthProfile, person.pk, "", "", None, True, eighteen)
        if person.in_care_now and age < 18:
            last = ctx.as_at - dt.timedelta(days=rng.randint(20, 330 if rng.random() < 0.9 else 420))
            add(HealthCheck, person.pk, "health_assessment", last, "Completed", "", "")
            add(HealthCheck, person.pk, "dental_check", last + dt.timedelta(days=rng.randint(-60, 0)),
                "Completed" if rng.random() < 0.8 else "Refused", "", "")
            if age < 17 and rng.random() < 0.8:
                if rng.random() < 0.9:
                    add(SDQScore, person.pk, last, min(40, max(0, int(rng.gauss(15, 7)))), "", "")
                else:
                    add(SDQScore, person.pk, last, None, "SDQ5", "")
            add(Immunisation, person.pk, last, rng.random() < 0.85, "", "")
        elif rng.random() < 0.25:
            add(HealthCheck, person.pk, "annual_health_check", ctx.as_at - dt.timedelta(days=rng.randint(10, 300)),
                "Completed" if rng.random() < 0.7 else "Planned", "", "")
        if rng.random() < 0.12:
            add(SubstanceMisuse, person.pk, ctx.as_at - dt.timedelta(days=rng.randint(10, 600)),
                rng.choice(["Cannabis", "Alcohol", "Cocaine", "Ketamine"]), rng.random() < 0.6,
                "Harm reduction service" if rng.random() < 0.5 else "", "")
        if rng.random() < 0.18:
            add(MentalHealthSupport, person.pk, rng.choice(["support", "referral"]), rng.choice(SERVICES),
                ctx.as_at - dt.timedelta(days=rng.randint(5, 500)),
                rng.choice(["referred", "waiting", "accepted", "receiving", "ended", "declined"]), "")
    cols = {
        HealthProfile: ["young_person_id", "gp_practice", "gp_ods_code", "gp_registered_on", "passport_issued",
                        "passport_issued_on"],
        HealthCheck: ["young_person_id", "kind", "on", "status", "note", "ssd_id"],
        SDQScore: ["young_person_id", "completed_on", "score", "reason", "ssd_id"],
        Immunisation: ["young_person_id", "recorded_on", "up_to_date", "detail", "ssd_id"],
        SubstanceMisuse: ["young_person_id", "recorded_on", "substance", "intervention_received", "help", "ssd_id"],
        MentalHealthSupport: ["young_person_id", "kind", "service", "started_on", "status", "outcome"],
    }
    for model, columns in cols.items():
        write_rows(model, ["id", *columns, "version"], rows[model])
    reset_sequences(*cols)
    ctx.log("  health: " + ", ".join(f"{len(rows[m])} {m._meta.verbose_name_plural}" for m in cols))
