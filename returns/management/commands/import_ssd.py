"""python manage.py import_ssd DIR: bring a cohort in from Standard Safeguarding Dataset CSV files, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from audit.log import record
from audit.models import Action
from leavingcare.imports import read_or_stop
from returns.ssd import read, save


class Command(BaseCommand):
    help = "Import young people, workers, care histories and care leaver details from SSD tables as CSV files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)

    def handle(self, *args: Any, **opts: Any) -> None:
        self.stdout.write(f"Checking {opts['directory']} ...")
        plan = read_or_stop(self, lambda: read(opts["directory"]))
        self.stdout.write(f"  {len(plan.people)} people, {len(plan.professionals)} professionals, "
                          f"{len(plan.involvements)} involvements, {len(plan.leavers)} care leaver rows: saving")
        counts = save(plan, progress=self.stdout.write)
        record(None, Action.IMPORT, object_type="import:ssd", detail=counts)
        self.stdout.write(self.style.SUCCESS("Imported: " + ", ".join(f"{v} new {k.replace('_', ' ')}"
                                                                       for k, v in counts.items())))
