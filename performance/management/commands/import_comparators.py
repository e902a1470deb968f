"""python manage.py import_comparators DIR: load the DfE's published care-leaver files, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from leavingcare.imports import read_or_stop
from performance.comparators import Cell, read_dir
from performance.models import PublishedFigure

FIELDS = ["area_name", "new_la_code", "region_code", "count", "percent", "count_marker", "percent_marker"]


class Command(BaseCommand):
    help = "Import the DfE's published care-leaver figures (England, regions, every council) from DIR."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path)

    def handle(self, *args: Any, **opts: Any) -> None:
        cells = read_or_stop(self, lambda: read_dir(opts["directory"], progress=self.stdout.write))
        created, updated = save(cells)
        self.stdout.write(self.style.SUCCESS(f"{len(cells)} figures: {created} new, {updated} changed, "
                                             f"{len(cells) - created - updated} unchanged"))


@transaction.atomic
def save(cells: list[Cell]) -> tuple[int, int]:
    existing = {(f.measure, f.year, f.level, f.area_code, f.age_band, f.breakdown): f
                for f in PublishedFigure.objects.all()}
    new, changed = [], []
    for cell in cells:
        current = existing.get(cell.key())
        if current is None:
            new.append(PublishedFigure(**cell.__dict__))
            continue
        if any(getattr(current, f) != getattr(cell, f) for f in FIELDS):
            for f in FIELDS:
                setattr(current, f, getattr(cell, f))
            changed.append(current)
    PublishedFigure.objects.bulk_create(new, batch_size=2000)
    PublishedFigure.objects.bulk_update(changed, FIELDS, batch_size=2000)
    return len(new), len(changed)
