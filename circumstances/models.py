"""Referrals and support to 25, and the circumstances that change the work (seed 000 sections 3.2, 3.3 and 7)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from circumstances import codes
from leavingcare.versioning import Versioned
from people import codes as people_codes

USER = settings.AUTH_USER_MODEL
YP = "people.YoungPerson"


class SupportReferral(Versioned):
    young_person = models.ForeignKey(YP, on_delete=models.CASCADE, related_name="support_referrals")
    kind = models.CharField("support", max_length=20, choices=codes.REFERRAL_KINDS)
    referred_on = models.DateField()
    status = models.CharField(max_length=10, choices=codes.REFERRAL_STATUS, default="referred")
    outcome = models.TextField(blank=True)

    class Meta:
        ordering = ["-referred_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.get_status_display()}"


class ImmigrationCase(Versioned):
    """An unaccompanied asylum seeker's immigration case."""

    young_person = models.OneToOneField(YP, on_delete=models.CASCADE, related_name="immigration_case")
    status = models.CharField(max_length=20, choices=people_codes.IMMIGRATION_STATUS)
    leave_granted_on = models.DateField("leave to remain granted on", null=True, blank=True)
    leave_ends_on = models.DateField("leave to remain ends on", null=True, blank=True)
    asylum_decision_on = models.DateField("asylum decision on", null=True, blank=True)
    solicitor = models.CharField(max_length=120, blank=True)
    home_office_reference = models.CharField(max_length=40, blank=True)

    def __str__(self) -> str:
        return f"Immigration: {self.get_status_display()}"


class Appeal(Versioned):
    case = models.ForeignKey(ImmigrationCase, on_delete=models.CASCADE, related_name="appeals")
    lodged_on = models.DateField()
    hearing_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=120, blank=True)
    decided_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-lodged_on"]


class Child(Versioned):
    """A young parent's child."""

    young_person = models.ForeignKey(YP, on_delete=models.CASCADE, related_name="children")
    first_name = models.CharField(max_length=60, blank=True)
    date_of_birth = models.DateField("date of birth or due date")
    lives_with = models.CharField(max_length=20, choices=codes.LIVES_WITH)
    child_protection = models.CharField("child protection involvement", max_length=20,
                                        choices=codes.CHILD_PROTECTION, default="none")

    class Meta:
        ordering = ["date_of_birth"]

    def __str__(self) -> str:
        return f"{self.first_name or 'Child'}, born {self.date_of_birth:%d %b %Y}"


class Custody(Versioned):
    young_person = models.ForeignKey(YP, on_delete=models.CASCADE, related_name="custody")
    establishment = models.CharField(max_length=120)
    sentence_date = models.DateField()
    release_date = models.DateField("expected release date", null=True, blank=True)
    offender_manager = models.CharField(max_length=120, blank=True)
    accommodation_on_release = models.TextField("accommodation on release", blank=True)
    released_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-sentence_date"]
        verbose_name_plural = "custody"

    def __str__(self) -> str:
        return f"In custody at {self.establishment} from {self.sentence_date:%d %b %Y}"


class OutOfArea(Versioned):
    young_person = models.ForeignKey(YP, on_delete=models.CASCADE, related_name="residences_out_of_area")
    authority_of_residence = models.CharField(max_length=120)
    since = models.DateField()
    local_connection = models.ForeignKey("org.District", on_delete=models.PROTECT, null=True, blank=True,
                                         related_name="+", help_text="The district whose local connection is kept")
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-since"]


class StepDown(Versioned):
    """A request from 21 to step down to universal services: the manager weighs privacy against safeguarding."""

    young_person = models.ForeignKey(YP, on_delete=models.CASCADE, related_name="step_downs")
    requested_on = models.DateField()
    privacy = models.TextField("the young person's wish for privacy and for services to stop")
    safeguarding = models.TextField("safeguarding considerations")
    decision = models.CharField(max_length=10, choices=codes.STEP_DOWN_DECISIONS, default="pending")
    decided_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    decided_on = models.DateField(null=True, blank=True)
    reopened_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_on"]


class RecordsRequest(Versioned):
    """Access to records: due one calendar month after it is received; the PA told so they can help read it."""

    young_person = models.ForeignKey(YP, on_delete=models.CASCADE, related_name="records_requests")
    received_on = models.DateField()
    due_on = models.DateField()
    pa_notified = models.BooleanField("tell the personal adviser", default=True)
    helper = models.CharField("who helps read the record", max_length=120, blank=True)
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-received_on"]


class LinkedIdentifier(Versioned):
    """Another agency's identifier for the young person (ssd_linked_identifiers), e.g. a YOT number."""

    young_person = models.ForeignKey(YP, on_delete=models.CASCADE, related_name="linked_identifiers")
    identifier_type = models.CharField(max_length=40)
    value = models.CharField(max_length=60)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    ssd_id = models.CharField(max_length=48, blank=True, db_index=True)

    class Meta:
        ordering = ["identifier_type"]
