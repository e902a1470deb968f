"""python manage.py export_903 --year YYYY --out DIR: header.csv, episodes.csv and oc3.csv for the year."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from audit.log import exported
from returns.ssda903 import export


class Command(BaseCommand):
    help = "Write the SSDA903 header, episodes and OC3 files for a collection year (ending 31 March YEAR)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args: Any, **opts: Any) -> None:
        done = export(opts["year"], opts["out"])
        exported(None, "export:ssda903", done.header, done.people, object_id=str(opts["year"]),
                 detail={"header": done.header, "episodes": done.episodes, "oc3": done.oc3, "out": str(opts["out"])})
        self.stdout.write(f"{opts['out']}: header.csv {done.header} rows, episodes.csv {done.episodes}, "
                          f"oc3.csv {done.oc3}")
