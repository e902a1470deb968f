"""Shared machinery for the synthetic demo cohort: deterministic, streaming, bulk-loaded.

The ``demo_data`` command builds staff and young people here, then calls
``populate(ctx)`` in each installed app's ``demo`` module (in INSTALLED_APPS
order) so every area adds its own records. Rows are written in batches: with
PostgreSQL through COPY, otherwise through bulk_create, so the same command
scales from a demo to 100,000+ young people without holding everything in memory.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from django.db import connection, models


@dataclass
class DemoPerson:
    pk: int
    la_person_id: str
    dob: dt.date
    sex: str
    team_id: int
    district_id: int
    category: str
    status: str
    in_care_now: bool
    care_ended: dt.date | None
    pa_id: int | None
    pa_since: dt.date | None
    sw_id: int | None
    is_uasc: bool
    parenting: bool
    in_custody: bool
    disabled: bool
    out_of_area: bool
    lost_touch: bool


@dataclass
class DemoContext:
    seed: int
    as_at: dt.date
    people: list[DemoPerson]
    staff_by_role: dict[str, list[int]]
    team_ids: list[int]
    district_ids: list[int]
    manager_by_team: dict[int, int]
    scale: int
    extra: dict[str, Any] = field(default_factory=dict)
    log: Callable[[str], None] = print

    def rng(self, salt: str, person_pk: int = 0) -> random.Random:
        """A random stream that depends only on the seed, the area and the person."""
        return random.Random(f"{self.seed}:{salt}:{person_pk}")


def write_rows(model: type[models.Model], columns: list[str], rows: Iterable[tuple[Any, ...]],
               batch: int = 5000) -> int:
    """Insert ``rows`` (tuples in ``columns`` order, attnames like young_person_id) quickly."""
    count = 0
    if connection.vendor == "postgresql":
        # Run the generator up to its first row before COPY starts: any query it makes
        # on the way (e.g. next_id) would otherwise wait on the connection COPY holds.
        iterator = iter(rows)
        first = next(iterator, None)
        if first is None:
            return 0
        rows = itertools.chain([first], iterator)
        table = model._meta.db_table
        cols = ", ".join(connection.ops.quote_name(c) for c in columns)
        with connection.cursor() as cursor:
            with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} ({cols}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
        # COPY does not pass through Django's cursor, so say here that the data changed (leavingcare.pagecache)
        from leavingcare.pagecache import generation_moved

        generation_moved()
        return count
    chunk: list[models.Model] = []
    for row in rows:
        chunk.append(model(**dict(zip(columns, row, strict=False))))
        if len(chunk) >= batch:
            model.objects.bulk_create(chunk)
            count += len(chunk)
            chunk = []
    if chunk:
        model.objects.bulk_create(chunk)
        count += len(chunk)
    return count


def reset_sequences(*models_: type[models.Model]) -> None:
    from django.core.management.color import no_style

    sql = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for statement in sql:
            cursor.execute(statement)


def next_id(model: type[models.Model]) -> int:
    last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1


def chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def aware(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    from django.utils import timezone

    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))
