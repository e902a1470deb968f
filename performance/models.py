"""Published comparator figures (DfE) for England, the regions and every council."""

from __future__ import annotations

from django.db import models


class PublishedFigure(models.Model):
    """One cell of a DfE published care-leaver table, as published (suppressed cells keep their marker)."""

    measure = models.CharField(max_length=20)  # activity | accommodation | in_touch | stay_put
    year = models.PositiveSmallIntegerField()
    level = models.CharField(max_length=20)  # National | Regional | Local authority
    area_code = models.CharField(max_length=9)  # E92000001, a region code, or the old 3-digit LA code
    area_name = models.CharField(max_length=80)
    new_la_code = models.CharField(max_length=9, blank=True)
    region_code = models.CharField(max_length=9, blank=True)
    age_band = models.CharField(max_length=10)  # 17-18, 19-21, 18, 19-20
    breakdown = models.CharField(max_length=160)
    count = models.IntegerField(null=True, blank=True)
    percent = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    count_marker = models.CharField(max_length=1, blank=True)  # c suppressed, z not applicable, k rounds to 0, x
    percent_marker = models.CharField(max_length=1, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(
            fields=["measure", "year", "level", "area_code", "age_band", "breakdown"], name="one_published_cell")]
        indexes = [models.Index(fields=["measure", "area_code", "age_band"])]

    def __str__(self) -> str:
        return f"{self.year} {self.area_name} {self.measure} {self.age_band} {self.breakdown}"
