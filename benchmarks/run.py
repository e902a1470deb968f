"""Time the database-heavy paths on a large cohort. Not a test: run it by hand and record the figures in README.md.

    createdb -h 127.0.0.1 -U postgres lc_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/lc_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py demo_data --young-people 100000 --seed 1 --skip money
    .venv/bin/python benchmarks/run.py --repeat 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leavingcare.settings")


def timed(label: str, fn: Callable[[], Any], repeat: int) -> None:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    size = len(result) if hasattr(result, "__len__") else result
    print(f"| {label} | {statistics.median(times):.3f} s | {min(times):.3f} s | {size} |")


def main() -> None:
    import django

    django.setup()
    from django.db import connection

    from contacts.models import Contact
    from people.models import YoungPerson
    from performance.measures import as_at_rows, dfe_year_rows
    from worklists.queries import items

    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--as-at", type=dt.date.fromisoformat, default=dt.date.today())
    args = parser.parse_args()
    everyone = YoungPerson.objects.all()
    print(f"{connection.vendor}: {everyone.count()} young people, {Contact.objects.count()} contacts, "
          f"as at {args.as_at}\n")
    print("| what | median | best | rows |\n| --- | --- | --- | --- |")
    timed("authority-wide worklist (overdue and due in 14 days)", lambda: items(everyone, args.as_at), args.repeat)
    team = everyone.exclude(team=None).values_list("team", flat=True).first()
    timed("one team's worklist", lambda: items(everyone.filter(team=team), args.as_at), args.repeat)
    timed("KPIs as at a date (3 bands x 4 measures)", lambda: as_at_rows(everyone, args.as_at), args.repeat)
    timed("KPIs by team", lambda: as_at_rows(everyone, args.as_at, by="team__name"), args.repeat)
    year = args.as_at.year if args.as_at.month < 4 else args.as_at.year + 1
    timed(f"DfE year {year} (derive OC3 rows, then count)", lambda: dfe_year_rows(year), 1)
    timed(f"DfE year {year} (count only)", lambda: dfe_year_rows(year, refresh=False), args.repeat)


if __name__ == "__main__":
    main()
