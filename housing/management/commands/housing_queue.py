"""python manage.py housing_queue --as-at YYYY-MM-DD --format json: referrals waiting at the date, in offer order."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from housing.models import Referral
from housing.queries import queue
from org.models import District


class Command(BaseCommand):
    help = ("Print the referrals for supported accommodation waiting at the date, in the order homes would be "
            "offered (priority from age on the referral date, then the referral date).")
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-at", type=dt.date.fromisoformat, default=None)
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("--district", default=None, help="Only this district's queue (by name)")

    def handle(self, *args: Any, **opts: Any) -> None:
        as_at = opts["as_at"] or timezone.localdate()
        district = None
        if opts["district"]:
            district = District.objects.filter(name__iexact=opts["district"]).first()
            if district is None:
                raise CommandError(f"No district is called {opts['district']!r}")
        rows = [{"young_person": q.referral.young_person.la_person_id, "priority": q.priority.value,
                 "referred_on": q.referral.referred_on.isoformat(),
                 "district": q.referral.district.name if q.referral.district else None}
                for q in queue(Referral.objects.all(), as_at, district)]
        self.stdout.write(json.dumps({"as_at": as_at.isoformat(), "referrals": rows}, indent=1))
