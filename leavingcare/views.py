from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
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
        targets = ["org:admin"]
    else:
        targets = ["worklists:mine", "people:list"]
    for name in targets:
        try:
            return redirect(reverse(name))
        except NoReverseMatch:
            continue
    return redirect("people:list")


def healthz(request: HttpRequest) -> JsonResponse:
    """For the load balancer and monitoring: a real query on the database; 503 when it does not answer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM django_migrations")
            migrations = cursor.fetchone()[0]
    except Exception as error:  # noqa: BLE001 - any failure of the database is "unavailable"
        logging.getLogger("leavingcare.health").error("database unavailable", extra={"error": type(error).__name__})
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "migrations": migrations})
