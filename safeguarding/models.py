"""Helping and protecting (seed 000 section 5): concerns and their escalation, "most worried about" oversight,
safety plans and multi-agency meetings."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from leavingcare.versioning import Versioned
from safeguarding import codes

USER = settings.AUTH_USER_MODEL


class Concern(Versioned):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE, related_name="concerns")
    category = models.CharField("category", max_length=3, choices=codes.CIN_FACTORS,
                                help_text="The Children in Need factor code")
    severity = models.CharField(max_length=10, choices=codes.SEVERITY)
    occurred_on = models.DateField("when it happened")
    what_happened = models.TextField("what happened")
    immediate_action = models.TextField("what was done at once", blank=True)
    raised_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    raised_at = models.DateTimeField(default=timezone.now, db_index=True)
    acknowledged_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    # Who it has reached: 0 team manager, 1 senior manager, 2 head of service (safeguarding.codes.LEVELS)
    escalation_level = models.PositiveSmallIntegerField(default=0)
    escalated_at = models.DateTimeField(null=True, blank=True)
    decision = models.CharField(max_length=30, choices=codes.DECISIONS, blank=True)
    decision_note = models.TextField("reasons for the decision", blank=True)
    decided_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_at", "-pk"]
        indexes = [models.Index(fields=["young_person", "closed_on"]),
                   models.Index(fields=["acknowledged_at", "escalation_level"])]

    def __str__(self) -> str:
        return f"{self.get_category_display()} ({self.get_severity_display()}), {self.raised_at:%d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def level_label(self) -> str:
        return codes.LEVELS.get(self.escalation_level, "")


class Notice(models.Model):
    """A manager told about a concern: at once for the team manager, on escalation for senior managers."""

    recipient = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="safeguarding_notices")
    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="notices")
    level = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["recipient", "concern", "level"], name="one_notice_per_level")]


class Oversight(Versioned):
    """Head of Service and Director oversight of a young person "we are most worried about"."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE, related_name="oversights")
    reason = models.TextField()
    review_every_months = models.PositiveSmallIntegerField("review every (months)", default=1)
    started_on = models.DateField()
    started_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["young_person"], condition=models.Q(ended_on__isnull=True),
                                               name="one_current_oversight")]

    def __str__(self) -> str:
        return f"Oversight from {self.started_on:%d %b %Y}"


class OversightReview(Versioned):
    oversight = models.ForeignKey(Oversight, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    reviewed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    progress = models.TextField("progress and experiences")
    actions = models.TextField("actions to help them be safer", blank=True)

    class Meta:
        ordering = ["-reviewed_on", "-pk"]


class SafetyPlan(Versioned):
    """Written with the young person. Each new version supersedes the last; none is ever overwritten."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE, related_name="safety_plans")
    number = models.PositiveIntegerField()
    risks = models.TextField("risks")
    what_helps = models.TextField("what helps")
    who_to_call = models.TextField("who to call")
    young_persons_words = models.TextField("in the young person's words", blank=True)
    written_with_young_person = models.BooleanField(default=True)
    written_on = models.DateField()
    written_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    superseded_on = models.DateField(null=True, blank=True)
    concern = models.ForeignKey(Concern, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-number"]
        unique_together = [("young_person", "number")]

    def __str__(self) -> str:
        return f"Safety plan version {self.number}, {self.written_on:%d %b %Y}"


class Meeting(Versioned):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField("type of meeting", max_length=30, choices=codes.MEETING_KINDS)
    held_on = models.DateField()
    agencies = models.TextField("agencies present", help_text="One a line, e.g. Police")
    decisions = models.TextField()
    concern = models.ForeignKey(Concern, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings")
    recorded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.held_on:%d %b %Y}"

    @property
    def agency_list(self) -> list[str]:
        return [a.strip() for a in self.agencies.splitlines() if a.strip()]


class MeetingAction(Versioned):
    """An action agreed at a meeting: it is on the owner's worklist until done (there is no separate task list)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    what = models.CharField(max_length=300)
    owner = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    owner_agency = models.CharField("agency", max_length=100, blank=True)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
