"""python manage.py refresh_categories [--as-at DATE]: recompute every cached YoungPerson.category.

The category is a function of the date (birthdays pass, care ends), so the cached
column used by lists and filters is refreshed daily (cron: 01:00), and so are the stored clock facts the
worklists read (``worklists.facts``). The rules are
people.eligibility.category_on; this command streams young people with their care
episodes in chunks and writes back only the rows whose category changed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from people.eligibility import Episode, became_eligible_on, care_ended_on, category_on, dob_range_for_ages
from people.models import CareEpisode, YoungPerson
from worklists.facts import refresh_all

CHUNK = 2000


class Command(BaseCommand):
    help = "Recompute the cached eligibility category of every young person as at today (run daily)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-at", type=dt.date.fromisoformat, default=None)

    def handle(self, *args: Any, **opts: Any) -> None:
        as_at = opts["as_at"] or timezone.localdate()
        changed = seen = 0
        last_pk = 0
        while True:
            people = list(YoungPerson.objects.filter(pk__gt=last_pk).order_by("pk").only(
                "pk", "date_of_birth", "special_guardianship", "detained_on_16th", "category", "eligible_from",
                "care_ended_on",
            )[:CHUNK])
            if not people:
                break
            last_pk = people[-1].pk
            episodes: dict[int, list[Episode]] = {}
            for yp_id, start, end, short in CareEpisode.objects.filter(
                    young_person_id__in=[p.pk for p in people]).values_list(
                    "young_person_id", "start_date", "end_date", "is_short_break"):
                episodes.setdefault(yp_id, []).append(Episode(start, end, short))
            updates = []
            for yp in people:
                eps = episodes.get(yp.pk, [])
                category = category_on(yp.date_of_birth, eps, as_at, special_guardianship=yp.special_guardianship,
                                       detained_on_16th=yp.detained_on_16th).value
                eligible_from, ended = became_eligible_on(yp.date_of_birth, eps), care_ended_on(eps)
                if (category, eligible_from, ended) != (yp.category, yp.eligible_from, yp.care_ended_on):
                    yp.category, yp.eligible_from, yp.care_ended_on = category, eligible_from, ended
                    updates.append(yp)
            with transaction.atomic():
                YoungPerson.objects.bulk_update(updates, ["category", "eligible_from", "care_ended_on"],
                                                batch_size=500)
            seen += len(people)
            changed += len(updates)
        # The service ends at 25: close open and stepped-down cases of anyone 25 or over
        born_by = dob_range_for_ages(as_at, 25, 200)[1]
        closed = YoungPerson.objects.filter(status__in=["open", "stepped_down"], date_of_birth__lte=born_by).update(
            status="closed", status_changed_on=as_at)
        with transaction.atomic():
            facts = refresh_all()
        self.stdout.write(f"Categories as at {as_at:%d/%m/%Y}: {seen} young people, {changed} changed; "
                          f"{closed} cases closed at 25; clock facts stored for {facts} open cases.")
