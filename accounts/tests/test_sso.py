"""Single sign-on over OpenID Connect, against a small OIDC provider run inside the test (discovery, JWKS,
authorize, token and userinfo on 127.0.0.1), signing its ID tokens with a test RSA key."""

from __future__ import annotations

import base64
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from audit.models import Action, AuditEvent

CLIENT_ID = "leaving-care-test"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _b64(n: int) -> str:
    return base64.urlsafe_b64encode(n.to_bytes((n.bit_length() + 7) // 8, "big")).rstrip(b"=").decode()


class FakeProvider:
    """What Microsoft Entra ID does in a sign-in, cut down: codes issued at /authorize are swapped at /token for
    an ID token about the person the test says signed in."""

    def __init__(self) -> None:
        self.codes: dict[str, dict[str, Any]] = {}
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _json(self, data: dict[str, Any], status: int = 200) -> None:
                body = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:  # noqa: N802
                path = urlparse(self.path).path
                if path.endswith("/.well-known/openid-configuration"):
                    self._json(provider.discovery())
                elif path == "/jwks":
                    pub = KEY.public_key().public_numbers()
                    self._json({"keys": [{"kty": "RSA", "kid": "test", "use": "sig", "alg": "RS256",
                                          "n": _b64(pub.n), "e": _b64(pub.e)}]})
                elif path == "/userinfo":
                    token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                    self._json(provider.claims_for_token(token))
                else:
                    self._json({"error": "not_found"}, 404)

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if urlparse(self.path).path != "/token" or form.get("code") not in provider.codes:
                    self._json({"error": "invalid_grant"}, 400)
                    return
                grant = provider.codes.pop(form["code"])
                now = int(time.time())
                claims = {"iss": provider.issuer, "aud": CLIENT_ID, "iat": now, "exp": now + 300,
                          "sub": grant["sub"], "email": grant["email"], "name": grant["name"],
                          "preferred_username": grant["email"], "nonce": grant.get("nonce")}
                id_token = jwt.encode(claims, KEY, algorithm="RS256", headers={"kid": "test"})
                provider.tokens = getattr(provider, "tokens", {})
                provider.tokens["access-" + form["code"]] = claims
                self._json({"access_token": "access-" + form["code"], "token_type": "Bearer", "expires_in": 300,
                            "id_token": id_token})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.issuer = f"http://127.0.0.1:{self.server.server_port}/tenant/v2.0"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def discovery(self) -> dict[str, Any]:
        base = f"http://127.0.0.1:{self.server.server_port}"
        return {"issuer": self.issuer, "authorization_endpoint": base + "/authorize", "token_endpoint": base + "/token",
                "userinfo_endpoint": base + "/userinfo", "jwks_uri": base + "/jwks",
                "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
                "id_token_signing_alg_values_supported": ["RS256"], "response_types_supported": ["code"]}

    def claims_for_token(self, token: str) -> dict[str, Any]:
        claims = getattr(self, "tokens", {}).get(token, {})
        return {k: claims[k] for k in ("sub", "email", "name", "preferred_username") if k in claims}

    def sign_in_at_provider(self, authorize_url: str, email: str, sub: str) -> str:
        """The person signs in at the provider: it sends the browser back to our callback with a code."""
        query = {k: v[0] for k, v in parse_qs(urlparse(authorize_url).query).items()}
        assert query["client_id"] == CLIENT_ID and query["response_type"] == "code"
        assert "openid" in query["scope"].split()
        code = f"code-{sub}-{time.time_ns()}"
        self.codes[code] = {"sub": sub, "email": email, "name": "Sam Staff", "nonce": query.get("nonce")}
        callback = urlparse(query["redirect_uri"])
        return f"{callback.path}?code={code}&state={query['state']}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def idp(settings):
    provider = FakeProvider()
    settings.SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"OAUTH_PKCE_ENABLED": True, "APPS": [{
        "provider_id": "council", "name": "Testshire account", "client_id": CLIENT_ID, "secret": "s3cret",
        "settings": {"server_url": provider.issuer, "scope": ["openid", "profile", "email"]}}]}}
    yield provider
    provider.stop()


def sso_round_trip(client, idp: FakeProvider, email: str, sub: str = "entra-object-id-1"):
    page = client.get("/sign-in/").content.decode()
    assert "Continue with Testshire account" in page
    response = client.post("/account/oidc/council/login/?process=login")
    assert response.status_code == 302 and response["Location"].startswith(idp.discovery()["authorization_endpoint"])
    return client.get(idp.sign_in_at_provider(response["Location"], email, sub))


def test_a_member_of_staff_signs_in_through_the_council_identity_provider(client, staff, idp, settings):
    settings.REQUIRE_MFA = True  # the identity provider asks for the second factor, not this service
    staff["pa_north"].email = "PA.North@testshire.gov.uk"
    staff["pa_north"].save()
    response = sso_round_trip(client, idp, "pa.north@testshire.gov.uk")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/young-people/").status_code == 200
    event = AuditEvent.objects.get(action=Action.SIGN_IN)
    assert event.actor == staff["pa_north"] and event.detail["method"] == "sso"
    # next time, the same identity finds the linked account
    client.post("/sign-out/")
    assert sso_round_trip(client, idp, "pa.north@testshire.gov.uk")["Location"] == "/"


def test_an_unknown_email_is_refused(client, staff, idp):
    response = sso_round_trip(client, idp, "stranger@example.com", sub="someone-else")
    assert response.status_code == 403
    assert "You cannot sign in with this account" in response.content.decode()
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(action=Action.SIGN_IN_FAILED)
    assert event.detail["username"] == "stranger@example.com" and event.detail["reason"].startswith("no staff")
    from accounts.models import User

    assert not User.objects.filter(email="stranger@example.com").exists()


def test_a_tampered_callback_is_refused(client, staff, idp):
    staff["pa_north"].email = "pa.north@testshire.gov.uk"
    staff["pa_north"].save()
    response = client.post("/account/oidc/council/login/?process=login")
    callback = idp.sign_in_at_provider(response["Location"], "pa.north@testshire.gov.uk", "x")
    forged = callback.split("&state=")[0] + "&state=forged"
    client.get(forged)
    assert "_auth_user_id" not in client.session
