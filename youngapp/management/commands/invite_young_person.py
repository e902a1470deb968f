"""python manage.py invite_young_person LA_PERSON_ID --email ADDRESS: what a PA's "Invite to the app" does."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from people.models import YoungPerson
from youngapp.actions import invite


class Command(BaseCommand):
    help = "Invite a young person to the app: their sign-in codes go to this email address (or mobile)"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("la_person_id")
        parser.add_argument("--email", default="")
        parser.add_argument("--mobile", default="")

    def handle(self, *args: Any, **opts: Any) -> None:
        yp = YoungPerson.objects.filter(la_person_id=opts["la_person_id"]).first()
        if yp is None:
            raise CommandError(f"No young person with LA person ID {opts['la_person_id']}")
        try:
            access = invite(None, yp, opts["email"], opts["mobile"])  # None: the service itself (operations)
        except ValidationError as error:
            raise CommandError("; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())) from None
        self.stdout.write(f"Invited {yp.display_name} ({yp.la_person_id}): codes go to "
                          f"{access.email or access.mobile}. Sign in at /app/.")
