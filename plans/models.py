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
    # Optimistic concurrency: each save bumps it; a save from an older version is a conflict
    version = models.PositiveIntegerField(default=0)
    shared_on = models.DateField(null=True, blank=True)
    young_person_views = models.TextField("the young person's views on the plan", blank=True)
    review_reason = models.CharField(max_length=200, blank=True, help_text="e.g. a move, or six-monthly")

    class Meta:
        ordering = ["-started_on", "-pk"]
        indexes = [models.Index(fields=["young_person", "status", "-signed_off_on"])]

    def __str__(self) -> str:
        kind = "Review" if self.is_review else "Pathway plan"
        return f"{kind} started {self.started_on:%d/%m/%Y}"


class PlanArea(models.Model):
    plan = models.ForeignKey(PathwayPlan, on_delete=models.CASCADE, related_name="areas")
    area = models.CharField(max_length=30)
    my_words = models.TextField("what I think", blank=True)
    assessment = models.TextField("worker's assessment", blank=True)

    class Meta:
        unique_together = [("plan", "area")]
        ordering = ["pk"]


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


class PlanAction(models.Model):
    area = models.ForeignKey(PlanArea, on_delete=models.CASCADE, related_name="actions")
    what = models.CharField(max_length=300)
    who = models.CharField(max_length=120)
    by_when = models.DateField()
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    created_on = models.DateField(auto_now_add=True)
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["by_when", "pk"]


class PlanVersion(models.Model):
    """Every saved version of a plan, kept whole, so any two can be compared."""

    plan = models.ForeignKey(PathwayPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    saved_at = models.DateTimeField(auto_now_add=True)
    snapshot = models.JSONField()

    class Meta:
        unique_together = [("plan", "number")]
        ordering = ["-number"]


class PlanDraft(models.Model):
    """What someone has typed and not yet saved, kept on the server so a timeout or a closed tab loses nothing."""

    plan = models.ForeignKey(PathwayPlan, on_delete=models.CASCADE, related_name="drafts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    data = models.JSONField()
    base_version = models.PositiveIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("plan", "user")]


class PlanQualityAudit(models.Model):
    plan = models.ForeignKey(PathwayPlan, on_delete=models.CASCADE, related_name="quality_audits")
    auditor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    audited_on = models.DateField()
    grade = models.CharField(max_length=30)
    criteria = models.JSONField(default=dict, help_text="{criterion: met (true/false)}")
    comments = models.TextField(blank=True)
    actions_for_worker = models.TextField(blank=True)

    class Meta:
        ordering = ["-audited_on"]
