#!/bin/sh
# Page speed under load (a benchmark, not a test): the demo cohort on PostgreSQL served by `make serve`, staff
# pages and /healthz loaded with wrk (Debian's package) on loopback only, each for DURATION seconds with
# CONNECTIONS connections. Usage: benchmarks/pages/run.sh [DB_NAME]; prints one line per page.
set -eu
cd "$(dirname "$0")/../.."
DB=${1:-lc_pages}
PORT=${PORT:-8765}
DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-20}
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" SECRET_KEY=benchmark-only-not-secret-0123456789
export ALLOWED_HOSTS=127.0.0.1 BIND="127.0.0.1:$PORT" WORKERS=${WORKERS:-2}
export SECURE_PROXY_HEADER=HTTP_X_FORWARDED_PROTO REQUIRE_MFA=False
command -v wrk >/dev/null || { echo "install wrk (apt-get install wrk)"; exit 1; }
if ! psql -h 127.0.0.1 -U postgres -lqt | cut -d'|' -f1 | grep -qw "$DB"; then
  createdb -h 127.0.0.1 -U postgres "$DB"
  .venv/bin/python manage.py migrate --verbosity 0
  .venv/bin/python manage.py demo_data --seed 1 >/dev/null
fi
! curl -s "http://$BIND/" >/dev/null || { echo "something already answers on $BIND"; exit 1; }
make serve >/tmp/lc-pages-serve.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; pkill -f "gunicorn leavingcare.wsgi --bind $BIND" 2>/dev/null || true' EXIT
until curl -sf -H "X-Forwarded-Proto: https" "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 1; done
# Behind the TLS proxy a council runs, the service sees X-Forwarded-Proto: https; sessions are made by Django's
# own test client (force_login) so the benchmark does not depend on a second factor. The team manager tm1 loads
# every page but "my worklist", which is loaded by the personal adviser pa1 (a manager's opens on the team's).
session() {
  .venv/bin/python manage.py shell --no-imports -c "from django.test import Client; from accounts.models import User; c = Client(); c.force_login(User.objects.get(username='$1')); print(c.cookies['sessionid'].value)" | tail -1
}
TM="sessionid=$(session tm1)"
PA="sessionid=$(session pa1)"
YP=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "SELECT y.id FROM people_youngperson y JOIN accounts_user u ON u.team_id = y.team_id WHERE u.username = 'tm1' AND y.status = 'open' ORDER BY y.id LIMIT 1")
for page in /healthz /young-people/ "/young-people/$YP/" /worklists/ /worklists/team/ /plans/ /money/ /performance/; do
  COOKIE=$TM; [ "$page" = /worklists/ ] && COOKIE=$PA
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" -H "X-Forwarded-Proto: https" "http://$BIND$page")" = 200 ] \
    || { echo "$page does not answer 200"; exit 1; }
  printf '%-24s ' "$page"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $COOKIE" -H "X-Forwarded-Proto: https" "http://$BIND$page" \
    | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
           END {printf "%8s req/s  median %8s  p99 %8s  non-2xx %s\n", rps, p50, p99, (bad ? bad : 0)}'
done
