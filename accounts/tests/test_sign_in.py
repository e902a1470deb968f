"""Signing in and out with a username and password: what a member of staff sees, and what the audit log keeps."""

from __future__ import annotations

import re
import time

import pytest
from django.core import mail

from accounts.middleware import LAST_SEEN
from audit.models import Action, AuditEvent

PASSWORD = "correct-horse-battery"


def sign_in(client, username, password=PASSWORD, follow=False, ip="127.0.0.1"):
    return client.post("/sign-in/", {"login": username, "password": password}, follow=follow, REMOTE_ADDR=ip)


def test_the_right_password_signs_in_and_is_logged(client, staff):
    response = sign_in(client, "pa_north")
    assert response.status_code == 302 and response["Location"] == "/"
    event = AuditEvent.objects.get(action=Action.SIGN_IN)
    assert event.actor == staff["pa_north"] and event.detail["method"] == "password"


def test_a_wrong_password_is_refused_and_logged_without_the_password(client, staff):
    response = sign_in(client, "pa_north", "wrong-password-guess")
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(action=Action.SIGN_IN_FAILED)
    assert event.actor is None and event.detail["username"] == "pa_north"
    assert "wrong-password-guess" not in str(event.detail) and "wrong-password-guess" not in event.path


def test_a_very_long_username_is_kept_shortened(client, db):
    sign_in(client, "x" * 140, "whatever")
    event = AuditEvent.objects.get(action=Action.SIGN_IN_FAILED)
    assert event.detail["username"] == "x" * 60


@pytest.fixture
def hour_windows(settings):
    """The default limits' counts over an hour, so a slow machine does not let the window slide past."""
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "10/h/ip,5/h/key"}


def test_repeated_failures_lock_the_username_without_saying_whether_it_exists(client, staff, hour_windows):
    # from different addresses, so the per-address limit (10 a minute) is not what stops them
    for n in range(5):
        sign_in(client, "pa_north", "guess", ip=f"10.0.0.{n}")
        sign_in(client, "no_such_person", "guess", ip=f"10.0.1.{n}")
    # now even the right password is refused, for a while
    refused = sign_in(client, "pa_north", ip="10.0.2.1").content.decode()
    assert "Too many attempts to sign in with this username" in refused
    assert "_auth_user_id" not in client.session
    unknown = sign_in(client, "no_such_person", "guess", ip="10.0.2.2").content.decode()
    csrf = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert csrf.sub("", unknown.replace("no_such_person", "pa_north")) == csrf.sub("", refused)
    assert AuditEvent.objects.filter(action=Action.SIGN_IN_FAILED, detail__reason="too many attempts").count() == 2
    # another member of staff is not locked out by it
    assert sign_in(client, "pa_south", ip="10.0.2.3").status_code == 302


def test_one_address_trying_many_usernames_is_slowed(client, staff, hour_windows):
    for n in range(10):
        sign_in(client, f"guess{n}", "guess")
    assert "Too many attempts" in sign_in(client, "pa_north").content.decode()
    assert sign_in(client, "pa_north", ip="10.9.9.9").status_code == 302


def test_signing_out_clears_browser_storage_and_is_logged(client, staff):
    sign_in(client, "pa_north")
    # a link or a stray GET does not sign out: it asks
    assert "Sign out" in client.get("/sign-out/").content.decode()
    assert "_auth_user_id" in client.session
    response = client.post("/sign-out/")
    assert response.status_code == 302 and response["Location"] == "/signed-out/"
    assert response["Clear-Site-Data"] == '"storage"'
    page = client.get("/signed-out/")
    assert "You have signed out" in page.content.decode() and page["Clear-Site-Data"] == '"storage"'
    assert "signed-out.js" in page.content.decode()
    assert AuditEvent.objects.filter(action=Action.SIGN_OUT, actor=staff["pa_north"]).exists()
    assert client.get("/young-people/").status_code == 302


def test_nobody_can_sign_themselves_up(client, db):
    page = client.get("/account/signup/")
    assert "You cannot create an account here" in page.content.decode()
    client.post("/account/signup/", {"username": "newcomer", "password1": "a-long-new-password", "password2":
                                     "a-long-new-password"})
    from accounts.models import User

    assert not User.objects.filter(username="newcomer").exists()


def test_password_change(client, staff):
    sign_in(client, "pa_north")
    page = client.get("/account/password/change/")
    assert page.status_code == 200 and "govuk-input" in page.content.decode()
    response = client.post("/account/password/change/", {"oldpassword": PASSWORD, "password1": "a-brand-new-secret",
                                                           "password2": "a-brand-new-secret"})
    assert response.status_code == 302
    client.logout()
    assert sign_in(client, "pa_north", "a-brand-new-secret").status_code == 302


def test_password_change_keeps_the_rules(client, staff):
    sign_in(client, "pa_north")
    page = client.post("/account/password/change/", {"oldpassword": PASSWORD, "password1": "short",
                                                      "password2": "short"}).content.decode()
    assert "There is a problem" in page and "This password is too short" in page


def test_password_reset_by_email(client, staff):
    staff["pa_north"].email = "pa.north@testshire.gov.uk"
    staff["pa_north"].save()
    response = client.post("/account/password/reset/", {"email": "pa.north@testshire.gov.uk"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["pa.north@testshire.gov.uk"]
    link = re.search(r"https?://testserver(/account/password/reset/key/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert "password1" in form_page.content.decode()
    response = client.post(form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
                           {"password1": "reset-to-something-new", "password2": "reset-to-something-new"})
    assert response.status_code == 302
    assert sign_in(client, "pa_north", "reset-to-something-new").status_code == 302


def test_password_reset_page_says_the_same_for_an_unknown_address(client, staff):
    known = client.post("/account/password/reset/", {"email": "pa.north@testshire.gov.uk"}, follow=True)
    unknown = client.post("/account/password/reset/", {"email": "nobody@example.com"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain


def test_an_idle_session_ends_and_is_logged(client, staff, settings):
    settings.SESSION_IDLE_MINUTES = 30
    sign_in(client, "pa_north")
    assert client.get("/young-people/").status_code == 200
    status = client.get("/session/").json()
    assert status["signed_in"] and 1790 <= status["seconds_left"] <= 1800
    session = client.session
    session[LAST_SEEN] = time.time() - 31 * 60
    session.save()
    response = client.get("/young-people/")
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/?timed_out=1&next=")
    event = AuditEvent.objects.get(action=Action.SIGN_OUT)
    assert event.detail["reason"] == "idle timeout"
    assert client.get("/session/").status_code == 401


def test_reading_the_clock_is_not_activity_but_staying_signed_in_is(client, staff):
    sign_in(client, "pa_north")
    session = client.session
    session[LAST_SEEN] = time.time() - 29 * 60
    session.save()
    assert client.get("/session/").json()["seconds_left"] <= 60
    assert client.get("/session/").json()["seconds_left"] <= 60
    assert client.post("/session/").json()["seconds_left"] >= 1790


def test_idle_htmx_request_gets_401_so_the_plan_keeps_its_draft(client, staff):
    sign_in(client, "pa_north")
    session = client.session
    session[LAST_SEEN] = time.time() - 31 * 60
    session.save()
    assert client.get("/young-people/", headers={"HX-Request": "true"}).status_code == 401


@pytest.mark.parametrize("path", ["/sign-in/", "/account/password/reset/", "/signed-out/"])
def test_sign_in_pages_use_the_service_layout(client, db, path):
    page = client.get(path).content.decode()
    assert "govuk-template__body" in page and "Leaving Care" in page and "govuk-footer" in page
