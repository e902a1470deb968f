"""The audit log: who saw, changed or exported whose record, and when.

Shaped after zulip's RealmAuditLog: event time, acting user, the record, an
action from named constants, and old/new values in a JSON field.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Action(models.TextChoices):
    VIEW = "view", "Viewed"
    CREATE = "create", "Created"
    CHANGE = "change", "Changed"
    EXPORT = "export", "Exported"
    DENIED = "denied", "Access refused"
    SIGN_IN = "sign_in", "Signed in"
    SIGN_OUT = "sign_out", "Signed out"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in refused"
    IMPORT = "import", "Imported"
    DELETE = "delete", "Withdrawn"


class AuditEvent(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    action = models.CharField(max_length=20, choices=Action.choices)
    # The young person whose record it is (null for exports covering many)
    young_person = models.ForeignKey(
        "people.YoungPerson", on_delete=models.PROTECT, null=True, blank=True, related_name="audit_events"
    )
    # What was touched: "people.YoungPerson", "contacts.Contact", "page:summary", "export:oc3", ...
    object_type = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40, blank=True)
    # For CHANGE: {"field": {"old": ..., "new": ...}}; otherwise free context (e.g. row counts)
    detail = models.JSONField(default=dict, blank=True)
    path = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["young_person", "-at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.action} {self.object_type} {self.object_id}"
