"""`manage.py payment_run`: the week's allowances, printed as JSON, never paid twice, all or nothing."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from accommodation.models import AccommodationEpisode
from money.models import Payment
from money.presets import load_catalogue
from people.tests.factories import young_person


def pay(day: str) -> dict:
    out = StringIO()
    call_command("payment_run", "--period-ending", day, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def supported_16_17(team, la_person_id, dob=dt.date(2008, 3, 10), **extra):
    yp = young_person(team, dob=dob, la_person_id=la_person_id, in_care=(dt.date(2022, 3, 10), dt.date(2025, 1, 1)),
                      **extra)
    AccommodationEpisode.objects.create(young_person=yp, start_date=dt.date(2025, 1, 1), accom="D", suitable=True)
    return yp


def test_weekly_run_pays_once(db, teams):
    load_catalogue()
    supported_16_17(teams["north"], "A1")
    supported_16_17(teams["north"], "CLOSED", status="closed")
    first = pay("2025-06-15")
    assert first == {"period_ending": "2025-06-15", "created": 1, "total": "71.70",
                     "payments": [{"young_person": "A1", "entitlement": "LCA", "amount": "71.70"}]}
    assert pay("2025-06-15") == {"period_ending": "2025-06-15", "created": 0, "total": "0.00", "payments": []}
    assert Payment.objects.count() == 1


def test_first_of_the_month_and_birthday_runs(db, teams):
    load_catalogue()
    supported_16_17(teams["north"], "B1", dob=dt.date(2008, 6, 30))
    result = pay("2025-07-03")  # week 27 June - 3 July holds 1 July and the 17th birthday
    assert {(p["entitlement"], p["amount"]) for p in result["payments"]} == {
        ("LCA", "71.70"), ("CLOTHING", "25.00"), ("BIRTHDAY", "50.00")}
    assert result["total"] == "146.70"


@pytest.mark.django_db(transaction=True)
def test_a_killed_run_leaves_no_payments(teams):
    d = connection.settings_dict
    if d["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{d['NAME']}"
    else:
        url = f"postgres://{d['USER']}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"
    load_catalogue()
    for i in range(600):
        supported_16_17(teams["north"], f"K{i:04d}")
    env = {**os.environ, "DATABASE_URL": url, "LC_PAYMENT_RUN_PAUSE_AFTER": "500"}
    proc = subprocess.Popen([sys.executable, "manage.py", "payment_run", "--period-ending", "2025-06-15"],
                            env=env, cwd=settings.BASE_DIR, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    assert proc.stderr is not None
    for line in proc.stderr:  # halfway: 500 of 600 payments written inside the run's transaction
        if "PAUSED" in line:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert Payment.objects.count() == 0
    assert pay("2025-06-15")["created"] == 600
