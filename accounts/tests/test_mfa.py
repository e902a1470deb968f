"""A second factor for local accounts: required when REQUIRE_MFA is on, and a TOTP code then signs in."""

from __future__ import annotations

import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.cache import cache

from audit.models import Action, AuditEvent

PASSWORD = "correct-horse-battery"


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def mfa_required(settings):
    settings.REQUIRE_MFA = True


def test_without_a_second_factor_staff_are_sent_to_set_one_up(client, staff, mfa_required):
    client.post("/sign-in/", {"login": "pa_north", "password": PASSWORD})
    response = client.get("/young-people/")
    assert response.status_code == 302 and response["Location"] == "/account/set-up-two-step/"
    page = client.get("/account/set-up-two-step/").content.decode()
    assert "Set up two-step verification" in page and "/account/2fa/totp/activate/" in page
    assert client.get("/young-people/", headers={"HX-Request": "true"}).status_code == 403


def test_setting_up_an_authenticator_app_then_signing_in_with_a_code(client, staff, mfa_required):
    client.post("/sign-in/", {"login": "pa_north", "password": PASSWORD})
    # adding a second factor asks for the password again (a borrowed session cannot add its own)
    response = client.get("/account/2fa/totp/activate/")
    assert response["Location"].startswith("/account/reauthenticate/")
    assert "govuk-template__body" in client.get(response["Location"]).content.decode()
    client.post("/account/reauthenticate/", {"password": PASSWORD})
    page = client.get("/account/2fa/totp/activate/")
    assert page.status_code == 200 and "govuk-template__body" in page.content.decode()
    secret = page.context["form"].secret
    wrong = client.post("/account/2fa/totp/activate/", {"code": "000000" if code_for(secret) != "000000" else "111111"})
    assert "There is a problem" in wrong.content.decode()
    response = client.post("/account/2fa/totp/activate/", {"code": code_for(secret)})
    assert response.status_code == 302
    assert client.get("/young-people/").status_code == 200
    # recovery codes were made with it, and can be seen once signed in
    assert client.get("/account/2fa/recovery-codes/").status_code == 200

    client.post("/sign-out/")
    cache.clear()  # the same 30-second code cannot be used twice; the test is faster than the clock
    response = client.post("/sign-in/", {"login": "pa_north", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/account/2fa/authenticate/"
    assert client.get("/young-people/").status_code == 302  # not signed in yet
    page = client.get("/account/2fa/authenticate/").content.decode()
    assert "govuk-template__body" in page
    assert "There is a problem" in client.post("/account/2fa/authenticate/", {"code": "12345"}).content.decode()
    assert client.get("/young-people/").status_code == 302
    response = client.post("/account/2fa/authenticate/", {"code": code_for(secret)})
    assert response.status_code == 302
    assert client.get("/young-people/").status_code == 200
    assert AuditEvent.objects.filter(action=Action.SIGN_IN, actor=staff["pa_north"]).latest("pk").detail[
        "method"] == "password+mfa"


@pytest.mark.parametrize("path", ["/account/2fa/", "/account/reauthenticate/", "/account/you/",
                                  "/account/password/change/"])
def test_account_pages_use_the_service_layout(client, staff, path):
    client.force_login(staff["pa_north"])
    page = client.get(path)
    assert page.status_code == 200
    assert "govuk-template__body" in page.content.decode() and "govuk-footer" in page.content.decode()
