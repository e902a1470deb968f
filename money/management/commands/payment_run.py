"""python manage.py payment_run --period-ending YYYY-MM-DD --format json: pay the allowances due that week."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from audit.log import record
from audit.models import Action
from money.runs import NothingConfigured, run


class Command(BaseCommand):
    help = "Create the allowance payments due in the seven days ending on --period-ending (once only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--period-ending", type=dt.date.fromisoformat, required=True)
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args: Any, **opts: Any) -> None:
        try:
            result = run(opts["period_ending"])
        except NothingConfigured as exc:
            raise CommandError(str(exc)) from exc
        payments = sorted(result.created, key=lambda p: (p.young_person.la_person_id, p.entitlement.code))
        record(None, Action.CREATE, object_type="money.PaymentRun", object_id=str(result.period_ending),
               detail={"created": len(payments), "total": result.total})
        out = {"period_ending": result.period_ending.isoformat(), "created": len(payments),
               "total": f"{result.total:.2f}",
               "payments": [{"young_person": p.young_person.la_person_id, "entitlement": p.entitlement.code,
                             "amount": f"{p.amount:.2f}"} for p in payments]}
        if opts["format"] == "json":
            self.stdout.write(json.dumps(out, indent=1))
        else:
            self.stdout.write(f"{out['created']} payments, total £{result.total:,.2f}")
