"""The demo bank's protocol side: signing key, authorization requests and codes, ID tokens.

The demo bank stands in for a bank or mobile-ID broker in development, tests and ``make run``
(only when ``PORTAL_STRONG_AUTH=demo``; settings refuse it in production). Its signing key is
generated once and kept under ``var/`` so that several processes and restarts agree on it.

The demo bank runs in one process: issued authorization codes live in this process's memory,
each for 60 seconds. That is fine for a demo; with several worker processes a code issued by
one worker would be unknown to another.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote_plus, urlencode

from authlib.oauth2.rfc7636 import (  # type: ignore[import-untyped, unused-ignore]
    create_s256_code_challenge,
)
from joserfc import jwt
from joserfc.jwk import ECKey

from backend.core import clock
from backend.core.i18n import LANGUAGES
from backend.oidc.schemas import ProviderMetadata, TokenResponse
from backend.settings import Settings

KEY_FILE = "demo-bank-signing-key.json"
CODE_LIFETIME_SECONDS = 60
ID_TOKEN_LIFETIME_SECONDS = 5 * 60
_MAX_PARAM_LENGTH = 512
_CODE_CHALLENGE = re.compile(r"^[A-Za-z0-9_-]{43}$")
_CODE_VERIFIER = re.compile(r"^[A-Za-z0-9._~-]{43,128}$")
# The hidden fields that carry an authorization request through the demo bank's page.
REQUEST_FIELDS = (
    "client_id",
    "redirect_uri",
    "response_type",
    "scope",
    "state",
    "nonce",
    "code_challenge",
    "code_challenge_method",
    "ui_locales",
)


@dataclass(frozen=True)
class AuthorizeRequest:
    client_id: str
    redirect_uri: str
    response_type: str
    scope: str
    state: str
    nonce: str
    code_challenge: str
    code_challenge_method: str
    ui_locales: str

    def hidden_fields(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in REQUEST_FIELDS}


class UntrustedClientError(Exception):
    """Unknown client or redirect URI: show an error page, never redirect."""


class AuthorizeRequestError(Exception):
    """A request from the known client that is malformed: redirect back with the error."""

    def __init__(self, error: str, description: str, state: str) -> None:
        super().__init__(description)
        self.error, self.description, self.state = error, description, state


class TokenEndpointError(Exception):
    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status, self.error, self.description = status, error, description


@dataclass(frozen=True)
class IssuedCode:
    client_id: str
    redirect_uri: str
    code_challenge: str
    nonce: str
    identity_code: str
    given_name: str | None
    family_name: str | None
    auth_time: int
    expires_at: float


def load_or_create_signing_key(var_path: Path) -> ECKey:
    """The ES256 key, created once (mode 0600) so that every process and restart agrees."""
    path = var_path / KEY_FILE
    if not path.exists():
        var_path.mkdir(parents=True, exist_ok=True)
        key = ECKey.generate_key("P-256", {"use": "sig", "alg": "ES256"}, auto_kid=True)
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as file:
            json.dump(key.as_dict(private=True), file)
        try:
            os.link(temporary, path)  # atomic, and fails if another process got there first
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    return ECKey.import_key(json.loads(path.read_text()))


def redirect_url(redirect_uri: str, params: Mapping[str, str]) -> str:
    return f"{redirect_uri}{'&' if '?' in redirect_uri else '?'}{urlencode(params)}"


def ui_language(ui_locales: str | None) -> str:
    """The first of fi/sv/en among the space-separated ``ui_locales``; Finnish otherwise."""
    for tag in (ui_locales or "").split():
        base = tag.lower().split("-", 1)[0]
        if base in LANGUAGES:
            return base
    return "fi"


class DemoBank:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.issuer = settings.effective_oidc_issuer
        self.key = load_or_create_signing_key(settings.var_path)
        private = self.key.as_dict(private=True)
        self._subject_key = hashlib.sha256(f"demo-bank-subject:{private['d']}".encode()).digest()
        self._codes: dict[str, IssuedCode] = {}

    # -- published metadata ----------------------------------------------------------------

    def metadata(self) -> ProviderMetadata:
        return ProviderMetadata(
            issuer=self.issuer,
            authorization_endpoint=f"{self.issuer}/authorize",
            token_endpoint=f"{self.issuer}/token",
            jwks_uri=f"{self.issuer}/jwks",
            response_types_supported=("code",),
            subject_types_supported=("public",),
            id_token_signing_alg_values_supported=("ES256",),
            code_challenge_methods_supported=("S256",),
            token_endpoint_auth_methods_supported=("client_secret_basic", "client_secret_post"),
            grant_types_supported=("authorization_code",),
            scopes_supported=("openid", "profile"),
            claims_supported=(
                "sub",
                "iss",
                "aud",
                "exp",
                "iat",
                "auth_time",
                "nonce",
                "given_name",
                "family_name",
                self.settings.oidc_identity_code_claim,
            ),
            ui_locales_supported=LANGUAGES,
        )

    def jwks(self) -> dict[str, list[dict[str, object]]]:
        return {"keys": [dict(self.key.as_dict(private=False))]}

    # -- authorization ---------------------------------------------------------------------

    def parse_authorize_request(self, params: Mapping[str, str]) -> AuthorizeRequest:
        """Validate an authorization request; raises ``UntrustedClientError`` (error page)
        or ``AuthorizeRequestError`` (redirect back with ``error``)."""
        values = {name: params.get(name, "") for name in REQUEST_FIELDS}
        if any(len(value) > _MAX_PARAM_LENGTH for value in values.values()):
            raise UntrustedClientError("parameter too long")
        if not hmac.compare_digest(
            values["client_id"].encode(), self.settings.oidc_client_id.encode()
        ):
            raise UntrustedClientError("unknown client_id")
        if values["redirect_uri"] != self.settings.oidc_redirect_uri:
            raise UntrustedClientError("redirect_uri not registered")
        state = values["state"]
        if values["response_type"] != "code":
            raise AuthorizeRequestError("unsupported_response_type", "only code", state)
        if "openid" not in values["scope"].split():
            raise AuthorizeRequestError("invalid_scope", "scope must include openid", state)
        if values["code_challenge_method"] != "S256":
            raise AuthorizeRequestError("invalid_request", "PKCE with S256 is required", state)
        if not _CODE_CHALLENGE.match(values["code_challenge"]):
            raise AuthorizeRequestError("invalid_request", "code_challenge malformed", state)
        if not state or not values["nonce"]:
            raise AuthorizeRequestError("invalid_request", "state and nonce are required", state)
        return AuthorizeRequest(**values)

    def issue_code(
        self,
        request: AuthorizeRequest,
        identity_code: str,
        given_name: str | None,
        family_name: str | None,
    ) -> str:
        now = clock.timestamp()
        self._codes = {c: v for c, v in self._codes.items() if v.expires_at > now}
        code = secrets.token_urlsafe(32)
        self._codes[code] = IssuedCode(
            client_id=request.client_id,
            redirect_uri=request.redirect_uri,
            code_challenge=request.code_challenge,
            nonce=request.nonce,
            identity_code=identity_code,
            given_name=given_name,
            family_name=family_name,
            auth_time=int(now),
            expires_at=now + CODE_LIFETIME_SECONDS,
        )
        return code

    # -- token endpoint --------------------------------------------------------------------

    def _authenticate_client(self, form: Mapping[str, str], authorization: str | None) -> str:
        if authorization and "client_secret" in form:
            raise TokenEndpointError(400, "invalid_request", "use one client authentication")
        if authorization:
            scheme, _, encoded = authorization.partition(" ")
            try:
                decoded = base64.b64decode(encoded.strip(), validate=True).decode()
            except ValueError:
                raise TokenEndpointError(401, "invalid_client", "malformed credentials") from None
            raw_id, separator, raw_secret = decoded.partition(":")
            if scheme.lower() != "basic" or not separator:
                raise TokenEndpointError(401, "invalid_client", "malformed credentials")
            client_id, secret = unquote_plus(raw_id), unquote_plus(raw_secret)
        else:
            client_id, secret = form.get("client_id", ""), form.get("client_secret", "")
        expected_secret = self.settings.effective_oidc_client_secret
        id_ok = hmac.compare_digest(client_id.encode(), self.settings.oidc_client_id.encode())
        secret_ok = hmac.compare_digest(secret.encode(), expected_secret.encode())
        if not (id_ok and secret_ok):
            raise TokenEndpointError(401, "invalid_client", "client authentication failed")
        return client_id

    def exchange(self, form: Mapping[str, str], authorization: str | None) -> TokenResponse:
        client_id = self._authenticate_client(form, authorization)
        if form.get("grant_type") != "authorization_code":
            raise TokenEndpointError(400, "unsupported_grant_type", "authorization_code only")
        issued = self._codes.pop(form.get("code", ""), None)  # single use, even when refused
        if issued is None or issued.expires_at < clock.timestamp():
            raise TokenEndpointError(400, "invalid_grant", "unknown, used or expired code")
        if issued.client_id != client_id or form.get("redirect_uri") != issued.redirect_uri:
            raise TokenEndpointError(400, "invalid_grant", "code issued for another client")
        verifier = form.get("code_verifier", "")
        if not _CODE_VERIFIER.match(verifier) or not hmac.compare_digest(
            str(create_s256_code_challenge(verifier)).encode(), issued.code_challenge.encode()
        ):
            raise TokenEndpointError(400, "invalid_grant", "PKCE verification failed")
        return TokenResponse(
            id_token=self.id_token(issued),
            access_token=secrets.token_urlsafe(32),
            token_type="Bearer",  # noqa: S106 - the token type, no secret
            expires_in=ID_TOKEN_LIFETIME_SECONDS,
        )

    def subject(self, identity_code: str) -> str:
        """A stable pseudonymous subject: never the identity code itself."""
        digest = hmac.new(self._subject_key, identity_code.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()

    def id_token(self, issued: IssuedCode) -> str:
        now = int(clock.timestamp())
        claims: dict[str, object] = {
            "iss": self.issuer,
            "sub": self.subject(issued.identity_code),
            "aud": issued.client_id,
            "exp": now + ID_TOKEN_LIFETIME_SECONDS,
            "iat": now,
            "auth_time": issued.auth_time,
            "nonce": issued.nonce,
            self.settings.oidc_identity_code_claim: issued.identity_code,
        }
        if issued.given_name:
            claims["given_name"] = issued.given_name
        if issued.family_name:
            claims["family_name"] = issued.family_name
        header = {"alg": "ES256", "kid": self.key.kid}
        return jwt.encode(header, claims, self.key, algorithms=["ES256"])


@lru_cache(maxsize=8)
def demo_bank(settings: Settings) -> DemoBank:
    """The one demo bank of this process for these settings."""
    return DemoBank(settings)
