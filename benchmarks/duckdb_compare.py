"""The same measures computed by DuckDB over the same data exported to Parquet, to compare with PostgreSQL.

Not a test: run by ``benchmarks/growth.py`` (or by hand) against a database built by the demo command. The
record's tables are copied out of PostgreSQL (contact times turned into local time, as the service counts
days in Europe/London), written to Parquet by DuckDB, and the two measures are worked out again in DuckDB's
SQL from the definitions (``performance.definitions``): ``kpis --as-at`` and ``kpis --year``, the latter
deriving each young person's OC3 status from contacts, homes and activities as ``returns.oc3.derive`` does.
The script checks DuckDB's numerators and denominators equal PostgreSQL's before it reports any time, so the
comparison is of two correct answers.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lc_bench .venv/bin/python benchmarks/duckdb_compare.py
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "leavingcare.settings")

# What is copied out: table -> (SELECT over the PostgreSQL tables, DuckDB column types)
EXPORTS = {
    "people": ("SELECT id, date_of_birth, status, category, eligible_from, date_of_death FROM people_youngperson",
               "id BIGINT, date_of_birth DATE, status VARCHAR, category VARCHAR, eligible_from DATE, "
               "date_of_death DATE"),
    "care": ("SELECT young_person_id, start_date, end_date, is_short_break::int FROM people_careepisode",
             "young_person_id BIGINT, start_date DATE, end_date DATE, short_break INTEGER"),
    "contacts": ("SELECT young_person_id, (occurred_at AT TIME ZONE 'Europe/London'), made_by, successful::int "
                 "FROM contacts_contact",
                 "young_person_id BIGINT, local_at TIMESTAMP, made_by VARCHAR, successful INTEGER"),
    "homes": ("SELECT id, young_person_id, start_date, end_date, accom, suitable::int "
              "FROM accommodation_accommodationepisode",
              "id BIGINT, young_person_id BIGINT, start_date DATE, end_date DATE, accom VARCHAR, suitable INTEGER"),
    "activities": ("SELECT id, young_person_id, start_date, end_date, activity FROM accommodation_activityepisode",
                   "id BIGINT, young_person_id BIGINT, start_date DATE, end_date DATE, activity VARCHAR"),
    "kept_oc3": ("SELECT young_person_id, year, in_touch, activity, accommodation FROM returns_oc3status "
                 "WHERE source IN ('recorded', 'imported')",
                 "young_person_id BIGINT, year INTEGER, in_touch VARCHAR, activity VARCHAR, accommodation VARCHAR"),
}


def _columns(types: str) -> str:
    """DuckDB's read_csv columns argument from "name TYPE, ..." """
    return "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in (c.split() for c in types.split(", "))) + "}"


def export(directory: Path) -> dict[str, float]:
    """Copy the tables out of PostgreSQL as CSV and write each to Parquet; seconds taken by each step."""
    import duckdb
    from django.db import connection

    took = {"copy out of PostgreSQL": 0.0, "write Parquet": 0.0}
    con = duckdb.connect()
    for name, (select, types) in EXPORTS.items():
        csv_path = directory / f"{name}.csv"
        t0 = time.perf_counter()
        with connection.cursor() as cursor, open(csv_path, "wb") as f:
            with cursor.connection.cursor().copy(f"COPY ({select}) TO STDOUT (FORMAT csv)") as copy:
                for data in copy:
                    f.write(data)
        took["copy out of PostgreSQL"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        source = (f"SELECT * FROM read_csv('{csv_path}', header = false, columns = {_columns(types)})"
                  if csv_path.stat().st_size else
                  "SELECT " + ", ".join(f"CAST(NULL AS {c.split()[1]}) AS {c.split()[0]}" for c in types.split(", "))
                  + " WHERE false")
        con.execute(f"COPY ({source}) TO '{directory / name}.parquet' (FORMAT parquet)")
        took["write Parquet"] += time.perf_counter() - t0
        csv_path.unlink()
    return took


def _views(con: Any, directory: Path) -> None:
    for name in EXPORTS:
        con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet('{directory / name}.parquet')")


def as_at_rows(con: Any, as_at: dt.date) -> dict[tuple[str, str], tuple[int, int]]:
    from people.eligibility import dob_range_for_ages
    from performance.definitions import AS_AT_BANDS
    from worklists.clock import add_months

    bands = " ".join(f"WHEN date_of_birth BETWEEN DATE '{lo}' AND DATE '{hi}' THEN '{label}'"
                     for label, low, high in AS_AT_BANDS for lo, hi in [dob_range_for_ages(as_at, low, high)])
    since = add_months(as_at, -2)
    rows = con.execute(f"""
        WITH cohort AS (
            SELECT id, CASE {bands} END AS band FROM people
             WHERE status = 'open' AND (eligible_from <= DATE '{as_at}'
                   OR (eligible_from IS NULL AND category IN ('relevant', 'former_relevant')))),
        home AS (SELECT young_person_id, arg_max(suitable, (start_date, id)) AS suitable FROM homes
                  WHERE start_date <= DATE '{as_at}' AND (end_date IS NULL OR end_date >= DATE '{as_at}')
                  GROUP BY young_person_id),
        act AS (SELECT young_person_id, arg_max(activity, (start_date, id)) AS activity FROM activities
                 WHERE start_date <= DATE '{as_at}' AND (end_date IS NULL OR end_date >= DATE '{as_at}')
                 GROUP BY young_person_id),
        touched AS (SELECT DISTINCT young_person_id FROM contacts
                     WHERE made_by = 'pa' AND successful = 1
                       AND CAST(local_at AS DATE) BETWEEN DATE '{since}' AND DATE '{as_at}')
        SELECT band, count(*) AS total,
               count(t.young_person_id) AS in_touch,
               count(*) FILTER (WHERE h.suitable = 1) AS suitable,
               count(*) FILTER (WHERE left(a.activity, 1) IN ('F', 'P')) AS eet,
               count(*) FILTER (WHERE a.activity IS NULL OR a.activity NOT IN ('G4', 'G6')) AS adjusted
        FROM cohort c LEFT JOIN home h ON h.young_person_id = c.id LEFT JOIN act a ON a.young_person_id = c.id
             LEFT JOIN touched t ON t.young_person_id = c.id
        WHERE band IS NOT NULL GROUP BY band""").fetchall()
    found: dict[tuple[str, str], tuple[int, int]] = {}
    for band, total, in_touch, suitable, eet, adjusted in rows:
        found.update({("in_touch", band): (in_touch, total), ("suitable_accommodation", band): (suitable, total),
                      ("eet", band): (eet, total), ("eet_adjusted", band): (eet, adjusted)})
    return found


def dfe_year_rows(con: Any, year: int, months: tuple[int, int]) -> dict[tuple[str, str], tuple[int, int]]:
    from returns.oc3 import birthdays

    rows = list(birthdays(year, months))
    values = ", ".join(f"(DATE '{d}', {n}, DATE '{b}', DATE '{s}', DATE '{e}')" for d, n, b, s, e in rows)
    con.execute(f"CREATE OR REPLACE TEMP TABLE b AS SELECT * FROM (VALUES {values}) AS v(dob, n, bday, wstart, wend)")
    on_day = "x.start_date <= s.contact_date AND (x.end_date IS NULL OR x.end_date >= s.contact_date)"
    counted = con.execute(f"""
        WITH cohort AS (
            SELECT p.id, b.n, b.wstart, b.wend, p.status, p.date_of_death
              FROM people p JOIN b ON p.date_of_birth = b.dob
             WHERE p.eligible_from <= b.bday
               AND NOT EXISTS (SELECT 1 FROM care e WHERE e.young_person_id = p.id AND e.short_break = 0
                     AND ((e.start_date <= b.bday AND (e.end_date IS NULL OR e.end_date > b.bday))
                          OR (b.n <= 18 AND e.start_date < b.bday AND (e.end_date IS NULL OR e.end_date >= b.bday))))
               AND p.id NOT IN (SELECT young_person_id FROM kept_oc3 WHERE year = {year})),
        latest AS (
            SELECT c.id, max(ct.local_at) AS last_at FROM cohort c JOIN contacts ct ON ct.young_person_id = c.id
             WHERE ct.successful = 1 AND CAST(ct.local_at AS DATE) BETWEEN c.wstart AND c.wend GROUP BY c.id),
        statused AS (
            SELECT c.id, c.n, CAST(l.last_at AS DATE) AS contact_date,
                   CASE WHEN c.date_of_death IS NOT NULL AND c.date_of_death <= c.wend THEN 'DIED'
                        WHEN l.last_at IS NOT NULL THEN 'YES'
                        WHEN c.status = 'stepped_down' THEN 'NREQ' ELSE 'NO' END AS in_touch
            FROM cohort c LEFT JOIN latest l ON l.id = c.id),
        act AS (SELECT s.id, arg_max(x.activity, (x.start_date, x.id)) AS activity FROM statused s
                  JOIN activities x ON x.young_person_id = s.id AND {on_day} WHERE s.in_touch = 'YES' GROUP BY s.id),
        home AS (SELECT s.id, arg_max(CASE WHEN x.accom IN ('S', 'X') THEN x.accom || '2'
                                           WHEN x.suitable IS NULL THEN '0'
                                           WHEN x.suitable = 1 THEN x.accom || '1' ELSE x.accom || '2' END,
                                      (x.start_date, x.id)) AS accommodation
                   FROM statused s JOIN homes x ON x.young_person_id = s.id AND {on_day}
                  WHERE s.in_touch = 'YES' GROUP BY s.id),
        oc3 AS (
            SELECT s.n, s.in_touch, coalesce(a.activity, '0') AS activity,
                   coalesce(h.accommodation, '0') AS accommodation
              FROM statused s LEFT JOIN act a ON a.id = s.id LEFT JOIN home h ON h.id = s.id
            UNION ALL
            SELECT b.n, k.in_touch, k.activity, k.accommodation FROM kept_oc3 k
              JOIN people p ON p.id = k.young_person_id JOIN b ON p.date_of_birth = b.dob WHERE k.year = {year})
        SELECT CASE WHEN n <= 18 THEN '17-18' ELSE '19-21' END AS band, count(*) AS all_rows,
               count(*) FILTER (WHERE in_touch = 'YES') AS yes,
               count(*) FILTER (WHERE in_touch IN ('YES', 'NO', 'REFU', 'NREQ')) AS touch_counted,
               count(*) FILTER (WHERE right(accommodation, 1) = '1' AND left(accommodation, 1) NOT IN ('G', 'H', 'R'))
                   AS suitable,
               count(*) FILTER (WHERE left(accommodation, 1) NOT IN ('G', 'H', 'R')) AS accom_counted,
               count(*) FILTER (WHERE left(activity, 1) IN ('F', 'P')) AS eet,
               count(*) FILTER (WHERE activity NOT IN ('G4', 'G6')) AS adjusted
        FROM oc3 WHERE in_touch NOT IN ('DIED', 'RHOM') GROUP BY 1""").fetchall()
    found: dict[tuple[str, str], tuple[int, int]] = {}
    for band, all_rows, yes, touch, suitable, accom, eet, adjusted in counted:
        found.update({("in_touch", band): (yes, touch), ("suitable_accommodation", band): (suitable, accom),
                      ("eet", band): (eet, all_rows), ("eet_adjusted", band): (eet, adjusted)})
    return found


def _pairs(rows: list[dict[str, Any]]) -> dict[tuple[str, str], tuple[int, int]]:
    return {(r["indicator"], r["age_band"]): (r["numerator"], r["denominator"]) for r in rows if r["denominator"]}


def best_of(fn: Any, repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return sorted(times)[len(times) // 2], result


def compare(as_at: dt.date, year: int, repeat: int = 3) -> dict[str, Any]:
    """Median seconds for each measure in PostgreSQL and in DuckDB, after checking they agree."""
    import duckdb

    from people.models import YoungPerson
    from performance.measures import as_at_rows as pg_as_at
    from performance.measures import dfe_year_rows as pg_year
    from returns.oc3 import window

    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        exported = export(directory)
        con = duckdb.connect()
        _views(con, directory)
        everyone = YoungPerson.objects.all()
        pg_as_at_s, pg_as_at_rows = best_of(lambda: pg_as_at(everyone, as_at), repeat)
        pg_year_s, pg_year_rows = best_of(lambda: pg_year(year), repeat)
        duck_as_at_s, duck_as_at = best_of(lambda: as_at_rows(con, as_at), repeat)
        duck_year_s, duck_year = best_of(lambda: dfe_year_rows(con, year, window()), repeat)
        if _pairs(pg_as_at_rows) != duck_as_at:
            raise SystemExit(f"as at {as_at}: PostgreSQL {_pairs(pg_as_at_rows)} but DuckDB {duck_as_at}")
        if _pairs(pg_year_rows) != duck_year:
            raise SystemExit(f"year {year}: PostgreSQL {_pairs(pg_year_rows)} but DuckDB {duck_year}")
        parquet_mb = sum(f.stat().st_size for f in directory.glob("*.parquet")) / 1e6
    return {"kpis --as-at": (pg_as_at_s, duck_as_at_s), "kpis --year": (pg_year_s, duck_year_s),
            "export": exported, "parquet_mb": parquet_mb}


def main() -> None:
    import argparse

    import django

    django.setup()
    parser = argparse.ArgumentParser()
    parser.add_argument("--as-at", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    year = args.as_at.year + (0 if args.as_at.month < 4 else 1)
    result = compare(args.as_at, year, args.repeat)
    if args.json:
        print(json.dumps(result))
        return
    print("| measure | PostgreSQL | DuckDB over Parquet | PostgreSQL / DuckDB |\n| --- | --- | --- | --- |")
    for label in ("kpis --as-at", "kpis --year"):
        pg, duck = result[label]
        print(f"| {label} | {pg:.3f} s | {duck:.3f} s | {pg / duck:.1f} |")
    print(f"\nExport: {', '.join(f'{k} {v:.1f} s' for k, v in result['export'].items())}; "
          f"Parquet {result['parquet_mb']:.0f} MB. Both engines agree on every numerator and denominator.")


if __name__ == "__main__":
    main()
