"""A misbehaving OpenID provider for the relying party's negative cases.

An ``httpx.MockTransport`` handler that implements discovery, JWKS and the token endpoint
(client_secret_basic and PKCE checked) and can be told to sign the ID token wrongly.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import httpx
from joserfc import jwt
from joserfc.jwk import ECKey, Key, RSAKey

ISSUER = "https://broker.example.test/oidc"
CLIENT_SECRET = "fake-broker-client-secret"
IDENTITY_CODE = "010190-900P"

# Generated once: RSA key generation is slow.
RSA_KEY = RSAKey.generate_key(2048, {"use": "sig"}, auto_kid=True)
EC_KEY = ECKey.generate_key("P-256", {"use": "sig"}, auto_kid=True)
OTHER_RSA_KEY = RSAKey.generate_key(2048, {"use": "sig"}, auto_kid=True)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unsigned_token(header: dict[str, Any], claims: dict[str, Any], signature: bytes = b"") -> str:
    return ".".join(
        (
            b64url(json.dumps(header).encode()),
            b64url(json.dumps(claims).encode()),
            b64url(signature),
        )
    )


@dataclass
class Grant:
    nonce: str
    code_challenge: str


@dataclass
class FakeProvider:
    client_id: str
    identity_claim: str
    published_keys: list[Key] = field(default_factory=lambda: [RSA_KEY])
    signing_key: Key = field(default_factory=lambda: RSA_KEY)
    alg: str = "RS256"
    header_overrides: dict[str, Any] = field(default_factory=dict)
    claim_overrides: dict[str, Any] = field(default_factory=dict)
    omit_claims: set[str] = field(default_factory=set)
    # "none": an unsigned token; "hs256-public-key": HMAC with the public JWK as the secret
    forge: str | None = None
    metadata_issuer: str = ISSUER
    token_status: int = 200
    token_error: str = "invalid_grant"
    jwks_requests: int = 0
    token_requests: int = 0
    grants: dict[str, Grant] = field(default_factory=dict)

    def authorize(self, authorization_url: str) -> str:
        """What the provider's login page would do: remember the request, issue a code."""
        query = {k: v[0] for k, v in parse_qs(urlsplit(authorization_url).query).items()}
        assert query["client_id"] == self.client_id
        assert query["code_challenge_method"] == "S256"
        code = f"code-{len(self.grants)}"
        self.grants[code] = Grant(query["nonce"], query["code_challenge"])
        return code

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if request.method == "GET" and path == "/oidc/.well-known/openid-configuration":
            return httpx.Response(
                200,
                json={
                    "issuer": self.metadata_issuer,
                    "authorization_endpoint": f"{ISSUER}/authorize",
                    "token_endpoint": f"{ISSUER}/token",
                    "jwks_uri": f"{ISSUER}/jwks",
                    "response_types_supported": ["code"],
                },
            )
        if request.method == "GET" and path == "/oidc/jwks":
            self.jwks_requests += 1
            return httpx.Response(
                200, json={"keys": [key.as_dict(private=False) for key in self.published_keys]}
            )
        if request.method == "POST" and path == "/oidc/token":
            return self.token(request)
        return httpx.Response(404)

    def token(self, request: httpx.Request) -> httpx.Response:
        self.token_requests += 1
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
        client_id, _, secret = base64.b64decode(encoded).decode().partition(":")
        if scheme != "Basic" or (unquote(client_id), unquote(secret)) != (
            self.client_id,
            CLIENT_SECRET,
        ):
            return httpx.Response(401, json={"error": "invalid_client"})
        grant = self.grants.pop(form["code"], None)
        challenge = b64url(hashlib.sha256(form["code_verifier"].encode()).digest())
        if self.token_status != 200 or grant is None or challenge != grant.code_challenge:
            return httpx.Response(
                self.token_status if self.token_status != 200 else 400,
                json={"error": self.token_error},
            )
        return httpx.Response(
            200,
            json={"access_token": "at", "token_type": "Bearer", "id_token": self.id_token(grant)},
        )

    def id_token(self, grant: Grant) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": ISSUER,
            "sub": "broker-subject-1",
            "aud": self.client_id,
            "exp": now + 300,
            "iat": now,
            "nonce": grant.nonce,
            "given_name": "Testi",
            "family_name": "Henkilö",
            self.identity_claim: IDENTITY_CODE,
        }
        claims.update(self.claim_overrides)
        for name in self.omit_claims:
            claims.pop(name, None)
        header = {"alg": self.alg, "kid": self.signing_key.kid, **self.header_overrides}
        if self.forge == "none":
            return unsigned_token({"alg": "none", "typ": "JWT"}, claims)
        if self.forge == "hs256-public-key":
            secret = json.dumps(self.published_keys[0].as_dict(private=False)).encode()
            header = {"alg": "HS256", "kid": self.published_keys[0].kid}
            signing_input = ".".join(
                (b64url(json.dumps(header).encode()), b64url(json.dumps(claims).encode()))
            )
            signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
            return f"{signing_input}.{b64url(signature)}"
        return jwt.encode(header, claims, self.signing_key, algorithms=[self.alg])
