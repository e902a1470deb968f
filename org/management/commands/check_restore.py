"""python manage.py check_restore DATABASE_URL: is a restored database fit for this code? It compares the
migrations applied there with this code's (and says which differ), and prints the counts of the main records
to compare with the source's (docs/operations.md, "Restore")."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leavingcare.backup import expected_migrations, migration_problem, read


class Command(BaseCommand):
    help = "Check a restored database: its migrations against this code's, and the counts of the main records."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("database_url", help="e.g. postgres://postgres@127.0.0.1:5432/leavingcare_restored")

    def handle(self, *args: Any, **opts: Any) -> None:
        try:
            applied, counts = read(opts["database_url"])
        except Exception as error:  # noqa: BLE001 - any failure to read it is the answer
            raise CommandError(f"Could not read the restored database: {error}") from error
        for label, n in counts.items():
            self.stdout.write(f"{label}: {n}")
        problem = migration_problem(applied, expected_migrations())
        if problem:
            raise CommandError(problem + ". Restore a backup made by this version, or run the matching version.")
        self.stdout.write(self.style.SUCCESS("The restored database is at this code's migrations."))
