"""Documents on a young person's record, kept outside the web root (documents.storage) and never hard-deleted."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from leavingcare.versioning import Versioned


class DocumentKind(models.TextChoices):
    ID = "id", "Proof of identity"
    TENANCY = "tenancy", "Tenancy agreement"
    HEALTH_PASSPORT = "health_passport", "Health passport"
    LETTER = "letter", "Letter"
    OTHER = "other", "Other"


class Document(Versioned):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="documents")
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    title = models.CharField(max_length=200)
    original_name = models.CharField(max_length=200)
    stored_name = models.CharField(max_length=200, unique=True)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    withdrawn = models.BooleanField(default=False)
    withdrawn_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["young_person", "-created_at"])]

    def __str__(self) -> str:
        return self.title
