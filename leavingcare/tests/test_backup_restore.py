"""A backup restored into a fresh database reads the same counts, and a restore at another migration says which.

On PostgreSQL (the PostgreSQL pass of CI, DATABASE_URL=postgres://...) the backup is PostgreSQL's own:
``pg_dump --format=custom`` and ``pg_restore`` into a new database, as docs/operations.md says. On SQLite the
same is done with SQLite's online backup API. The test runs on both; neither is skipped."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from contacts.models import Contact
from leavingcare.backup import counts_here
from people.tests.factories import young_person


def back_up_and_restore(tmp_path: Path) -> tuple[str, object]:
    """Back the test database up and restore it into a fresh one; (its URL, a function that drops it)."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        target = tmp_path / "restored.sqlite3"
        with sqlite3.connect(target) as dest:
            connection.ensure_connection()
            connection.connection.backup(dest)
        return f"sqlite:///{target}", lambda: None
    host, port, user = settings["HOST"] or "127.0.0.1", str(settings["PORT"] or 5432), settings["USER"] or "postgres"
    dump, name = tmp_path / "backup.dump", f"lc_restore_{uuid.uuid4().hex[:8]}"
    common = ["-h", host, "-p", port, "-U", user]
    subprocess.run(["pg_dump", *common, "--format=custom", "--file", str(dump), settings["NAME"]], check=True)
    subprocess.run(["createdb", *common, name], check=True)
    subprocess.run(["pg_restore", *common, "--no-owner", "--dbname", name, str(dump)], check=True)
    return (f"postgres://{user}@{host}:{port}/{name}",
            lambda: subprocess.run(["dropdb", *common, "--if-exists", name], check=True))


@pytest.mark.django_db(transaction=True)
def test_a_restored_backup_reads_the_same_counts(staff, teams, tmp_path):
    for n in range(3):
        yp = young_person(teams["north"], pa=staff["pa_north"], dob=dt.date(2006, 1, 1 + n))
        Contact.objects.create(young_person=yp, worker=staff["pa_north"], made_by="pa", kind="phone",
                               occurred_at=timezone.now())
    source = counts_here()
    url, drop = back_up_and_restore(tmp_path)
    try:
        out = StringIO()
        call_command("check_restore", url, stdout=out)
        said = out.getvalue()
        assert "at this code's migrations" in said
        for label, n in source.items():
            assert f"{label}: {n}" in said
        assert source["young people"] == 3 and source["contacts"] == 3
        # The same backup with one migration left out: the check says which
        if url.startswith("sqlite"):
            with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
                db.execute("DELETE FROM django_migrations WHERE app = 'org' AND name LIKE '0002%'")
        else:
            import psycopg

            with psycopg.connect(url) as db:
                db.execute("DELETE FROM django_migrations WHERE app = 'org' AND name LIKE '0002%%'")
        with pytest.raises(CommandError, match=r"another migration \(not applied there: org\.0002_"):
            call_command("check_restore", url, stdout=StringIO())
    finally:
        drop()
