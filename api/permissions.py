"""The API asks the same policy as the pages: each view declares what each method needs (``policy``), checked
here before anything is read from the body, so a refusal is a 403 (or a 404 for a record out of scope) and
never a validation error that hints at the record."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission

from accounts.policy import REFUSALS
from leavingcare.access import policy_of
from people.scope import can_see_names


class SeesNamedRecords(BasePermission):
    """Performance analysts and administrators see aggregates only: 403 on every named endpoint."""

    message = "Your role sees aggregate figures only, not young people's records."

    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(request.user and request.user.is_authenticated and can_see_names(request.user))


class FollowsPolicy(BasePermission):
    """The view's declared permission for this method, asked of accounts.policy about the record in the URL."""

    def has_permission(self, request: Any, view: Any) -> bool:
        policy = policy_of(view)
        if policy is None:
            return request.method in SAFE_METHODS
        permission = policy.permission(request.method)
        if permission is None:
            return request.method in SAFE_METHODS
        obj = policy.of(request, view.kwargs) if policy.of else None  # a 404 when out of scope
        self.message = REFUSALS[permission]
        return bool(request.user.has_perm(permission, obj))
