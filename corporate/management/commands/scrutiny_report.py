"""python manage.py scrutiny_report --as-at YYYY-MM-DD --out FILE.pdf|FILE.docx: the report the scrutiny committee
and the Corporate Parenting Board read (seed 000 section 2), as a tagged PDF or an editable Word file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from audit.log import record
from audit.models import Action
from corporate.report import build, render


def as_date(raw: str) -> dt.date:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise CommandError(f"--as-at {raw!r} is not a date like 2024-10-31") from None


class Command(BaseCommand):
    help = "Write the scrutiny report (measures, DfE comparators, caseloads, plan audits, board actions)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-at", required=True, help="YYYY-MM-DD: the measures are as at the month end")
        parser.add_argument("--out", required=True, type=Path, help="FILE.pdf or FILE.docx")

    def handle(self, *args: Any, **opts: Any) -> None:
        as_at = as_date(opts["as_at"])
        out: Path = opts["out"]
        fmt = out.suffix.lower().lstrip(".")
        if fmt not in ("pdf", "docx"):
            raise CommandError("--out must end .pdf (a tagged PDF) or .docx (a Word file)")
        if not out.parent.exists():
            raise CommandError(f"{out.parent} does not exist")
        report = build(as_at)
        out.write_bytes(render(report, fmt))
        record(None, Action.EXPORT, object_type="export:scrutiny_report", detail={"as_at": as_at, "format": fmt})
        self.stdout.write(self.style.SUCCESS(f"Wrote {out} ({report.title})"))
