"""python manage.py export_annex_a --out FILE.xlsx: Ofsted Annex A list 9 (care leavers)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from audit.log import record
from audit.models import Action
from people.models import YoungPerson
from returns.annex_a import write


class Command(BaseCommand):
    help = "Write Ofsted's Annex A list 9 (care leavers) as an Excel workbook."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument("--as-at", type=dt.date.fromisoformat, default=None)

    def handle(self, *args: Any, **opts: Any) -> None:
        as_at = opts["as_at"] or timezone.localdate()
        n = write(YoungPerson.objects.all(), opts["out"], as_at)
        record(None, Action.EXPORT, object_type="export:annex_a", detail={"rows": n, "as_at": as_at})
        self.stdout.write(f"{opts['out']}: {n} care leavers")
