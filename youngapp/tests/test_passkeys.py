"""Passkeys in the app: a young person signed in with a code adds a passkey, then signs in with it; the WebAuthn
answers are checked (origin, relying party, challenge used once, user verified, signature, counter); removing
one stops it; pausing access stops it; every step is audit-logged. The phone is a software passkey
(tests/softauthn.py)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from django.test import Client

from audit.models import Action, AuditEvent
from youngapp import actions
from youngapp.models import Passkey
from youngapp.tests.conftest import app_sign_in
from youngapp.tests.softauthn import SoftPasskey

pytestmark = pytest.mark.django_db


def add(client: Client, phone: SoftPasskey, name: str = "My phone") -> Any:
    options = client.post("/app/passkeys/options/")
    assert options.status_code == 200, options.content
    return client.post("/app/passkeys/", {"name": name, "credential": json.dumps(phone.create(options.json()))})


def passkey_sign_in(client: Client, phone: SoftPasskey, next_url: str = "", **kwargs: Any) -> Any:
    options = client.post("/app/sign-in/passkey/options/")
    assert options.status_code == 200, options.content
    return client.post("/app/sign-in/passkey/", {"credential": json.dumps(phone.get(options.json(), **kwargs)),
                                                 "next": next_url})


@pytest.fixture
def phone(app_client: Client) -> SoftPasskey:
    phone = SoftPasskey()
    assert add(app_client, phone).status_code == 302
    return phone


def test_add_a_passkey_then_sign_in_with_it(app_client: Client, access: Any) -> None:
    page = app_client.get("/app/record/").content.decode()
    assert 'href="/app/passkeys/"' in page
    page = app_client.get("/app/passkeys/")
    assert page.status_code == 200 and "You have no passkeys yet" in page.content.decode()
    options = app_client.post("/app/passkeys/options/").json()["publicKey"]
    assert options["rp"]["id"] == "testserver"
    assert options["authenticatorSelection"]["residentKey"] == "required"
    assert options["authenticatorSelection"]["userVerification"] == "required"
    assert "sam" not in options["user"]["id"].lower()  # the handle says nothing about them

    phone = SoftPasskey()
    response = add(app_client, phone, "Sam's phone")
    assert response.status_code == 302 and response["Location"] == "/app/passkeys/"
    key = Passkey.objects.get()
    assert key.access == access and key.name == "Sam's phone" and key.removed_at is None
    listed = app_client.get("/app/passkeys/").content.decode()
    assert "Sam&#x27;s phone" in listed and "Not used yet" in listed
    assert AuditEvent.objects.filter(actor=access.user, action=Action.CREATE, object_type="youngapp.Passkey",
                                     young_person=access.young_person).exists()

    fresh = Client()
    signed_in = passkey_sign_in(fresh, phone)
    assert signed_in.status_code == 302 and signed_in["Location"] == "/app/"
    assert "Hi Sam" in fresh.get("/app/").content.decode()
    key.refresh_from_db()
    access.refresh_from_db()
    assert key.last_used_at is not None and access.last_signed_in_at == key.last_used_at
    assert AuditEvent.objects.filter(actor=access.user, action=Action.SIGN_IN, object_type="app:passkey").exists()
    # A passkey sign-in counts as checking it is them: messages and money do not ask for a code straight away
    assert fresh.get("/app/money/ask/").status_code == 200


def test_the_same_passkey_cannot_be_added_twice(app_client: Client, phone: SoftPasskey) -> None:
    options = app_client.post("/app/passkeys/options/").json()["publicKey"]
    assert [c["id"] for c in options["excludeCredentials"]] == [Passkey.objects.get().credential_id]
    again = add(app_client, phone)
    assert again.status_code == 200 and "already added" in again.content.decode()
    assert Passkey.objects.count() == 1


@pytest.mark.parametrize("name, message", [
    ("", "Give your passkey a name"),
    ("x" * 61, "60 characters or fewer"),
])
def test_a_passkey_needs_a_name(app_client: Client, name: str, message: str) -> None:
    response = add(app_client, SoftPasskey(), name)
    page = response.content.decode()
    assert response.status_code == 200 and message in page and "There is a problem" in page
    assert 'href="#id_name"' in page
    assert not Passkey.objects.exists()


@pytest.mark.parametrize("bad", [
    "origin", "rp_id", "not_verified", "no_challenge", "garbage", "not_json", "empty", "replay",
])
def test_a_bad_registration_is_refused_with_a_clear_message(app_client: Client, bad: str) -> None:
    phone = SoftPasskey()
    options = app_client.post("/app/passkeys/options/").json()
    if bad == "origin":
        credential = json.dumps(phone.create(options, origin="https://evil.example"))
    elif bad == "rp_id":
        credential = json.dumps(phone.create(options, rp_id="evil.example"))
    elif bad == "not_verified":
        credential = json.dumps(phone.create(options, verified=False))
    elif bad == "no_challenge":
        session = app_client.session
        session.pop("app_passkey_registration")
        session.save()
        credential = json.dumps(phone.create(options))
    elif bad == "garbage":
        credential = json.dumps({"id": "x", "response": {"clientDataJSON": "!!"}})
    elif bad == "not_json":
        credential = "{not json"
    elif bad == "empty":
        credential = ""
    else:
        credential = json.dumps(phone.create(options))
        assert app_client.post("/app/passkeys/", {"name": "One", "credential": credential}).status_code == 302
        Passkey.objects.all().delete()
    response = app_client.post("/app/passkeys/", {"name": "My phone", "credential": credential})
    page = response.content.decode()
    assert response.status_code == 200 and "Your passkey was not added" in page
    assert 'href="#add-passkey"' in page and 'value="My phone"' in page
    assert not Passkey.objects.exists()


@pytest.mark.parametrize("bad", [
    "origin", "not_verified", "other_key", "unknown", "no_challenge", "garbage", "replay", "counter_back",
])
def test_a_bad_passkey_sign_in_is_refused_and_logged(phone: SoftPasskey, access: Any, bad: str) -> None:
    client = Client()
    options = client.post("/app/sign-in/passkey/options/").json()
    known = True
    if bad == "origin":
        answer = phone.get(options, origin="https://evil.example")
    elif bad == "not_verified":
        answer = phone.get(options, verified=False)
    elif bad == "other_key":
        answer = phone.get(options, key=ec.generate_private_key(ec.SECP256R1()))
    elif bad == "unknown":
        answer, known = SoftPasskey().get(options), False
    elif bad == "no_challenge":
        answer = phone.get(options)
        session = client.session
        session.pop("app_passkey_authentication")
        session.save()
    elif bad == "garbage":
        answer, known = {"rawId": 5}, False
    elif bad == "replay":
        answer = phone.get(options)
        assert client.post("/app/sign-in/passkey/", {"credential": json.dumps(answer)}).status_code == 302
        client.post("/app/sign-out/")
    else:
        phone.counts = True
        assert passkey_sign_in(Client(), phone).status_code == 302  # counter 1 kept
        options = client.post("/app/sign-in/passkey/options/").json()
        answer = phone.get(options, counter=1)
    denied_before = AuditEvent.objects.filter(action=Action.DENIED, object_type="app:passkey").count()
    response = client.post("/app/sign-in/passkey/", {"credential": json.dumps(answer)})
    page = response.content.decode()
    assert response.status_code == 400 and "That passkey did not work" in page and "There is a problem" in page
    assert 'href="#passkey-button"' in page
    assert client.get("/app/").status_code == 302  # not signed in
    denied = AuditEvent.objects.filter(action=Action.DENIED, object_type="app:passkey").count() - denied_before
    assert denied == (1 if known else 0)


def test_removing_a_passkey_stops_it_and_keeps_the_row(app_client: Client, phone: SoftPasskey,
                                                        access: Any) -> None:
    key = Passkey.objects.get()
    assert app_client.post(f"/app/passkeys/{key.pk}/remove/").status_code == 302
    key.refresh_from_db()
    assert key.removed_at is not None
    assert "You have no passkeys yet" in app_client.get("/app/passkeys/").content.decode()
    event = AuditEvent.objects.get(action=Action.CHANGE, object_type="youngapp.Passkey")
    assert event.detail["removed_at"]["old"] is None and event.detail["removed_at"]["new"]
    assert passkey_sign_in(Client(), phone).status_code == 400


def test_only_my_own_passkeys(app_client: Client, phone: SoftPasskey, other_access: Any) -> None:
    kim = Client()
    app_sign_in(kim, "kim@example.org")
    key = Passkey.objects.get()
    assert kim.post(f"/app/passkeys/{key.pk}/remove/").status_code == 404
    key.refresh_from_db()
    assert key.removed_at is None
    assert AuditEvent.objects.filter(actor=other_access.user, action=Action.DENIED,
                                     object_type="youngapp.Passkey").exists()
    assert "You have no passkeys yet" in kim.get("/app/passkeys/").content.decode()
    # Kim cannot use Sam's passkey to "check again" as Kim
    session = kim.session
    session["app_code_at"] = 0
    session.save()
    response = passkey_sign_in(kim, phone, "/app/messages/")
    assert response.status_code == 400 and "That passkey did not work" in response.content.decode()


def test_a_paused_app_refuses_the_passkey(phone: SoftPasskey, access: Any, staff: dict[str, Any]) -> None:
    actions.set_suspended(staff["pa_north"], access, True, "Lost phone", version=access.version)
    response = passkey_sign_in(Client(), phone)
    assert response.status_code == 400 and "Your app is paused" in response.content.decode()
    assert AuditEvent.objects.filter(action=Action.DENIED, object_type="app:passkey",
                                     detail__reason="paused").exists()


def test_adding_a_passkey_asks_for_a_new_code_after_a_while(app_client: Client) -> None:
    session = app_client.session
    session["app_code_at"] = 0
    session.save()
    assert app_client.get("/app/passkeys/")["Location"] == "/app/check/?next=/app/passkeys/"
    reply = app_client.post("/app/passkeys/options/")
    assert reply.status_code == 401 and reply.json()["url"] == "/app/check/"


def test_checking_again_with_a_passkey_instead_of_a_code(app_client: Client, phone: SoftPasskey) -> None:
    session = app_client.session
    session["app_code_at"] = 0
    session.save()
    check = app_client.get("/app/check/?next=/app/messages/").content.decode()
    assert "Use my passkey" in check
    options = app_client.post("/app/sign-in/passkey/options/").json()["publicKey"]
    assert [c["id"] for c in options["allowCredentials"]] == [Passkey.objects.get().credential_id]
    done = app_client.post("/app/sign-in/passkey/", {
        "credential": json.dumps(phone.get({"publicKey": options})), "next": "/app/messages/"})
    assert done.status_code == 302 and done["Location"] == "/app/messages/"
    assert app_client.get("/app/money/ask/").status_code == 200


def test_staff_cannot_use_the_apps_passkey_sign_in(staff: dict[str, Any], staff_client: Any) -> None:
    pa = staff_client(staff["pa_north"])
    assert pa.post("/app/sign-in/passkey/options/").status_code == 403
    assert pa.post("/app/sign-in/passkey/", {"credential": "{}"}).status_code == 403
    assert pa.get("/app/passkeys/").status_code == 403


def test_pages_with_passkeys_load_their_script_from_a_file(app_client: Client, phone: SoftPasskey) -> None:
    for url in ("/app/passkeys/",):
        page = app_client.get(url).content.decode()
        assert '<script type="module" src="/static/youngapp/passkeys.js"' in page
    anonymous = Client().get("/app/sign-in/").content.decode()
    assert "Sign in with a passkey" in anonymous and "/static/youngapp/passkeys.js" in anonymous
