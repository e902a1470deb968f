"""How django-allauth fits the service: no self-sign-up, single sign-on only for existing staff (matched by
email), and every refused sign-in written to the audit log."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import render

from accounts import signin_audit


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "username_password_mismatch": "Enter a correct username and password",
        # The same words whether or not the username exists
        "too_many_login_attempts": "Too many attempts to sign in with this username. Wait a while, then try again",
        "incorrect_code": "Enter the code your authenticator app shows now",
    }

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            # Too many failures: the attempt is refused before the password is even checked
            signin_audit.failed(request, credentials.get("username", ""), reason="too many attempts")
            raise


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest, sociallogin: Any) -> bool:
        return False

    def pre_social_login(self, request: HttpRequest, sociallogin: Any) -> None:
        """A person signing in through the council's identity provider must already have a staff account here,
        with the same email address. Their first sign-in links the two; nobody else gets in."""
        if sociallogin.is_existing:
            if not sociallogin.user.is_active:
                self._refuse(request, sociallogin, "account disabled")
            return
        email = (sociallogin.user.email or "").strip()
        for address in sociallogin.email_addresses:
            email = email or address.email
        users = list(get_user_model().objects.filter(email__iexact=email, is_active=True)) if email else []
        if len(users) != 1:
            self._refuse(request, sociallogin, "no staff account with this email" if not users
                         else "more than one staff account with this email")
        sociallogin.connect(request, users[0])

    def _refuse(self, request: HttpRequest, sociallogin: Any, reason: str) -> None:
        signin_audit.failed(request, sociallogin.user.email or sociallogin.account.uid, reason=reason,
                            method=f"sso:{sociallogin.account.provider}")
        raise ImmediateHttpResponse(render(request, "account/sso_refused.html", status=403))
