from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from accounts.roles import MANAGER_ROLES, Role


class User(AbstractUser):
    """A member of staff. Young people get their own sign-in later (the app)."""

    role = models.CharField(max_length=30, choices=Role.choices, default=Role.PERSONAL_ADVISER)
    staff_id = models.CharField("staff ID", max_length=20, unique=True, null=True, blank=True)
    team = models.ForeignKey("org.Team", on_delete=models.PROTECT, null=True, blank=True, related_name="members")
    managed_teams = models.ManyToManyField("org.Team", blank=True, related_name="managers")
    job_title = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_manager(self) -> bool:
        return self.role in MANAGER_ROLES

    @property
    def role_label(self) -> str:
        return Role(self.role).label
