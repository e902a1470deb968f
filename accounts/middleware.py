"""Idle timeout and the second factor every local staff account must have when REQUIRE_MFA is on."""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

LAST_SEEN = "last_seen"
LAST_SEEN_EVERY = 10  # seconds
STATUS_PATH = "/session/"  # reading the time left does not count as activity


def idle_seconds_left(request: HttpRequest) -> int:
    last = request.session.get(LAST_SEEN)
    limit = settings.SESSION_IDLE_MINUTES * 60
    if last is None:
        return limit
    return max(0, int(limit - (time.time() - last)))


class IdleTimeoutMiddleware:
    """Signs out a session that has made no request for SESSION_IDLE_MINUTES. Plan drafts kept in the browser
    survive this (only an explicit sign-out clears them)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            if request.session.get(LAST_SEEN) is not None and idle_seconds_left(request) <= 0:
                request.sign_out_reason = "idle timeout"  # type: ignore[attr-defined]
                logout(request)
                if request.headers.get("HX-Request") or request.path.startswith(STATUS_PATH):
                    return HttpResponse("Signed out after a period without activity", status=401)
                query = urlencode({"timed_out": 1, "next": request.get_full_path()})
                return redirect(f"{reverse('login')}?{query}")
            last = request.session.get(LAST_SEEN)
            now = time.time()
            # Activity is written at most every few seconds: the idle limit is minutes, and a busy page need not
            # save its session on every request
            if not request.path.startswith(STATUS_PATH) and (last is None or now - last >= LAST_SEEN_EVERY):
                request.session[LAST_SEEN] = now
        return self.get_response(request)


def _uses_sso(request: HttpRequest) -> bool:
    from allauth.account.internal.flows.login import get_authentication_records

    return any(r.get("method") == "socialaccount" for r in get_authentication_records(request, request.user))


# Where a member of staff without a second factor may still go: setting one up, signing out, static files
_MFA_SETUP_ALLOWED = ("/account/2fa/", "/account/set-up-two-step/", "/account/reauthenticate/", "/sign-out/",
                      "/account/logout/", "/signed-out/", "/static/", "/healthz", "/session/")


class RequireMFAMiddleware:
    """With REQUIRE_MFA on, a local account with no authenticator app or passkey is sent to set one up before
    anything else. Staff signed in by single sign-on are not: their identity provider asks for its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (getattr(settings, "REQUIRE_MFA", False) and request.user.is_authenticated
                and not request.path.startswith(_MFA_SETUP_ALLOWED) and not _uses_sso(request)):
            from allauth.mfa.models import Authenticator

            if not Authenticator.objects.filter(
                    user=request.user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]).exists():
                if request.headers.get("HX-Request") or request.path.startswith("/api/"):
                    return HttpResponse("Set up a second factor first", status=403)
                return redirect("mfa_setup_required")
        return self.get_response(request)
