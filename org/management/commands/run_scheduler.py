"""python manage.py run_scheduler [--once] [--date YYYY-MM-DD] [--interval SECONDS]

The one command that runs the service's scheduled work (``leavingcare.jobs``): each minute (``--interval``) it
enqueues the jobs due today that are not yet enqueued for today (closure at 25, categories, clock facts,
reminders, and the payment run on its weekday), then works through every task waiting in the queue, each
recorded in the database with its outcome. ``--once`` does one round and exits (for cron, or to catch up a day
with ``--date``). Run it beside the web server; one is enough (a second one does no harm: a task is taken by one
worker only, and nothing is enqueued twice for a day).
"""

from __future__ import annotations

import datetime as dt
import signal
import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from leavingcare.jobs import enqueue_due


class Command(BaseCommand):
    help = "Enqueue the day's scheduled jobs once and run the queue (loops; --once for a single round)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="One round, then exit")
        parser.add_argument("--date", type=dt.date.fromisoformat, default=None,
                            help="The day to schedule for (default: today); implies --once")
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between rounds")

    def handle(self, *args: Any, **opts: Any) -> None:
        stopping: list[bool] = []
        saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
        try:
            self._rounds(opts, stopping)
        finally:  # the queue's worker sets its own handlers; leave the process as it was
            for sig, handler in saved.items():
                signal.signal(sig, handler)

    def _rounds(self, opts: dict[str, Any], stopping: list[bool]) -> None:
        once = opts["once"] or opts["date"] is not None
        while True:
            signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
            day = opts["date"] or timezone.localdate()
            enqueued = enqueue_due(day)
            self.stdout.write(f"{day:%d/%m/%Y}: " + (f"enqueued {', '.join(enqueued)}" if enqueued
                                                     else "nothing new to enqueue (already enqueued today)"))
            call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
            if once or stopping:
                return
            for _ in range(int(opts["interval"] * 10)):
                if stopping:
                    return
                time.sleep(0.1)
