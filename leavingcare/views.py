from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse

from accounts.roles import AGGREGATE_ONLY_ROLES, Role


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send each role to the page they start their day on."""
    user = request.user
    role = getattr(user, "role", None)
    if role in AGGREGATE_ONLY_ROLES:
        targets = ["performance:dashboard"]
    elif role == Role.FINANCE_OFFICER:
        targets = ["money:home", "people:list"]
    elif role == Role.ADMINISTRATOR:
        targets = ["administration"]
    else:
        targets = ["worklists:mine", "people:list"]
    for name in targets:
        try:
            return redirect(reverse(name))
        except NoReverseMatch:
            continue
    return redirect("people:list")


@login_required
def administration(request: HttpRequest) -> HttpResponse:
    """The administrator's start page (a small one: the administration pages come later)."""
    from django.conf import settings

    if getattr(request.user, "role", None) != Role.ADMINISTRATOR:
        raise PermissionDenied
    return render(request, "administration.html", {"django_admin": settings.DJANGO_ADMIN})


def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})
