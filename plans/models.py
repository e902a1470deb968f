"""Needs assessments and pathway plans. The statutory clock reads completed_on and signed_off_on."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class PlanStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SHARED = "shared", "Shared with the young person"
    SIGNED_OFF = "signed_off", "Signed off"
    SUPERSEDED = "superseded", "Superseded"


class NeedsAssessment(models.Model):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE,
                                     related_name="needs_assessments")
    started_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+")

    class Meta:
        ordering = ["-started_on"]

    def __str__(self) -> str:
        return f"Needs assessment started {self.started_on:%d/%m/%Y}"


class PathwayPlan(models.Model):
    """A pathway plan or a review of one. ``signed_off_on`` is the date of the plan or review."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE, related_name="pathway_plans")
    status = models.CharField(max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    is_review = models.BooleanField(default=False)
    started_on = models.DateField()
    signed_off_on = models.DateField(null=True, blank=True, db_index=True)
    signed_off_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+")
    next_review_due = models.DateField(null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="+")

    class Meta:
        ordering = ["-started_on", "-pk"]
        indexes = [models.Index(fields=["young_person", "status", "-signed_off_on"])]

    def __str__(self) -> str:
        kind = "Review" if self.is_review else "Pathway plan"
        return f"{kind} started {self.started_on:%d/%m/%Y}"
