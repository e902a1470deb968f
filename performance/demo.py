"""The demo loads the DfE's published figures shipped in data/dfe, so the dashboard has comparators."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from people.demo_support import DemoContext
from performance.comparators import read_dir
from performance.management.commands.import_comparators import save


def populate(ctx: DemoContext) -> None:
    directory = Path(settings.BASE_DIR) / "data" / "dfe"
    if directory.exists():
        created, _ = save(read_dir(directory))
        ctx.log(f"  published comparators: {created}")
