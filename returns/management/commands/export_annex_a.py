"""python manage.py export_annex_a --out FILE.xlsx: Ofsted Annex A list 9 (care leavers)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from audit.log import exported
from people.models import YoungPerson
from returns.annex_a import cohort, write


class Command(BaseCommand):
    help = "Write Ofsted's Annex A list 9 (care leavers) as an Excel workbook."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument("--as-at", type=dt.date.fromisoformat, default=None)

    def handle(self, *args: Any, **opts: Any) -> None:
        as_at = opts["as_at"] or timezone.localdate()
        n = write(YoungPerson.objects.all(), opts["out"], as_at)
        exported(None, "export:annex_a", n, cohort(YoungPerson.objects.all(), as_at).values_list("pk", flat=True),
                 detail={"as_at": as_at, "out": str(opts["out"])})
        self.stdout.write(f"{opts['out']}: {n} care leavers")
