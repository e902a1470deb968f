"""python manage.py outbox [--to ADDRESS] [--last]: what the app sent while no GOV.UK Notify key is set."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from youngapp.models import OutboxMessage
from youngapp.rules import normalise_address


class Command(BaseCommand):
    help = "Print the local outbox (sign-in codes, invitations and message notices), newest first"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--to", default="", help="Only messages to this email address or mobile number")
        parser.add_argument("--last", action="store_true", help="Only the newest one")
        parser.add_argument("--limit", type=int, default=20)

    def handle(self, *args: Any, **opts: Any) -> None:
        rows = OutboxMessage.objects.all()
        if opts["to"]:
            to = normalise_address(opts["to"])
            rows = rows.filter(to__iexact=to)
        rows = rows[:1] if opts["last"] else rows[:opts["limit"]]
        if not rows:
            self.stdout.write("The outbox is empty" + (f" for {opts['to']}" if opts["to"] else "") + ".")
            return
        for m in rows:
            self.stdout.write(f"To: {m.to} ({m.get_channel_display()}, {m.get_via_display()}) at "
                              f"{m.created_at:%Y-%m-%d %H:%M:%S}")
            if m.subject:
                self.stdout.write(f"Subject: {m.subject}")
            self.stdout.write(m.body or "(sent through GOV.UK Notify: the text is not kept)")
            self.stdout.write("")
