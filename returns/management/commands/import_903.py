"""python manage.py import_903 DIR --year YYYY: load SSDA903 header, episodes and OC3 (CSV or XML), all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from audit.log import record
from audit.models import Action
from leavingcare.imports import read_or_stop
from returns.import903 import read, save


class Command(BaseCommand):
    help = "Import an SSDA903 return (header.csv, episodes.csv, oc3.csv, or the XML file) for a collection year."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args: Any, **opts: Any) -> None:
        self.stdout.write(f"Checking {opts['directory']} ...")
        parsed = read_or_stop(self, lambda: read(opts["directory"], opts["year"]))
        self.stdout.write(f"  {len(parsed.header)} children, {len(parsed.episodes)} episodes, "
                          f"{len(parsed.oc3)} OC3 rows")
        counts = save(parsed, opts["year"], progress=self.stdout.write)
        record(None, Action.IMPORT, object_type="import:ssda903", object_id=str(opts["year"]), detail=counts)
        self.stdout.write(self.style.SUCCESS(
            f"Imported: {counts['created']} new young people, {counts['updated']} changed, "
            f"{counts['episodes']} new episodes, {counts['oc3']} new OC3 rows"))
