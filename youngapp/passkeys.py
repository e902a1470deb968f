"""Passkeys in the young person's app: the WebAuthn ceremonies, through ``fido2`` (Yubico's library, the one
django-allauth's MFA uses for staff passkeys).

The app has its own sign-in (a one-time code, not allauth's), so its passkeys are its own too
(``youngapp.Passkey``): a young person's passkey never opens the staff sign-in, and a staff passkey never opens
the app. Passkeys are discoverable (resident keys) with user verification required, so signing in needs no
address: the phone offers the passkey and unlocks it with face, fingerprint or screen lock.

The relying party is the host the app is served from (without the port); a response is accepted only from that
exact origin. One challenge at a time per session, used once. No database here: ``youngapp.actions`` saves.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.http.request import split_domain_port
from fido2.server import Fido2Server
from fido2.utils import websafe_decode, websafe_encode
from fido2.webauthn import (
    AttestedCredentialData,
    AuthenticationResponse,
    PublicKeyCredentialRpEntity,
    PublicKeyCredentialUserEntity,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

RP_NAME = "Leaving Care app"
REGISTRATION_STATE = "app_passkey_registration"
AUTHENTICATION_STATE = "app_passkey_authentication"
NOT_ADDED = "Your passkey was not added. Try again, and unlock your phone when it asks"
NOT_SIGNED_IN = "That passkey did not work. Try again, or sign in with a code"


def origin(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def rp_id(request: HttpRequest) -> str:
    domain, _port = split_domain_port(request.get_host())
    return domain


def server(request: HttpRequest) -> Fido2Server:
    expected = origin(request)
    return Fido2Server(PublicKeyCredentialRpEntity(id=rp_id(request), name=RP_NAME),
                       verify_origin=lambda seen: hmac.compare_digest(seen or "", expected))


def user_handle(access_id: int) -> bytes:
    """The opaque id the passkey keeps for its account: the same for all of one young person's passkeys (so a
    phone replaces rather than piles up), and saying nothing about them."""
    return hmac.new(settings.SECRET_KEY.encode(), f"app-passkey-user:{access_id}".encode(), hashlib.sha256).digest()


def encode(data: bytes) -> str:
    return websafe_encode(data)


def credential_data(stored: str) -> AttestedCredentialData:
    return AttestedCredentialData(websafe_decode(stored))


def _state(state: Any) -> dict[str, str]:
    """fido2's state, as the session's JSON keeps it."""
    verification = state["user_verification"]
    return {"challenge": str(state["challenge"]), "user_verification": str(getattr(verification, "value",
                                                                                       verification))}


# ---------------------------------------------------------------- adding a passkey


def registration_options(request: HttpRequest, access_id: int, name: str, display_name: str,
                         existing: list[str]) -> dict[str, Any]:
    """Options for ``navigator.credentials.create``; the challenge is kept in the session for ``registered``."""
    options, state = server(request).register_begin(
        PublicKeyCredentialUserEntity(id=user_handle(access_id), name=name, display_name=display_name),
        credentials=[credential_data(c) for c in existing],
        resident_key_requirement=ResidentKeyRequirement.REQUIRED,
        user_verification=UserVerificationRequirement.REQUIRED,
        extensions={"credProps": True},
    )
    request.session[REGISTRATION_STATE] = _state(state)
    return dict(options)


@dataclass(frozen=True)
class NewPasskey:
    credential_id: str  # base64url
    credential: str  # base64url of the attested credential data
    sign_count: int


def registered(request: HttpRequest, response: Any) -> NewPasskey:
    """Check what the phone made against the challenge in the session (used once); a ValidationError on
    "credential" when anything is wrong."""
    state = request.session.pop(REGISTRATION_STATE, None)
    if not state or not isinstance(response, dict):
        raise ValidationError({"credential": NOT_ADDED})
    try:
        auth_data = server(request).register_complete(state, response)
    except (ValueError, TypeError, KeyError, AttributeError):
        raise ValidationError({"credential": NOT_ADDED}) from None
    data = auth_data.credential_data
    if data is None:
        raise ValidationError({"credential": NOT_ADDED})
    return NewPasskey(encode(data.credential_id), encode(bytes(data)), auth_data.counter)


# ---------------------------------------------------------------- signing in with one


def authentication_options(request: HttpRequest, allowed: list[str] | None = None) -> dict[str, Any]:
    """Options for ``navigator.credentials.get``: any of this site's passkeys on the phone (``allowed``: only
    these, for checking again it is the signed-in young person)."""
    options, state = server(request).authenticate_begin(
        credentials=[credential_data(c) for c in allowed] if allowed else None,
        user_verification=UserVerificationRequirement.REQUIRED,
    )
    request.session[AUTHENTICATION_STATE] = _state(state)
    return dict(options)


def claimed_id(response: Any) -> str:
    """The credential id a sign-in response claims (not yet checked), base64url; a ValidationError if unreadable."""
    try:
        return encode(AuthenticationResponse.from_dict(response).raw_id)
    except (ValueError, TypeError, KeyError, AttributeError):
        raise ValidationError({"credential": NOT_SIGNED_IN}) from None


def verified(request: HttpRequest, stored: str, response: Any) -> int:
    """Check a sign-in response against the stored public key and the challenge in the session (used once).
    Returns the authenticator's signature counter."""
    state = request.session.pop(AUTHENTICATION_STATE, None)
    if not state:
        raise ValidationError({"credential": NOT_SIGNED_IN})
    try:
        server(request).authenticate_complete(state, [credential_data(stored)], response)
        return int(AuthenticationResponse.from_dict(response).response.authenticator_data.counter)
    except (ValueError, TypeError, KeyError, AttributeError):
        raise ValidationError({"credential": NOT_SIGNED_IN}) from None


def counter_ok(stored: int, seen: int) -> bool:
    """A counter that does not go up means a copied authenticator, unless the passkey keeps none (0, as synced
    passkeys do)."""
    return (stored == 0 and seen == 0) or seen > stored
