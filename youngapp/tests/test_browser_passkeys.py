"""In a real browser at phone size with Chromium's virtual authenticator (the DevTools WebAuthn domain standing in
for the phone's face or fingerprint unlock): a young person signed in with a code adds a passkey, signs out, and
signs in again with the passkey alone; then removes it. With axe on each page."""

from __future__ import annotations

import datetime as dt
import re
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from conftest import axe_violations
from people.tests.factories import young_person
from youngapp import actions
from youngapp.models import Passkey

pytestmark = pytest.mark.django_db(transaction=True)
PHONE = {"width": 390, "height": 844}


def code_from_outbox(address: str) -> str:
    out = StringIO()
    call_command("outbox", "--to", address, "--last", stdout=out)
    return re.search(r"code is (\d{6})", out.getvalue()).group(1)


def test_add_a_passkey_and_sign_in_with_it(staff: dict[str, Any], teams: dict[str, Any], browser: Any,
                                           live_server: Any) -> None:
    today = timezone.localdate()
    yp = young_person(teams["north"], first_name="Jordan", last_name="Okafor", pa=staff["pa_north"],
                      dob=today.replace(year=today.year - 17) - dt.timedelta(days=30))
    actions.invite(staff["pa_north"], yp, "jordan@example.org")
    # WebAuthn needs a domain (not an IP address) as the relying party: the live server answers on localhost
    base = live_server.url.replace("127.0.0.1", "localhost")

    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable", {"enableUI": False})
    authenticator = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True, "hasUserVerification": True,
        "isUserVerified": True, "automaticPresenceSimulation": True}})["authenticatorId"]

    page.goto(base + "/app/sign-in/")
    expect(page.get_by_role("button", name="Sign in with a passkey")).to_be_visible()
    page.get_by_label("Your email address or mobile number").fill("jordan@example.org")
    page.get_by_role("button", name="Send me a code").click()
    page.get_by_label("Code").fill(code_from_outbox("jordan@example.org"))
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hi Jordan")

    page.get_by_role("navigation", name="App menu").get_by_role("link", name="My record").click()
    page.get_by_role("link", name="My passkeys").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My passkeys")
    expect(page.get_by_text("You have no passkeys yet")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_label("Name for this passkey").fill("Jordan's phone")
    page.get_by_role("button", name="Add a passkey").click()
    expect(page.get_by_text("Passkey added")).to_be_visible()
    expect(page.get_by_test_id("passkeys")).to_contain_text("Jordan's phone")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    credentials = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]
    assert len(credentials) == 1 and credentials[0]["isResidentCredential"]
    assert Passkey.objects.filter(access__young_person=yp, removed_at__isnull=True).count() == 1

    # Signed out, back in with the passkey alone: no address, no code
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to the Leaving Care app")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Sign in with a passkey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hi Jordan")
    assert Passkey.objects.get(access__young_person=yp).last_used_at is not None

    # Removed, it no longer signs in
    page.goto(base + "/app/passkeys/")
    page.get_by_role("button", name="Remove Jordan's phone").click()
    expect(page.get_by_text("removed. It no longer signs you in")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="Sign in with a passkey").click()
    expect(page.get_by_text("That passkey did not work")).to_have_count(2)  # summary and beside the button
    assert axe_violations(page) == []
    context.close()
