"""The authority, its geography and its teams: configuration held as data."""

from __future__ import annotations

from typing import Any

from django.db import models

from leavingcare.versioning import Versioned


class Authority(Versioned):
    """The council running the service. One row in a normal installation."""

    name = models.CharField(max_length=120)
    la_code = models.CharField("DfE LA code", max_length=3, help_text="Old 3-digit DfE code, e.g. 888")
    new_la_code = models.CharField("ONS code", max_length=9, blank=True, help_text="e.g. E10000017")
    region = models.CharField(max_length=60, help_text="As in DfE files, e.g. North West")
    statistical_neighbours = models.JSONField(
        default=list, blank=True, help_text="Old LA codes of the comparator councils"
    )
    # Local choices (intervals, thresholds, ages). Keys and defaults: org.config.DEFAULTS.
    config = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name_plural = "authorities"

    def __str__(self) -> str:
        return self.name

    def setting(self, key: str) -> Any:
        from org.config import DEFAULTS

        return self.config.get(key, DEFAULTS[key])


class Locality(models.Model):
    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="localities")
    name = models.CharField(max_length=60)

    class Meta:
        verbose_name_plural = "localities"
        unique_together = [("authority", "name")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="districts")
    locality = models.ForeignKey(Locality, on_delete=models.PROTECT, related_name="districts")
    name = models.CharField(max_length=60)

    class Meta:
        unique_together = [("authority", "name")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(Versioned):
    LEAVING_CARE = "leaving_care"
    KINDS = [
        (LEAVING_CARE, "Leaving care team"),
        ("hub", "Hub duty team"),
        ("housing", "Housing"),
        ("finance", "Finance"),
        ("performance", "Performance"),
        ("management", "Management"),
    ]
    locality = models.ForeignKey(Locality, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(max_length=80, unique=True)
    kind = models.CharField(max_length=20, choices=KINDS, default=LEAVING_CARE)
    base = models.CharField(max_length=60, blank=True, help_text="Office or hub, e.g. Preston")
    # A closed team keeps its history (allocations, payments) but takes no new staff or young people
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Hub(models.Model):
    """A place young people drop in to see their PA (e.g. Preston, Burnley, Lancaster)."""

    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="hubs")
    locality = models.ForeignKey(Locality, on_delete=models.PROTECT, related_name="hubs", null=True, blank=True)
    name = models.CharField(max_length=60)
    address = models.CharField(max_length=200, blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        unique_together = [("authority", "name")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
