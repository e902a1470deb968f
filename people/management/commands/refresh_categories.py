"""python manage.py refresh_categories [--as-at DATE]: recompute each young person's cached eligibility category.

Run daily (categories change with birthdays). Pages and KPIs that filter by category read the cached column;
the truth is always people.eligibility.category_on, computed from the care history for any date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Prefetch
from django.utils import timezone

from people.eligibility import Episode, became_eligible_on, category_on, dob_range_for_ages
from people.models import CareEpisode, YoungPerson


class Command(BaseCommand):
    help = "Recompute the cached eligibility category of every young person."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-at", type=dt.date.fromisoformat, default=None)

    def handle(self, *args: Any, **opts: Any) -> None:
        as_at = opts["as_at"] or timezone.localdate()
        changed = []
        qs = YoungPerson.objects.prefetch_related(Prefetch("care_episodes", queryset=CareEpisode.objects.only(
            "young_person_id", "start_date", "end_date", "is_short_break"))).only(
            "date_of_birth", "category", "eligible_from", "special_guardianship", "detained_on_16th")
        for yp in qs.iterator(chunk_size=2000):
            episodes = [Episode(e.start_date, e.end_date, e.is_short_break) for e in yp.care_episodes.all()]
            category = category_on(yp.date_of_birth, episodes, as_at, special_guardianship=yp.special_guardianship,
                                   detained_on_16th=yp.detained_on_16th).value
            eligible_from = became_eligible_on(yp.date_of_birth, episodes)
            if (category, eligible_from) != (yp.category, yp.eligible_from):
                yp.category, yp.eligible_from = category, eligible_from
                changed.append(yp)
        YoungPerson.objects.bulk_update(changed, ["category", "eligible_from"], batch_size=2000)
        # The service ends at 25: close open and stepped-down cases of anyone 25 or over
        born_by = dob_range_for_ages(as_at, 25, 200)[1]
        closed = YoungPerson.objects.filter(status__in=["open", "stepped_down"], date_of_birth__lte=born_by).update(
            status="closed", status_changed_on=as_at)
        self.stdout.write(f"{len(changed)} categories changed, {closed} cases closed at 25, as at {as_at:%d/%m/%Y}")
