"""Demo accommodation and activity histories in SSDA903 codes, in the published proportions.

Suitable accommodation ~88%; EET ~60% at 17-18 and ~46% at 19-21 (shared/data/dfe, Lancashire).
"""

from __future__ import annotations

import datetime as dt
import random

from accommodation.models import AccommodationEpisode, ActivityEpisode
from people.demo_support import DemoContext, DemoPerson, next_id, reset_sequences, write_rows
from people.eligibility import age_on, birthday

# No Z (Staying Put) before 18: a 16-17-year-old with foster carers is still looked after (903 rule 3001)
ACCOM_16_17 = {"D": 44, "E": 23, "T": 8, "B": 8, "C": 12, "U": 3, "X": 1, "V": 1}
ACCOM_18_20 = {"Z": 10, "D": 18, "U": 30, "E": 6, "B": 12, "K": 4, "T": 4, "S": 2, "X": 2, "V": 3, "W": 1,
               "Y": 4, "R": 2, "G": 1}
ACCOM_21 = {"U": 55, "B": 14, "K": 6, "D": 5, "S": 3, "X": 3, "Y": 6, "R": 4, "G": 2, "V": 2}
PROVISION = {"Z": "staying_put", "D": "core_supported", "E": "core_supported", "T": "spot_purchase",
             "U": "social_tenancy", "X": "custody", "B": "family"}
EET_17_18 = {"F2": 45, "F4": 5, "F5": 6, "P5": 3, "P2": 2}
EET_OLDER = {"F1": 8, "P1": 1, "F2": 10, "P2": 2, "F4": 5, "P4": 1, "F5": 15, "P5": 6}


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _accom(rng: random.Random, person: DemoPerson, age: int) -> tuple[str, bool | None]:
    if person.in_custody:
        return "X", False
    letter = _pick(rng, ACCOM_16_17 if age < 18 else ACCOM_18_20 if age < 21 else ACCOM_21)
    if letter in ("S", "X"):
        return letter, False
    return letter, rng.random() < 0.92


def _activity(rng: random.Random, person: DemoPerson, age: int) -> str:
    eet_rate = 0.62 if age < 19 else 0.48 if age < 22 else 0.45
    if rng.random() < eet_rate:
        return _pick(rng, EET_17_18 if age < 19 else EET_OLDER)
    if person.parenting and rng.random() < 0.7:
        return "G6"
    if person.disabled and rng.random() < 0.7:
        return "G4"
    return "G5" if rng.random() < 0.8 else "G4"


def populate(ctx: DemoContext) -> None:
    acc_id, act_id = next_id(AccommodationEpisode), next_id(ActivityEpisode)
    acc_rows: list[tuple] = []
    act_rows: list[tuple] = []
    for person in ctx.people:
        rng = ctx.rng("accommodation", person.pk)
        start = birthday(person.dob, 16)  # the whole history since 16, so every OC3 birthday has an answer
        moves = rng.choice([0, 1, 1, 2, 3])
        cuts = sorted({start + dt.timedelta(days=rng.randint(1, max(2, (ctx.as_at - start).days - 1)))
                       for _ in range(moves)})
        bounds = [start, *[c for c in cuts if start < c < ctx.as_at], None]
        for j in range(len(bounds) - 1):
            age = age_on(person.dob, bounds[j])
            letter, suitable = _accom(rng, person, age) if bounds[j + 1] is None else _accom(
                random.Random(rng.random()), person, age)
            acc_rows.append((acc_id, person.pk, bounds[j], bounds[j + 1], letter, suitable,
                             PROVISION.get(letter, "other"), person.district_id, person.out_of_area, "", ""))
            acc_id += 1
            act_rows.append((act_id, person.pk, bounds[j], bounds[j + 1], _activity(rng, person, age), ""))
            act_id += 1
    write_rows(AccommodationEpisode, ["id", "young_person_id", "start_date", "end_date", "accom", "suitable",
                                      "provision", "district_id", "out_of_area", "address", "note"], acc_rows)
    write_rows(ActivityEpisode, ["id", "young_person_id", "start_date", "end_date", "activity", "note"], act_rows)
    reset_sequences(AccommodationEpisode, ActivityEpisode)
    ctx.log(f"  accommodation: {len(acc_rows)} accommodation and {len(act_rows)} activity episodes")
