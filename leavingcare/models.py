from __future__ import annotations

from django.db import models


class Generation(models.Model):
    """One row: a counter every committed write moves on (``leavingcare.pagecache``), so a page kept for a
    session is served again only while nothing has changed."""

    n = models.BigIntegerField(default=0)

    class Meta:
        db_table = "leavingcare_generation"
