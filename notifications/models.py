"""What needs a member of staff: an inbox item each, and (optionally) an email that says only "sign in"."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Kind(models.TextChoices):
    MONEY_DECISION = "money_decision", "Money request waiting for your decision"
    MONEY_DECIDED = "money_decided", "Decision on your money request"
    PLAN_SHARED = "plan_shared", "Pathway plan shared"
    PLAN_SIGNED_OFF = "plan_signed_off", "Pathway plan signed off"
    TASK_GIVEN = "task_given", "Task given to you"
    APP_MESSAGE = "app_message", "Message from a young person"
    OTHER = "other", "Other"


class Notification(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.CASCADE, null=True, blank=True,
                                     related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at", "-created_at"])]

    def __str__(self) -> str:
        return self.text


class OutboxEmail(models.Model):
    """An email as it was (or would have been) sent. Without NOTIFY_API_KEY nothing leaves: this is the outbox."""

    to = models.EmailField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    notification = models.ForeignKey(Notification, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="emails")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_via = models.CharField(max_length=10, default="outbox", help_text="outbox or notify")
    provider_id = models.CharField(max_length=60, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
