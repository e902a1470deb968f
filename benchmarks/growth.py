"""How time grows with the cohort: build national-profile cohorts of 1,000, 10,000 and 110,000 young people on
PostgreSQL, run ``run.py`` and ``duckdb_compare.py`` on each, and print the tables for README.md.

    .venv/bin/python benchmarks/growth.py                  # builds lc_growth_1000 ... (about 10 minutes)
    .venv/bin/python benchmarks/growth.py --sizes 1000 10000 --keep   # smaller, keeping the databases
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
PG = "postgres://postgres@127.0.0.1:5432"


def run(args: list[str], env: dict[str, str]) -> str:
    return subprocess.run(args, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout


def build(size: int, as_at: str) -> tuple[dict[str, str], float]:
    name = name_of(size)
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    env = {**os.environ, "DATABASE_URL": f"{PG}/{name}"}
    run([PYTHON, "manage.py", "migrate", "--verbosity", "0"], env)
    t0 = time.perf_counter()
    run([PYTHON, "manage.py", "demo_data", "--national", "--young-people", str(size), "--seed", "1",
         "--as-at", as_at, "--skip", "money"], env)
    took = time.perf_counter() - t0
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", name, "-qc", "VACUUM ANALYZE"], check=True)
    return env, took


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 110000])
    parser.add_argument("--as-at", default=time.strftime("%Y-%m-%d"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="Keep the databases afterwards")
    args = parser.parse_args()
    results: list[dict[str, Any]] = []
    for size in args.sizes:
        env, built = build(size, args.as_at)
        figures = json.loads(run([PYTHON, "benchmarks/run.py", "--json", "--as-at", args.as_at,
                                  "--repeat", str(args.repeat)], env))
        duck = json.loads(run([PYTHON, "benchmarks/duckdb_compare.py", "--json", "--as-at", args.as_at,
                               "--repeat", str(args.repeat)], env))
        results.append({"size": size, "built": built, "run": figures, "duck": duck})
        if not args.keep:
            subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", name_of(size)], check=True)
    report(results)


def name_of(size: int) -> str:
    return f"lc_growth_{size}"


def report(results: list[dict[str, Any]]) -> None:
    sizes = [r["size"] for r in results]
    print("| | " + " | ".join(f"{s:,} young people" for s in sizes) + " |")
    print("| --- |" + " --- |" * len(sizes))
    cohorts = [r["run"]["cohort"] for r in results]
    print("| contacts | " + " | ".join(f"{c['contacts']:,}" for c in cohorts) + " |")
    print("| care episodes | " + " | ".join(f"{c['care_episodes']:,}" for c in cohorts) + " |")
    print("| building the cohort | " + " | ".join(f"{r['built']:.1f} s" for r in results) + " |")
    for label in results[0]["run"]["figures"]:
        print(f"| {label} | " + " | ".join(f"{r['run']['figures'][label]['median']:.3f} s" for r in results) + " |")
    for label in ("kpis --as-at", "kpis --year"):
        print(f"| DuckDB over Parquet: {label} | "
              + " | ".join(f"{r['duck'][label][1]:.3f} s" for r in results) + " |")
        print(f"| PostgreSQL / DuckDB: {label} | "
              + " | ".join(f"{r['duck'][label][0] / r['duck'][label][1]:.1f}" for r in results) + " |")
    print("| export to Parquet (copy out + write) | "
          + " | ".join(f"{sum(r['duck']['export'].values()):.1f} s" for r in results) + " |")


if __name__ == "__main__":
    main()
