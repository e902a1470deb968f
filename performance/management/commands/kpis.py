"""python manage.py kpis --as-at YYYY-MM-DD | --year YYYY [--format json|csv]: the three measures by age band."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from leavingcare import csvsafe
from people.models import YoungPerson
from performance.measures import as_at_rows, dfe_year_rows

FIELDS = ["indicator", "age_band", "numerator", "denominator", "percent"]


class Command(BaseCommand):
    help = "Print in touch, suitable accommodation and EET rates, as at a date or for a DfE collection year."
    # A report run by integrations and schedulers: the deployment's system checks run at migrate and
    # start-up, so skip them here (about half a second of loading every view and URL)
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--as-at", type=dt.date.fromisoformat)
        which.add_argument("--year", type=int, help="Collection year ending 31 March YEAR")
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts["year"] is not None:
            if not 2000 <= opts["year"] <= 2100:
                raise CommandError("--year must be a collection year such as 2024")
            head: dict[str, Any] = {"method": "dfe_year", "year": opts["year"]}
            rows = dfe_year_rows(opts["year"])
        else:
            head = {"method": "as_at", "as_at": opts["as_at"].isoformat()}
            rows = as_at_rows(YoungPerson.objects.all(), opts["as_at"])
        if opts["format"] == "json":
            self.stdout.write(json.dumps({**head, "indicators": rows}, indent=1))
            return
        writer = csvsafe.dict_writer(self.stdout, fieldnames=["method", "period"] + FIELDS, lineterminator="\n")
        writer.writeheader()
        period = head.get("year", head.get("as_at"))
        for row in rows:
            writer.writerow({"method": head["method"], "period": period,
                             **{k: ("" if row[k] is None else row[k]) for k in FIELDS}})
