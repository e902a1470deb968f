"""python manage.py create_api_token USERNAME [--name NAME]: prints a new API token (shown once)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from api.models import ApiToken


class Command(BaseCommand):
    help = "Create an API token for a member of staff and print it. Only its hash is stored."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="What the token is for")

    def handle(self, *args: Any, **opts: Any) -> None:
        user = User.objects.filter(username=opts["username"]).first()
        if user is None:
            raise CommandError(f"No user called {opts['username']!r}")
        if not user.is_active:
            raise CommandError(f"{user.username} is not active")
        _row, token = ApiToken.issue(user, opts["name"])
        self.stdout.write(token)
