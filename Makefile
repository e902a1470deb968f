# The two commands: `make run` (serve the demo on SQLite) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium

.PHONY: run serve scheduler test lint typecheck test-postgres browser clean-db bench

$(BIN)/.installed: requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	touch $@

# The demo runs with DEBUG on (no HTTPS, no second factor required); production leaves DEBUG unset.
run: export DEBUG ?= 1
run: $(BIN)/.installed
	$(BIN)/python manage.py migrate --verbosity 0
	$(BIN)/python manage.py demo_data --if-empty
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Production: gunicorn with DEBUG off, static files collected first, settings from the environment
# (SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL; see README "Running it for real"). BIND and WORKERS are optional.
serve: $(BIN)/.installed
	DEBUG=False $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	DEBUG=False $(BIN)/python manage.py migrate --verbosity 0
	DEBUG=False $(BIN)/gunicorn leavingcare.wsgi --bind $${BIND:-127.0.0.1:8000} --workers $${WORKERS:-2} \
		--timeout 60 --graceful-timeout 30 --max-requests 2000 --max-requests-jitter 200

# The scheduled jobs (closure at 25, categories, clock facts, payment runs, reminders): one long-running process
scheduler: $(BIN)/.installed
	$(BIN)/python manage.py run_scheduler

# Debian's Chromium for the browser tests (Playwright cannot download its own here).
browser:
	@test -x $(CHROMIUM) || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/mypy

test: $(BIN)/.installed browser lint
	$(BIN)/pytest -n auto --dist loadfile

test-postgres:
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/leavingcare} $(MAKE) test

clean-db:
	rm -f db.sqlite3
