"""Getting in: invitations, one-time codes, what is said about unknown addresses, slowing guesses, pausing."""

from __future__ import annotations

import datetime as dt
import re
from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from accounts.roles import Role
from audit.models import Action, AuditEvent
from youngapp import actions
from youngapp.models import AccessStatus, OutboxMessage, SignInCode
from youngapp.tests.conftest import app_sign_in, last_code

pytestmark = pytest.mark.django_db


def same(page: str, address: str) -> str:
    """The page without its address and its per-request CSRF token."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page).replace(address, "X")


def test_an_invitation_makes_a_young_person_user_and_tells_them_how_to_sign_in(access: Any, yp: Any) -> None:
    assert access.user.role == Role.YOUNG_PERSON and access.young_person == yp
    assert not access.user.has_usable_password()
    mail = OutboxMessage.objects.get(to="sam@example.org")
    assert "/app/" in mail.body and "code" in mail.body
    assert AuditEvent.objects.filter(object_type="youngapp.AppAccess", action=Action.CREATE, young_person=yp).exists()


def test_an_invitation_to_an_address_another_young_person_uses_is_refused(access: Any, other: Any,
                                                                           staff: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as refused:
        actions.invite(staff["pa_north2"], other, "SAM@example.org")
    assert "Another young person uses this email address" in refused.value.message_dict["email"][0]


def test_only_the_young_persons_workers_invite(yp: Any, staff: dict[str, Any]) -> None:
    from django.core.exceptions import PermissionDenied

    for name in ("pa_south", "analyst", "finance"):
        with pytest.raises(PermissionDenied):
            actions.invite(staff[name], yp, "sam@example.org")


def test_sign_in_with_the_code_from_the_outbox(access: Any) -> None:
    client = Client()
    response = app_sign_in(client, "sam@example.org")
    assert response.status_code == 302 and response["Location"] == "/app/"
    assert client.get("/app/").status_code == 200
    access.refresh_from_db()
    assert access.status == AccessStatus.ACTIVE and access.first_signed_in_at is not None
    assert AuditEvent.objects.filter(actor=access.user, action=Action.SIGN_IN, object_type="app:sign_in").exists()
    # Only a hash of the code is kept, and the code works once
    assert not SignInCode.objects.filter(code_hash__contains=last_code("sam@example.org")).exists()
    again = Client()
    again.post("/app/sign-in/", {"address": "nobody@example.org"})
    assert "wrong or has run out" in again.post("/app/sign-in/code/", {"code": "123456"}).content.decode()


def test_a_wrong_code_says_the_same_as_an_unknown_address(access: Any) -> None:
    known, unknown = Client(), Client()
    before = OutboxMessage.objects.count()
    page_known = known.post("/app/sign-in/", {"address": "sam@example.org"}, follow=True).content.decode()
    page_unknown = unknown.post("/app/sign-in/", {"address": "stranger@example.org"}, follow=True).content.decode()
    assert OutboxMessage.objects.count() == before + 1  # nothing is sent to an unknown address
    assert same(page_known, "sam@example.org") == same(page_unknown, "stranger@example.org")
    wrong_known = known.post("/app/sign-in/code/", {"code": "000001"})
    wrong_unknown = unknown.post("/app/sign-in/code/", {"code": "000001"})
    assert "The code is wrong or has run out" in wrong_known.content.decode()
    assert (same(wrong_known.content.decode(), "sam@example.org")
            == same(wrong_unknown.content.decode(), "stranger@example.org"))


def test_an_expired_code_is_refused(access: Any) -> None:
    client = Client()
    client.post("/app/sign-in/", {"address": "sam@example.org"})
    code = last_code("sam@example.org")
    SignInCode.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    page = client.post("/app/sign-in/code/", {"code": code})
    assert page.status_code == 200 and "wrong or has run out" in page.content.decode()
    assert client.get("/app/").status_code == 302


def test_repeated_wrong_codes_are_slowed_then_stopped(access: Any) -> None:
    client = Client()
    client.post("/app/sign-in/", {"address": "sam@example.org"})
    for _ in range(5):
        client.post("/app/sign-in/code/", {"code": "999999"})
    client.post("/app/sign-in/", {"address": "sam@example.org"})
    page = client.post("/app/sign-in/code/", {"code": last_code("sam@example.org")}).content.decode()
    assert "Too many wrong codes. Wait 15 minutes" in page
    assert client.get("/app/").status_code == 302


def test_three_wrong_tries_burn_a_code(access: Any) -> None:
    client = Client()
    client.post("/app/sign-in/", {"address": "sam@example.org"})
    code = last_code("sam@example.org")
    for _ in range(3):
        client.post("/app/sign-in/code/", {"code": "999999"})
    assert "wrong or has run out" in client.post("/app/sign-in/code/", {"code": code}).content.decode()


def test_a_pa_pauses_access_and_the_young_person_is_signed_out(app_client: Client, access: Any,
                                                                staff: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        actions.set_suspended(staff["pa_north"], access, True, "")
    actions.set_suspended(staff["pa_north"], access, True, "Lost phone")
    assert app_client.get("/app/").status_code == 302
    before = OutboxMessage.objects.count()
    Client().post("/app/sign-in/", {"address": "sam@example.org"})
    assert OutboxMessage.objects.count() == before  # no code while paused
    access.refresh_from_db()
    actions.set_suspended(staff["pa_north"], access, False, version=access.version)
    assert app_sign_in(Client(), "sam@example.org").status_code == 302


def test_invite_and_outbox_commands(yp: Any) -> None:
    out = StringIO()
    call_command("invite_young_person", yp.la_person_id, "--email", "Sam@Example.org", stdout=out)
    assert "codes go to sam@example.org" in out.getvalue()
    with pytest.raises(CommandError, match="No young person"):
        call_command("invite_young_person", "NOPE", "--email", "x@example.org")
    Client().post("/app/sign-in/", {"address": "sam@example.org"})
    out = StringIO()
    call_command("outbox", "--to", "sam@example.org", "--last", stdout=out)
    assert "Your Leaving Care app code is" in out.getvalue() and out.getvalue().count("To: ") == 1


def test_notify_is_used_when_a_key_is_set(access: Any, settings: Any, monkeypatch: Any) -> None:
    sent: list[dict[str, Any]] = []

    class FakeClient:
        def send_email_notification(self, **kw: Any) -> dict[str, str]:
            sent.append(kw)
            return {"id": "notify-1"}

    settings.NOTIFY_API_KEY = "test-key"
    settings.NOTIFY_EMAIL_TEMPLATE_ID = "template"
    monkeypatch.setattr("youngapp.notify._client", lambda: FakeClient())
    Client().post("/app/sign-in/", {"address": "sam@example.org"})
    assert sent and sent[0]["email_address"] == "sam@example.org"
    kept = OutboxMessage.objects.order_by("-pk").first()
    assert kept.via == "notify" and kept.body == "" and kept.notify_id == "notify-1"
