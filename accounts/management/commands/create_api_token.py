"""python manage.py create_api_token USERNAME: print a new API token for a member of staff (the old one stops)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rest_framework.authtoken.models import Token

from accounts.models import User
from audit.log import record
from audit.models import Action


class Command(BaseCommand):
    help = "Create (or replace) the API token of a member of staff and print it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **opts: Any) -> None:
        user = User.objects.filter(username=opts["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"No active member of staff is called {opts['username']!r}")
        Token.objects.filter(user=user).delete()
        token = Token.objects.create(user=user)
        record(None, Action.CREATE, object_type="api.Token", object_id=str(user.pk), detail={"user": user.username})
        self.stdout.write(token.key)
