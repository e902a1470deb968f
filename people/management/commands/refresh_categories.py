"""python manage.py refresh_categories [--as-at DATE]: recompute every cached YoungPerson.category.

The category is a function of the date (birthdays pass, care ends), so the cached
column used by lists and filters is refreshed daily (the scheduler's job, ``leavingcare.jobs``), and so are
the stored clock facts the worklists read (``worklists.facts``); records reaching 25 are closed
(``people.daily.close_at_25``). The rules are people.eligibility.category_on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from people.daily import close_at_25, refresh_categories
from worklists.facts import refresh_all


class Command(BaseCommand):
    help = "Recompute the cached eligibility category of every young person as at today (run daily)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-at", type=dt.date.fromisoformat, default=None)

    def handle(self, *args: Any, **opts: Any) -> None:
        as_at = opts["as_at"] or timezone.localdate()
        seen, changed = refresh_categories(as_at)
        # The service ends at 25: close each open or stepped-down record on the 25th birthday (audit-logged)
        closed = close_at_25(as_at)
        with transaction.atomic():
            facts = refresh_all()
        self.stdout.write(f"Categories as at {as_at:%d/%m/%Y}: {seen} young people, {changed} changed; "
                          f"{len(closed)} cases closed at 25; clock facts stored for {facts} open cases.")
