"""The SSDA903 OC3 status of a care leaver for a collection year, as recorded or imported.

A row here is what the authority returns (or returned) for a young person whose 17th
to 21st birthday falls in the year (1 April to 31 March ending in ``year``). The
performance app's DfE-year measures use these rows where they exist and derive the
status from contacts, accommodation and activity otherwise.
"""

from __future__ import annotations

from django.db import models

from accommodation import codes


class Source(models.TextChoices):
    RECORDED = "recorded", "Recorded by a worker"
    IMPORTED = "imported", "Imported from an SSDA903 return"
    DERIVED = "derived", "Derived from contacts, accommodation and activity"


class Oc3Status(models.Model):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE, related_name="oc3_statuses")
    year = models.PositiveSmallIntegerField(help_text="Collection year ending 31 March of this year")
    in_touch = models.CharField("IN_TOUCH", max_length=4, choices=codes.IN_TOUCH)
    activity = models.CharField("ACTIV", max_length=2, blank=True, help_text="ACTIV code; 0 when not known")
    accommodation = models.CharField("ACCOM", max_length=2, blank=True,
                                     help_text="Letter and suitability digit, e.g. D1; 0 when not known")
    contact_date = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.RECORDED)
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("young_person", "year")]
        indexes = [models.Index(fields=["year", "source"], name="oc3_year_source_idx")]

    def __str__(self) -> str:
        return f"{self.year}: {self.in_touch} {self.activity} {self.accommodation}"
