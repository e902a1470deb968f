"""Keeps a young person's session inside the app: staff pages send them to /app/, the staff API refuses them."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect

from accounts.roles import Role

ALLOWED = ("/app/", "/static/", "/healthz", "/openreferral/")  # the Local Offer's open data is for anyone


class YoungPersonBoundaryMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and getattr(user, "role", None) == Role.YOUNG_PERSON:
            path = request.path
            if path.startswith("/api/"):
                return JsonResponse({"detail": "The API is for staff."}, status=403)
            if path.startswith("/app/staff/"):
                return redirect("/app/")
            if not path.startswith(ALLOWED):
                return redirect("/app/")
        return self.get_response(request)
