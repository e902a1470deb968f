"""Who may use the named-record API at all; which records is people.scope's job."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission

from accounts.roles import CASEWORKER_ROLES, MANAGER_ROLES
from people.scope import can_see_names

# Roles that may change a record (create, edit, care history, allocation) through the API
WRITER_ROLES = CASEWORKER_ROLES | MANAGER_ROLES


class SeesNamedRecords(BasePermission):
    """Performance analysts and administrators see aggregates only: 403 on every named endpoint."""

    message = "Your role sees aggregate figures only, not young people's records."

    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated and can_see_names(request.user))


class MayChangeRecords(BasePermission):
    message = "Your role cannot change young people's records."

    def has_permission(self, request: Any, view: Any) -> bool:
        if request.method in SAFE_METHODS or getattr(view, "open_to_service_wide_writers", False):
            return True
        return bool(request.user.is_superuser or request.user.role in WRITER_ROLES)
