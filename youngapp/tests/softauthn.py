"""A software passkey for tests: makes the registration and sign-in answers a phone would, with a P-256 key from
the ``cryptography`` package, in the WebAuthn JSON the app's page script sends."""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from fido2.cose import ES256
from fido2.utils import websafe_decode, websafe_encode
from fido2.webauthn import Aaguid, AttestationObject, AttestedCredentialData, AuthenticatorData

F = AuthenticatorData.FLAG


class SoftPasskey:
    def __init__(self, rp_id: str = "testserver", origin: str = "http://testserver", counts: bool = False) -> None:
        self.rp_id, self.origin = rp_id, origin
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(32)
        self.counter = 0
        self.counts = counts  # synced passkeys keep no counter (0 every time)
        self.user_handle = b""

    def _client_data(self, kind: str, challenge: str, origin: str | None) -> bytes:
        return json.dumps({"type": kind, "challenge": challenge, "origin": origin or self.origin,
                           "crossOrigin": False}).encode()

    def _next_counter(self) -> int:
        if self.counts:
            self.counter += 1
        return self.counter

    def create(self, options: dict[str, Any], origin: str | None = None, verified: bool = True,
               rp_id: str | None = None) -> dict[str, Any]:
        pk = options["publicKey"]
        self.user_handle = websafe_decode(pk["user"]["id"])
        client_data = self._client_data("webauthn.create", pk["challenge"], origin)
        public_key = ES256.from_cryptography_key(self.key.public_key())
        credential = AttestedCredentialData.create(Aaguid.NONE, self.credential_id, public_key)
        flags = F.UP | F.AT | (F.UV if verified else 0)
        auth_data = AuthenticatorData.create(hashlib.sha256((rp_id or self.rp_id).encode()).digest(), flags,
                                             self._next_counter(), credential)
        attestation = AttestationObject.create("none", auth_data, {})
        return {"id": websafe_encode(self.credential_id), "rawId": websafe_encode(self.credential_id),
                "type": "public-key",
                "response": {"clientDataJSON": websafe_encode(client_data),
                             "attestationObject": websafe_encode(bytes(attestation))},
                "clientExtensionResults": {"credProps": {"rk": True}}}

    def get(self, options: dict[str, Any], origin: str | None = None, verified: bool = True,
            key: ec.EllipticCurvePrivateKey | None = None, counter: int | None = None) -> dict[str, Any]:
        pk = options["publicKey"]
        client_data = self._client_data("webauthn.get", pk["challenge"], origin)
        flags = F.UP | (F.UV if verified else 0)
        auth_data = AuthenticatorData.create(hashlib.sha256(self.rp_id.encode()).digest(), flags,
                                             self._next_counter() if counter is None else counter)
        signature = (key or self.key).sign(bytes(auth_data) + hashlib.sha256(client_data).digest(),
                                           ec.ECDSA(hashes.SHA256()))
        return {"id": websafe_encode(self.credential_id), "rawId": websafe_encode(self.credential_id),
                "type": "public-key",
                "response": {"clientDataJSON": websafe_encode(client_data),
                             "authenticatorData": websafe_encode(bytes(auth_data)),
                             "signature": websafe_encode(signature),
                             **({"userHandle": websafe_encode(self.user_handle)} if self.user_handle else {})},
                "clientExtensionResults": {}}
