"""Contacts with young people: visits, calls, messages. The keeping-in-touch clock reads these."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from leavingcare.versioning import Versioned


class ContactKind(models.TextChoices):
    HOME_VISIT = "home_visit", "Home visit"
    OFFICE = "office", "Office visit"
    HUB = "hub", "Hub visit"
    PRISON_VISIT = "prison_visit", "Prison visit"
    PHONE = "phone", "Phone call"
    VIDEO = "video", "Video call"
    MESSAGE = "message", "Text or message"
    EMAIL = "email", "Email"


class MadeBy(models.TextChoices):
    PA = "pa", "Personal adviser"
    SW = "sw", "Social worker"
    DUTY = "duty", "Duty worker"
    OTHER = "other", "Other"


class Contact(Versioned):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE, related_name="contacts")
    occurred_at = models.DateTimeField()
    kind = models.CharField(max_length=20, choices=ContactKind.choices)
    made_by = models.CharField(max_length=10, choices=MadeBy.choices)
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="contacts_made")
    successful = models.BooleanField(default=True)
    reason_unsuccessful = models.CharField(max_length=200, blank=True)
    seen_alone = models.BooleanField(null=True, blank=True)
    note = models.TextField(blank=True)
    # False when the worker was not allocated to the young person at the time (allowed, recorded)
    by_allocated_worker = models.BooleanField(default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # Idempotency key from the form, so a double click saves one row
    submission_key = models.CharField(max_length=64, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [
            models.Index(fields=["young_person", "made_by", "successful", "-occurred_at"]),
            models.Index(fields=["occurred_at"]),
            # Latest successful contact by anyone in a window (the SSDA903 OC3 derivation)
            models.Index(fields=["young_person", "occurred_at"], condition=models.Q(successful=True),
                         name="contact_successful_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.occurred_at:%d/%m/%Y}"


class ContactAmendment(models.Model):
    """A change to a contact after its author's 24 hours: what it said before, who changed it and why."""

    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="amendments")
    amended_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    amended_at = models.DateTimeField(auto_now_add=True)
    reason = models.CharField(max_length=300)
    before = models.JSONField()

    class Meta:
        ordering = ["-amended_at"]


EFFORT_CHOICES = [
    ("phone_text_email", "Phone, text and email tried at different times"),
    ("home_visit", "Unannounced visit to the last known address"),
    ("family_friends", "Family, friends and former carers asked"),
    ("housing_provider", "Housing provider or landlord asked"),
    ("dwp_benefits", "DWP or Universal Credit work coach asked"),
    ("health", "GP or health services asked"),
    ("police", "Police asked (and a missing person report considered)"),
    ("college_employer", "College, training provider or employer asked"),
    ("probation_yot", "Probation or youth justice service asked"),
    ("social_media", "Social media messages sent"),
]


class LostContactCheck(models.Model):
    """Efforts made to find a young person who has lost touch (the multi-agency checklist)."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE, related_name="lost_contact_checks")
    effort = models.CharField(max_length=40, choices=EFFORT_CHOICES)
    done_on = models.DateField()
    outcome = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-done_on"]


class MissingEpisode(models.Model):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE, related_name="missing_episodes")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    return_conversation_on = models.DateField("return conversation", null=True, blank=True)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-start_date"]
