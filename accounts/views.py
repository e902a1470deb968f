"""Pages around sign-in that allauth does not provide: signed out, set up a second factor, your account, and the
session clock the timeout warning reads."""

from __future__ import annotations

import time

from allauth.account.views import LogoutView
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from accounts.middleware import LAST_SEEN, idle_seconds_left


class SignOutView(LogoutView):
    """allauth's sign-out, plus: the browser drops what this site kept on the device (plan drafts)."""

    def post(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        response = super().post(*args, **kwargs)
        response["Clear-Site-Data"] = '"storage"'
        return response


def signed_out(request: HttpRequest) -> HttpResponse:
    # static/signed-out.js also removes the plan drafts, for browsers that ignore Clear-Site-Data over HTTP
    response = render(request, "account/signed_out.html")
    response["Clear-Site-Data"] = '"storage"'
    return response


@login_required
def mfa_setup_required(request: HttpRequest) -> HttpResponse:
    return render(request, "account/mfa_setup_required.html")


@login_required
def your_account(request: HttpRequest) -> HttpResponse:
    from allauth.mfa.models import Authenticator

    types = set(Authenticator.objects.filter(user=request.user).values_list("type", flat=True))
    return render(request, "account/your_account.html", {"mfa_types": types,
                                                         "sso_accounts": request.user.socialaccount_set.all()})


@require_http_methods(["GET", "POST"])
def session_status(request: HttpRequest) -> JsonResponse:
    """GET: seconds left before an idle sign-out (does not count as activity). POST: "Stay signed in"."""
    if not request.user.is_authenticated:
        return JsonResponse({"signed_in": False, "seconds_left": 0}, status=401)
    if request.method == "POST":
        request.session[LAST_SEEN] = time.time()
    return JsonResponse({"signed_in": True, "seconds_left": idle_seconds_left(request),
                         "idle_seconds": settings.SESSION_IDLE_MINUTES * 60})
