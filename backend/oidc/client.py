"""The OpenID Connect relying party: authorization-code flow with PKCE, state and nonce.

The same code talks to the demo bank and to a real Finnish Trust Network broker; only the
settings differ (issuer, client id and secret, scopes, the identity-code claim). The ID token
is verified with joserfc against the provider's JWKS from its discovery document.

Neither the identity code nor any token content ever reaches an exception message or a log
line: failures are logged with their cause only.
"""

from __future__ import annotations

import base64
import hmac
import logging
import re
import secrets
import time
from typing import Any, cast
from urllib.parse import quote, urlencode

import httpx
import msgspec
from authlib.oauth2.rfc7636 import (  # type: ignore[import-untyped, unused-ignore]
    create_s256_code_challenge,
)
from joserfc import jws, jwt
from joserfc.errors import ClaimError, JoseError
from joserfc.jwk import Key, KeySet
from litestar import Litestar

from backend.core import clock
from backend.oidc.errors import FailureReason, StrongAuthError, StrongAuthUnavailable, fail
from backend.oidc.schemas import (
    JsonWebKeySet,
    OAuthError,
    PendingAuthorization,
    ProviderMetadata,
    StrongIdentity,
    TokenResponse,
)
from backend.settings import Settings

__all__ = [
    "FailureReason",
    "OidcClient",
    "PendingAuthorization",
    "StrongAuthError",
    "StrongAuthUnavailable",
    "StrongIdentity",
    "make_http_client",
]
logger = logging.getLogger("backend.oidc")

PENDING_LIFETIME_SECONDS = 10 * 60
CLOCK_LEEWAY_SECONDS = 60
METADATA_MAX_AGE_SECONDS = 60 * 60
ID_TOKEN_ALGORITHMS = {"RS256": "RSA", "ES256": "EC"}  # algorithm -> key type; never none/HS*
HTTP_TIMEOUT = httpx.Timeout(10.0)
_SAFE_ERROR_CODE = re.compile(r"[^a-z0-9_.-]")


def make_http_client(settings: Settings, app: Litestar | None = None) -> httpx.AsyncClient:
    """The relying party's HTTP client. In demo mode, given the app itself, requests to the
    demo bank stay in the process (no network, no dependence on how ``public_url`` routes)."""
    if settings.strong_auth == "demo" and app is not None:
        return httpx.AsyncClient(
            transport=httpx.ASGITransport(app=cast(Any, app)),
            base_url=settings.public_url,
            timeout=HTTP_TIMEOUT,
        )
    return httpx.AsyncClient(timeout=HTTP_TIMEOUT)


def _safe_error_code(value: str) -> str:
    """A provider-supplied value (an OAuth error code, an algorithm), fit for a log line."""
    return _SAFE_ERROR_CODE.sub("", value.lower())[:40]


def _optional_str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _find_key(keys: KeySet, kid: str | None, alg: str) -> Key | None:
    key_type = ID_TOKEN_ALGORITHMS[alg]
    candidates = [
        key
        for key in keys
        if key.key_type == key_type
        and key.get("use") in (None, "sig")
        and key.get("alg") in (None, alg)
        and (kid is None or key.kid == kid)
    ]
    if kid is None:  # allowed only when the choice is unambiguous
        return candidates[0] if len(candidates) == 1 else None
    return candidates[0] if candidates else None


class OidcClient:
    """One per application: caches the provider's metadata and keys."""

    def __init__(self, settings: Settings, http: httpx.AsyncClient | None = None) -> None:
        self._settings = settings
        self._issuer = settings.effective_oidc_issuer
        self._http = http or httpx.AsyncClient(timeout=HTTP_TIMEOUT)
        self._owns_http = http is None
        self._metadata: ProviderMetadata | None = None
        self._metadata_fetched = 0.0
        self._keys: KeySet | None = None
        self._keys_fetched = 0.0

    @classmethod
    def for_app(cls, settings: Settings, app: Litestar) -> OidcClient:
        """The application's client, with an HTTP client of its own (see ``make_http_client``);
        close it with ``aclose()`` when the application shuts down."""
        client = cls(settings, http=make_http_client(settings, app))
        client._owns_http = True
        return client

    async def aclose(self) -> None:
        """Close the HTTP client, when it is the client's own (not one passed in)."""
        if self._owns_http:
            await self._http.aclose()

    async def authorization_url(
        self, *, purpose: str, ui_locale: str
    ) -> tuple[str, PendingAuthorization]:
        """Where to send the browser, and what to keep until the callback."""
        metadata = await self._provider_metadata()
        pending = PendingAuthorization(
            state=secrets.token_urlsafe(32),
            nonce=secrets.token_urlsafe(32),
            code_verifier=secrets.token_urlsafe(64),
            purpose=purpose,
            created_at=clock.timestamp(),
        )
        scopes = self._settings.oidc_scopes.split()
        if "openid" not in scopes:
            scopes.insert(0, "openid")
        query = urlencode(
            {
                "response_type": "code",
                "client_id": self._settings.oidc_client_id,
                "redirect_uri": self._settings.oidc_redirect_uri,
                "scope": " ".join(scopes),
                "state": pending.state,
                "nonce": pending.nonce,
                "code_challenge": str(create_s256_code_challenge(pending.code_verifier)),
                "code_challenge_method": "S256",
                "ui_locales": ui_locale,
            }
        )
        endpoint = metadata.authorization_endpoint
        return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}", pending

    async def complete(
        self,
        *,
        code: str | None,
        state: str | None,
        error: str | None,
        pending: PendingAuthorization | None,
    ) -> StrongIdentity:
        """The callback: check state, exchange the code, verify the ID token."""
        if pending is None:
            raise fail("state-mismatch", "no pending authorization")
        if not state or not hmac.compare_digest(state.encode(), pending.state.encode()):
            raise fail("state-mismatch", "state does not match", purpose=pending.purpose)
        age = clock.timestamp() - pending.created_at
        if not 0 <= age <= PENDING_LIFETIME_SECONDS:
            raise fail("expired", "pending authorization expired", purpose=pending.purpose)
        if error:
            reason: FailureReason = "cancelled" if error == "access_denied" else "provider-error"
            raise fail(
                reason, "provider answered with an error", provider_error=_safe_error_code(error)
            )
        if not code:
            raise fail("provider-error", "callback without a code", purpose=pending.purpose)
        metadata = await self._provider_metadata()
        id_token = await self._exchange_code(metadata, code, pending)
        claims = await self._verify_id_token(metadata, id_token, pending)
        identity_code = claims.get(self._settings.oidc_identity_code_claim)
        if not isinstance(identity_code, str) or not identity_code.strip():
            raise fail(
                "identity-code-missing",
                "ID token has no identity code",
                claim=self._settings.oidc_identity_code_claim,
            )
        return StrongIdentity(
            identity_code=identity_code,
            subject=str(claims["sub"]),
            given_name=_optional_str(claims.get("given_name")),
            family_name=_optional_str(claims.get("family_name")),
        )

    # -- provider metadata and keys ---------------------------------------------------------

    async def _get(self, url: str, what: str) -> bytes:
        try:
            response = await self._http.get(url, headers={"accept": "application/json"})
        except httpx.HTTPError as error:
            raise fail("unavailable", f"{what} unreachable", error=type(error).__name__) from None
        if response.status_code != 200:
            raise fail("unavailable", f"{what} answered {response.status_code}")
        return response.content

    async def _provider_metadata(self) -> ProviderMetadata:
        fresh = time.monotonic() - self._metadata_fetched < METADATA_MAX_AGE_SECONDS
        if self._metadata is not None and fresh:
            return self._metadata
        url = f"{self._issuer.rstrip('/')}/.well-known/openid-configuration"
        content = await self._get(url, "discovery document")
        try:
            metadata = msgspec.json.decode(content, type=ProviderMetadata)
        except msgspec.DecodeError:
            raise fail("unavailable", "discovery document malformed") from None
        if metadata.issuer != self._issuer:
            raise fail("unavailable", "discovery document names another issuer")
        self._metadata, self._metadata_fetched = metadata, time.monotonic()
        return metadata

    async def _signing_keys(self, metadata: ProviderMetadata, *, refresh: bool) -> KeySet:
        fresh = time.monotonic() - self._keys_fetched < METADATA_MAX_AGE_SECONDS
        if self._keys is not None and fresh and not refresh:
            return self._keys
        content = await self._get(metadata.jwks_uri, "JWKS")
        try:
            document = msgspec.json.decode(content, type=JsonWebKeySet)
            usable = [k for k in document.keys if k.get("kty") in ID_TOKEN_ALGORITHMS.values()]
            keys = KeySet.import_key_set({"keys": usable})
        except (msgspec.DecodeError, JoseError, ValueError, TypeError):
            raise fail("unavailable", "JWKS malformed or without signing keys") from None
        self._keys, self._keys_fetched = keys, time.monotonic()
        return keys

    # -- token endpoint and ID token ----------------------------------------------------------

    async def _exchange_code(
        self, metadata: ProviderMetadata, code: str, pending: PendingAuthorization
    ) -> str:
        settings = self._settings
        # client_secret_basic: both parts form-urlencoded first (RFC 6749, §2.3.1).
        credentials = (
            f"{quote(settings.oidc_client_id, safe='')}:"
            f"{quote(settings.effective_oidc_client_secret, safe='')}"
        )
        try:
            response = await self._http.post(
                metadata.token_endpoint,
                data={
                    "grant_type": "authorization_code",
                    "code": code,
                    "redirect_uri": settings.oidc_redirect_uri,
                    "code_verifier": pending.code_verifier,
                },
                headers={
                    "accept": "application/json",
                    "authorization": "Basic " + base64.b64encode(credentials.encode()).decode(),
                },
            )
        except httpx.HTTPError as error:
            raise fail(
                "unavailable", "token endpoint unreachable", error=type(error).__name__
            ) from None
        if response.status_code == 200:
            try:
                return msgspec.json.decode(response.content, type=TokenResponse).id_token
            except msgspec.DecodeError:
                raise fail("token-invalid", "token response malformed") from None
        try:
            oauth_error = _safe_error_code(
                msgspec.json.decode(response.content, type=OAuthError).error
            )
        except msgspec.DecodeError:
            oauth_error = ""
        context = {"status": response.status_code, "provider_error": oauth_error}
        if response.status_code == 401 or oauth_error == "invalid_client":
            logger.error("the identification service refused our client credentials", extra=context)
            raise StrongAuthUnavailable()
        if 400 <= response.status_code < 500:
            raise fail("code-rejected", "token endpoint refused the code", **context)
        raise fail("unavailable", "token endpoint failed", **context)

    async def _verify_id_token(
        self, metadata: ProviderMetadata, id_token: str, pending: PendingAuthorization
    ) -> dict[str, Any]:
        try:
            header = jws.extract_compact(id_token.encode("ascii")).headers()
        except (JoseError, ValueError, UnicodeError):
            raise fail("token-invalid", "ID token malformed") from None
        alg, kid = header.get("alg"), header.get("kid")
        if alg not in ID_TOKEN_ALGORITHMS:
            raise fail(
                "token-invalid", "ID token algorithm not allowed", alg=_safe_error_code(str(alg))
            )
        if kid is not None and not isinstance(kid, str):
            raise fail("token-invalid", "ID token kid malformed")
        key = _find_key(await self._signing_keys(metadata, refresh=False), kid, alg)
        if key is None:  # the provider may have rotated its keys: fetch them once more
            key = _find_key(await self._signing_keys(metadata, refresh=True), kid, alg)
        if key is None:
            raise fail("token-invalid", "ID token signed with an unknown key")
        try:
            claims = jwt.decode(id_token, key, algorithms=[alg]).claims
        except (JoseError, ValueError):
            raise fail("token-invalid", "ID token signature invalid") from None
        client_id = self._settings.oidc_client_id
        registry = jwt.JWTClaimsRegistry(
            now=lambda: int(clock.timestamp()),
            leeway=CLOCK_LEEWAY_SECONDS,
            iss={"essential": True, "value": self._issuer},
            sub={"essential": True},
            aud={"essential": True, "value": client_id},
            exp={"essential": True},
            iat={"essential": True},
            nonce={"essential": True},
        )
        try:
            registry.validate(claims)
        except ClaimError as error:
            raise fail("token-invalid", "ID token claim invalid", claim=error.claim) from None
        nonce = claims["nonce"]
        if not isinstance(nonce, str) or not hmac.compare_digest(
            nonce.encode(), pending.nonce.encode()
        ):
            raise fail("token-invalid", "ID token claim invalid", claim="nonce")
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if (len(audiences) > 1 or "azp" in claims) and claims.get("azp") != client_id:
            raise fail("token-invalid", "ID token claim invalid", claim="azp")
        return claims
