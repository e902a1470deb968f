"""python manage.py escalate_concerns: run every few minutes. Concerns not acknowledged in time escalate."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from safeguarding.actions import escalate_overdue


class Command(BaseCommand):
    help = "Escalate concerns not acknowledged in time to the senior manager, then the head of service."
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **opts: Any) -> None:
        moved = escalate_overdue()
        for c in moved:
            self.stdout.write(f"{c.young_person.la_person_id}: concern {c.pk} escalated to the {c.level_label.lower()}")
        self.stdout.write(f"{len(moved)} concern(s) escalated")
