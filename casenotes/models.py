"""Case notes (separate from contacts) and the manager's "significant event" mark on any event of the chronology."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from leavingcare.versioning import Versioned


class NoteKind(models.TextChoices):
    CASE_NOTE = "case_note", "Case note"
    AGENCY = "agency", "Discussion with another agency"
    MEETING = "meeting", "Meeting"
    OVERSIGHT = "oversight", "Management oversight"
    SAFEGUARDING = "safeguarding", "Safeguarding"
    OTHER = "other", "Other"


class CaseNote(Versioned):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="case_notes")
    kind = models.CharField(max_length=20, choices=NoteKind.choices, default=NoteKind.CASE_NOTE)
    on = models.DateField("date")
    text = models.TextField()
    other_agency = models.CharField("other agency (if any)", max_length=120, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn = models.BooleanField(default=False)

    class Meta:
        ordering = ["-on", "-pk"]
        indexes = [models.Index(fields=["young_person", "-on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.on:%d/%m/%Y}"


class SignificantEvent(models.Model):
    """A manager's mark: this event on the chronology matters (e.g. for a review or an Ofsted inspection)."""

    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=40, help_text="What the event is, e.g. contacts.Contact:12")
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    marked_at = models.DateTimeField(auto_now_add=True)
    reason = models.CharField(max_length=300, blank=True)

    class Meta:
        unique_together = [("young_person", "source")]
