"""Tasks: something a named member of staff will do for a young person by a date."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from leavingcare.versioning import Versioned


class TaskStatus(models.TextChoices):
    OPEN = "open", "To do"
    DONE = "done", "Done"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Task(Versioned):
    young_person = models.ForeignKey("people.YoungPerson", on_delete=models.PROTECT, related_name="tasks")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="tasks")
    title = models.CharField("what needs doing", max_length=300)
    due = models.DateField("due by", db_index=True)
    notes = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    # A plan action with a named worker is that worker's task
    plan_action = models.ForeignKey("plans.PlanAction", on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="tasks")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due", "pk"]
        indexes = [models.Index(fields=["owner", "status", "due"])]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today: dt.date) -> bool:
        return self.status == TaskStatus.OPEN and self.due < today
