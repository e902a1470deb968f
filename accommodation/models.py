"""Where a young person lives, and what they do: SSDA903 ACCOM and ACTIV histories."""

from __future__ import annotations

from django.db import models

from accommodation import codes


class Provision(models.TextChoices):
    STAYING_PUT = "staying_put", "Staying Put"
    HOUSE_PROJECT = "house_project", "House Project"
    CORE_SUPPORTED = "core_supported", "Core supported accommodation"
    SPOT_PURCHASE = "spot_purchase", "Spot-purchased semi-independent"
    SOCIAL_TENANCY = "social_tenancy", "Social tenancy"
    PRIVATE_TENANCY = "private_tenancy", "Private tenancy"
    FAMILY = "family", "With family or friends"
    CUSTODY = "custody", "Custody"
    OTHER = "other", "Other"


class AccommodationEpisode(models.Model):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE,
                                     related_name="accommodation_episodes")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    accom = models.CharField("type of accommodation (ACCOM)", max_length=1, choices=codes.ACCOM)
    suitable = models.BooleanField(null=True, help_text="Blank when not known")
    provision = models.CharField(max_length=20, choices=Provision.choices, blank=True)
    district = models.ForeignKey("org.District", on_delete=models.PROTECT, null=True, blank=True)
    out_of_area = models.BooleanField(default=False)
    address = models.TextField(blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-start_date"]
        indexes = [models.Index(fields=["young_person", "start_date", "end_date"])]

    def __str__(self) -> str:
        return f"{self.get_accom_display()} from {self.start_date:%d/%m/%Y}"

    @property
    def accom_code(self) -> str:
        """The two-character SSDA903 value, e.g. D1; 0 when not known."""
        if self.suitable is None:
            return self.accom + "0" if self.accom else "0"
        return f"{self.accom}{1 if self.suitable else 2}"


class ActivityEpisode(models.Model):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE,
                                     related_name="activity_episodes")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    activity = models.CharField("activity (ACTIV)", max_length=2, choices=codes.ACTIV)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-start_date"]
        indexes = [models.Index(fields=["young_person", "start_date", "end_date"])]

    def __str__(self) -> str:
        return f"{self.get_activity_display()} from {self.start_date:%d/%m/%Y}"

    @property
    def is_eet(self) -> bool:
        return self.activity[:1] in ("F", "P")


class InTouchStatus(models.Model):
    """Whether the authority is in touch, in the SSDA903 IN_TOUCH codes, as a worker records it."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE, related_name="in_touch_statuses")
    recorded_on = models.DateField()
    in_touch = models.CharField("in touch (IN_TOUCH)", max_length=4, choices=codes.IN_TOUCH)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-recorded_on", "-pk"]
