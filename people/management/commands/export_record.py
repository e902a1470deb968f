"""python manage.py export_record LA_PERSON_ID --out FILE.json: the whole record of one young person, as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from audit.log import record
from audit.models import Action
from people.models import YoungPerson
from people.whole_record import whole_record


class Command(BaseCommand):
    help = "Write every area of one young person's record as JSON (subject access, or a move to another authority)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("la_person_id")
        parser.add_argument("--out", required=True)

    def handle(self, *args: Any, **opts: Any) -> None:
        yp = YoungPerson.objects.filter(la_person_id=opts["la_person_id"]).first()
        if yp is None:
            raise CommandError(f"No young person with LA person ID {opts['la_person_id']}")
        data = whole_record(yp)
        Path(opts["out"]).write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        rows = sum(len(v) for v in data["areas"].values())
        record(None, Action.EXPORT, young_person=yp, obj=yp, object_type="export:whole_record",
               detail={"format": "json", "rows": rows, "file": Path(opts["out"]).name})
        self.stdout.write(f"{yp.la_person_id}: {rows} rows in {len(data['areas'])} areas written to {opts['out']}")
