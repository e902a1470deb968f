"""python manage.py setup_authority --preset lancashire | --preset blank --name NAME --la-code NNN

Creates the authority, its localities, districts, teams and hubs, the entitlements catalogue with its dated
rates, plan-audit criteria and threshold bands, and no people (``org.setup``). A second run changes nothing and
says so. Bad input (an unknown preset, an LA code that is not three digits) creates nothing."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from org.setup import PRESETS, setup_authority


class Command(BaseCommand):
    help = "Set up the authority from a preset (lancashire) or from nothing (blank --name NAME --la-code NNN)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--preset", required=True, help=f"One of: {', '.join(PRESETS)}")
        parser.add_argument("--name", help="The authority's name (required with --preset blank)")
        parser.add_argument("--la-code", help="The DfE's three-digit LA code (required with --preset blank)")

    def handle(self, *args: Any, **opts: Any) -> None:
        try:
            result = setup_authority(opts["preset"], opts["name"], opts["la_code"])
        except ValidationError as exc:
            messages = [m for ms in exc.message_dict.values() for m in ms]
            raise CommandError("Nothing created. " + " ".join(messages)) from exc
        self.stdout.write(result.summary() if result.changed else self.style.WARNING(result.summary()))
        if result.changed:
            self.stdout.write("Next: import the cohort (manage.py import_ssd DIR or import_903 DIR --year YYYY) and "
                              "invite staff from the Administration pages.")
