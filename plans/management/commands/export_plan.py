"""python manage.py export_plan <LA person ID> --out FILE.pdf [--large]: the current plan as an accessible PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from audit.log import record
from audit.models import Action
from plans.models import PathwayPlan, PlanStatus
from plans.pdf import render_pdf


class Command(BaseCommand):
    help = "Write a young person's current pathway plan as a tagged (PDF/UA) PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("la_person_id")
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument("--large", action="store_true", help="Large type")

    def handle(self, *args: Any, **opts: Any) -> None:
        plan = (PathwayPlan.objects.filter(young_person__la_person_id=opts["la_person_id"])
                .exclude(status=PlanStatus.SUPERSEDED).select_related("young_person")
                .order_by("-started_on", "-pk").first())
        if plan is None:
            raise CommandError(f"No pathway plan for {opts['la_person_id']}")
        opts["out"].write_bytes(render_pdf(plan, large=opts["large"]))
        record(None, Action.EXPORT, young_person=plan.young_person, obj=plan, object_type="export:plan_pdf",
               detail={"out": str(opts["out"])})
        self.stdout.write(f"{opts['out']}: {plan}")
