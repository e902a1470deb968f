#!/usr/bin/env bash
# Build the synthetic cohort at benchmark scale on PostgreSQL and report wall time and peak memory.
#   benchmarks/demo/run.sh [N] [extra demo_data args, e.g. --skip contacts,plans]
# Uses (and recreates) the database lc_bench_demo on 127.0.0.1:5432 unless BENCH_DB is set.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-100000}"; shift || true
DB="${BENCH_DB:-lc_bench_demo}"
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/${DB}"
dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
createdb -h 127.0.0.1 -U postgres "$DB"
.venv/bin/python manage.py migrate --verbosity 0
echo "demo_data --young-people $N --seed 1 $* on PostgreSQL ($DB)"
/usr/bin/time -f "wall %e s, peak RSS %M KB (python process)" \
  .venv/bin/python manage.py demo_data --young-people "$N" --seed 1 "$@"
psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "select 'young people', count(*) from people_youngperson
  union all select 'care episodes', count(*) from people_careepisode
  union all select 'allocations', count(*) from people_allocation
  union all select 'staff', count(*) from accounts_user
  union all select 'database size MB', pg_database_size('$DB') / 1048576"
# Refresh of cached categories at this scale
/usr/bin/time -f "refresh_categories: wall %e s, peak RSS %M KB" .venv/bin/python manage.py refresh_categories
