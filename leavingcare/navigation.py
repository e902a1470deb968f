"""Service navigation: an entry shows when its page exists and the user's role uses it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from accounts.roles import Role

R = Role
CASE = {R.PERSONAL_ADVISER, R.SOCIAL_WORKER, R.TEAM_MANAGER, R.SENIOR_MANAGER, R.HOUSING_ADVISER, R.FINANCE_OFFICER}
MANAGE = {R.TEAM_MANAGER, R.SENIOR_MANAGER}

NAV: list[tuple[str, str, set[str]]] = [
    ("Worklist", "worklists:mine", CASE),
    ("My tasks", "tasks:mine", {R.PERSONAL_ADVISER, R.SOCIAL_WORKER, R.TEAM_MANAGER, R.SENIOR_MANAGER}),
    ("Young people", "people:list", CASE),
    ("Plans", "plans:home", CASE),
    ("Money", "money:home", CASE),
    ("Housing", "housing:home", MANAGE | {R.HOUSING_ADVISER}),
    ("Performance", "performance:dashboard", MANAGE | {R.PERFORMANCE_ANALYST}),
    ("Returns", "returns:home", MANAGE | {R.PERFORMANCE_ANALYST}),
    ("Administration", "org:admin", {R.ADMINISTRATOR}),
    ("Corporate parenting", "corporate:home", MANAGE | {R.PERFORMANCE_ANALYST}),
    ("Participation", "participation:home", {R.PERSONAL_ADVISER, R.SOCIAL_WORKER, R.TEAM_MANAGER, R.SENIOR_MANAGER}),
    ("Surveys", "surveys:home", {R.PERFORMANCE_ANALYST}),
    ("Local Offer", "localoffer:list", CASE | {R.PERFORMANCE_ANALYST, R.ADMINISTRATOR}),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = []
    for label, name, roles in NAV:
        if not (user.is_superuser or user.role in roles):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url, "active": request.path.startswith(url)})
    from people.scope import can_see_names

    return {"nav_items": items, "header_search": can_see_names(user)}
