"""Sign-in, sign-out and refused sign-ins in the audit log (never a password)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from audit import log
from audit.models import Action

MAX_USERNAME = 60


def _client(request: HttpRequest | None) -> dict[str, str]:
    if request is None:
        return {}
    return {"ip": request.META.get("REMOTE_ADDR", ""),
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200]}


def failed(request: HttpRequest | None, username: str, reason: str = "wrong username or password",
           method: str = "password") -> None:
    log.record(None, Action.SIGN_IN_FAILED, object_type="sign-in",
               detail={"username": str(username or "")[:MAX_USERNAME], "reason": reason, "method": method,
                       **_client(request)},
               request=request)


@receiver(user_logged_in, dispatch_uid="audit_sign_in")
def signed_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    method = "password"
    if request is not None and hasattr(request, "session"):
        from allauth.account.internal.flows.login import get_authentication_records

        methods = [r.get("method") for r in get_authentication_records(request, user)]
        method = "sso" if "socialaccount" in methods else ("password+mfa" if "mfa" in methods
                                                            else (methods[-1] if methods else "password"))
    log.record(user, Action.SIGN_IN, obj=user, object_type="sign-in", detail={"method": method, **_client(request)},
               request=request)


@receiver(user_logged_out, dispatch_uid="audit_sign_out")
def signed_out(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if user is None:
        return
    reason = getattr(request, "sign_out_reason", "signed out") if request is not None else "signed out"
    log.record(user, Action.SIGN_OUT, obj=user, object_type="sign-out", detail={"reason": reason, **_client(request)},
               request=request)


@receiver(user_login_failed, dispatch_uid="audit_sign_in_failed")
def sign_in_failed(sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None,
                   **kwargs: Any) -> None:
    # Django has already replaced the password in ``credentials``; only the username is kept
    failed(request, credentials.get("username") or credentials.get("email") or "")
