"""Staff roles. Who may see whom is decided in people.scope, from these."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
    SOCIAL_WORKER = "social_worker", "Leaving care social worker"
    TEAM_MANAGER = "team_manager", "Team manager"
    SENIOR_MANAGER = "senior_manager", "Senior manager (Head of Service)"
    HOUSING_ADVISER = "housing_adviser", "Housing adviser"
    FINANCE_OFFICER = "finance_officer", "Finance officer"
    PERFORMANCE_ANALYST = "performance_analyst", "Performance analyst"
    ADMINISTRATOR = "administrator", "Administrator"
    # Not staff: a young person signed in to the young person's app (youngapp), linked to one record
    YOUNG_PERSON = "young_person", "Young person"


CASEWORKER_ROLES = {Role.PERSONAL_ADVISER, Role.SOCIAL_WORKER}
MANAGER_ROLES = {Role.TEAM_MANAGER, Role.SENIOR_MANAGER}
# Service-wide practitioners who support any young person on request
SERVICE_WIDE_ROLES = {Role.SENIOR_MANAGER, Role.HOUSING_ADVISER, Role.FINANCE_OFFICER}
# Roles that see aggregates and never names
AGGREGATE_ONLY_ROLES = {Role.PERFORMANCE_ANALYST}
