"""python manage.py worklist --as-at YYYY-MM-DD --format json: everything overdue or due within 14 days."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from accounts.models import User
from housing.queries import bed_and_breakfast_items
from leavingcare import csvsafe
from people.models import YoungPerson
from worklists.queries import items


class Command(BaseCommand):
    help = "Print the authority-wide worklist: items overdue at the date or due within the next 14 days."
    # A report run by integrations and schedulers: the deployment's system checks run at migrate and
    # start-up, so skip them here (about half a second of loading every view and URL)
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-at", type=dt.date.fromisoformat, default=None)
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args: Any, **opts: Any) -> None:
        as_at = opts["as_at"] or timezone.localdate()
        found = items(YoungPerson.objects.all(), as_at)
        # 16- and 17-year-olds in bed and breakfast: due_soon at once, overdue (escalated) after two working days
        found = sorted(found + bed_and_breakfast_items(YoungPerson.objects.all(), as_at),
                       key=lambda i: (i.due.due, i.young_person.la_person_id, i.due.kind))
        worker_ids = {i.due.worker_id for i in found if i.due.worker_id}
        staff = dict(User.objects.filter(pk__in=worker_ids).values_list("pk", "staff_id"))
        rows = [{"young_person": i.young_person.la_person_id, "kind": i.due.kind, "due": i.due.due.isoformat(),
                 "status": i.due.status, "worker": (staff.get(i.due.worker_id) or None) if i.due.worker_id else None}
                for i in found]
        if opts["format"] == "json":
            self.stdout.write(json.dumps({"as_at": as_at.isoformat(), "items": rows}, indent=1))
        else:
            writer = csvsafe.dict_writer(sys.stdout, fieldnames=["young_person", "kind", "due", "status", "worker"])
            writer.writeheader()
            writer.writerows(rows)
