"""Checking a restored database before the service uses it (docs/operations.md): it holds the migrations this
code expects, and the counts of the main records. ``manage.py check_restore DATABASE_URL``."""

from __future__ import annotations

import sqlite3
from typing import Any

import dj_database_url

# The records whose counts are compared after a restore
COUNTED = {"young people": "people_youngperson", "contacts": "contacts_contact", "care episodes": "people_careepisode",
           "pathway plans": "plans_pathwayplan", "payments": "money_payment", "audit events": "audit_auditevent",
           "staff accounts": "accounts_user"}


def expected_migrations() -> set[tuple[str, str]]:
    """Every migration of this code, as (app, name)."""
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def migration_problem(found: set[tuple[str, str]], expected: set[tuple[str, str]]) -> str | None:
    """Why a database at ``found`` migrations is not at this code's ``expected`` ones; None when it is."""
    ours = {(app, name) for app, name in expected}
    theirs = {(app, name) for app, name in found if app in {a for a, _ in ours}}
    missing, unknown = sorted(ours - theirs), sorted(theirs - ours)
    if not missing and not unknown:
        return None
    parts = []
    if missing:
        parts.append("not applied there: " + ", ".join(f"{a}.{n}" for a, n in missing))
    if unknown:
        parts.append("applied there but not in this code: " + ", ".join(f"{a}.{n}" for a, n in unknown))
    return "The restored database is at another migration (" + "; ".join(parts) + ")"


def _connect(url: str) -> Any:
    config = dj_database_url.parse(url)
    if config["ENGINE"].endswith("sqlite3"):
        return sqlite3.connect(config["NAME"])
    import psycopg

    return psycopg.connect(dbname=config["NAME"], user=config.get("USER") or None,
                           password=config.get("PASSWORD") or None, host=config.get("HOST") or None,
                           port=config.get("PORT") or None)


def read(url: str) -> tuple[set[tuple[str, str]], dict[str, int]]:
    """(migrations applied, counts of the main records) of the database at ``url``."""
    conn = _connect(url)
    try:
        cursor = conn.cursor()
        cursor.execute("SELECT app, name FROM django_migrations")
        applied = {(app, name) for app, name in cursor.fetchall()}
        counts = {}
        for label, table in COUNTED.items():
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - table names are constants
            counts[label] = int(cursor.fetchone()[0])
        return applied, counts
    finally:
        conn.close()


def counts_here() -> dict[str, int]:
    """The same counts as the running service reads them, through its own connection."""
    from django.db import connection

    with connection.cursor() as cursor:
        found = {}
        for label, table in COUNTED.items():
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608
            found[label] = int(cursor.fetchone()[0])
    return found
