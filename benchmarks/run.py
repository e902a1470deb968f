"""Time the database-heavy paths on a large cohort. Not a test: run it by hand and record the figures in README.md.

    createdb -h 127.0.0.1 -U postgres lc_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/lc_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py demo_data --national --seed 1 --skip money
    .venv/bin/python benchmarks/run.py --repeat 5

``--json`` prints the figures as JSON (``benchmarks/growth.py`` collects them for each cohort size).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leavingcare.settings")


def timed(fn: Callable[[], Any], repeat: int, before: Callable[[], Any] | None = None) -> dict[str, Any]:
    times, result = [], None
    for _ in range(repeat):
        if before is not None:
            before()
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    size = len(result) if hasattr(result, "__len__") else result
    return {"median": statistics.median(times), "best": min(times), "rows": size}


def measure(as_at: dt.date, repeat: int) -> dict[str, Any]:
    from django.db import transaction

    from contacts.models import Contact
    from people.models import CareEpisode, YoungPerson
    from performance.measures import as_at_rows, dfe_year_rows
    from returns.models import Oc3Status, Source
    from worklists.facts import refresh_all
    from worklists.queries import items

    everyone = YoungPerson.objects.all()
    with transaction.atomic():
        refresh_all()  # what the demo command and the nightly job leave behind
    team = everyone.exclude(team=None).values_list("team", flat=True).first()
    year = as_at.year if as_at.month < 4 else as_at.year + 1

    def forget_year() -> None:
        Oc3Status.objects.filter(year=year, source=Source.DERIVED).delete()

    return {
        "cohort": {"young_people": everyone.count(), "contacts": Contact.objects.count(),
                   "care_episodes": CareEpisode.objects.count()},
        "as_at": as_at.isoformat(), "year": year,
        "figures": {
            "authority-wide worklist (overdue and due in 14 days)": timed(lambda: items(everyone, as_at), repeat),
            "one team's worklist": timed(lambda: items(everyone.filter(team=team), as_at), repeat),
            "kpis --as-at (3 bands x 4 measures)": timed(lambda: as_at_rows(everyone, as_at), repeat),
            "KPIs as at a date by team": timed(lambda: as_at_rows(everyone, as_at, by="team__name"), repeat),
            f"kpis --year {year}, first derivation of the year's OC3 rows": timed(
                lambda: dfe_year_rows(year), repeat, before=forget_year),
            f"kpis --year {year}, derived again with nothing changed": timed(lambda: dfe_year_rows(year), repeat),
            f"kpis --year {year}, counting the OC3 rows only": timed(
                lambda: dfe_year_rows(year, refresh=False), repeat),
        },
    }


def main() -> None:
    import django

    django.setup()
    from django.db import connection

    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--as-at", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.as_at, args.repeat)
    if args.json:
        print(json.dumps(result))
        return
    c = result["cohort"]
    print(f"{connection.vendor}: {c['young_people']:,} young people, {c['contacts']:,} contacts, "
          f"{c['care_episodes']:,} care episodes, as at {args.as_at}\n")
    print("| what | median | best | rows |\n| --- | --- | --- | --- |")
    for label, f in result["figures"].items():
        print(f"| {label} | {f['median']:.3f} s | {f['best']:.3f} s | {f['rows']} |")


if __name__ == "__main__":
    main()
