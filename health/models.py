"""Health and emotional wellbeing (seed 000 section 6): GP, health passport, assessments and dental checks, SDQ,
immunisations, substance misuse, mental-health support and referrals."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from health import codes
from leavingcare.versioning import Versioned

USER = settings.AUTH_USER_MODEL


class HealthProfile(Versioned):
    """One a young person: the GP registration and the health passport."""

    young_person = models.OneToOneField("people.YoungPerson", on_delete=models.CASCADE, related_name="health")
    gp_practice = models.CharField("GP practice", max_length=120, blank=True)
    gp_ods_code = models.CharField("practice ODS code", max_length=6, blank=True)
    gp_registered_on = models.DateField("registered on", null=True, blank=True)
    passport_issued = models.BooleanField("health passport issued", default=False)
    passport_issued_on = models.DateField("health passport issued on", null=True, blank=True)

    def __str__(self) -> str:
        return f"Health of {self.young_person_id}"


class HealthCheck(Versioned):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE, related_name="health_checks")
    kind = models.CharField("type", max_length=30, choices=codes.CHECK_TYPES)
    on = models.DateField("date")
    status = models.CharField(max_length=10, choices=codes.CHECK_STATUS)
    note = models.TextField(blank=True)
    ssd_id = models.CharField(max_length=48, blank=True, db_index=True)

    class Meta:
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on:%d %b %Y}: {self.status}"


class SDQScore(Versioned):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE, related_name="sdq_scores")
    completed_on = models.DateField()
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    reason = models.CharField("reason there is no score", max_length=4, choices=codes.SDQ_REASONS, blank=True)
    ssd_id = models.CharField(max_length=48, blank=True, db_index=True)

    class Meta:
        ordering = ["-completed_on", "-pk"]

    def __str__(self) -> str:
        return f"SDQ {self.completed_on:%d %b %Y}: {self.score if self.score is not None else self.reason}"


class Immunisation(Versioned):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE, related_name="immunisations")
    recorded_on = models.DateField()
    up_to_date = models.BooleanField("immunisations up to date", null=True)
    detail = models.TextField(blank=True)
    ssd_id = models.CharField(max_length=48, blank=True, db_index=True)

    class Meta:
        ordering = ["-recorded_on", "-pk"]


class SubstanceMisuse(Versioned):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE, related_name="substance_misuse")
    recorded_on = models.DateField()
    substance = models.CharField(max_length=100)
    intervention_received = models.BooleanField("help received", null=True)
    help = models.TextField("the help received", blank=True)
    ssd_id = models.CharField(max_length=48, blank=True, db_index=True)

    class Meta:
        ordering = ["-recorded_on", "-pk"]


class MentalHealthSupport(Versioned):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE,
                                     related_name="mental_health_support")
    kind = models.CharField(max_length=10, choices=codes.SUPPORT_KINDS)
    service = models.CharField(max_length=120, help_text="e.g. Ask Jan counselling, CMHT, GP")
    started_on = models.DateField("referred or started on")
    status = models.CharField(max_length=10, choices=codes.SUPPORT_STATUS)
    outcome = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_on", "-pk"]
