"""Wire formats of OpenID Connect (discovery document, JWKS, token responses, errors) and
what the relying party keeps and returns."""

from __future__ import annotations

from typing import Any

import msgspec


class ProviderMetadata(msgspec.Struct, frozen=True, omit_defaults=True):
    """OpenID Provider metadata (OpenID Connect Discovery 1.0, §3); the relying party needs
    only the first four fields, the rest are published by the demo bank."""

    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    response_types_supported: tuple[str, ...] = ()
    subject_types_supported: tuple[str, ...] = ()
    id_token_signing_alg_values_supported: tuple[str, ...] = ()
    code_challenge_methods_supported: tuple[str, ...] = ()
    token_endpoint_auth_methods_supported: tuple[str, ...] = ()
    grant_types_supported: tuple[str, ...] = ()
    scopes_supported: tuple[str, ...] = ()
    claims_supported: tuple[str, ...] = ()
    ui_locales_supported: tuple[str, ...] = ()


class JsonWebKeySet(msgspec.Struct, frozen=True):
    keys: list[dict[str, Any]]


class TokenResponse(msgspec.Struct, frozen=True):
    id_token: str
    access_token: str = ""
    token_type: str = "Bearer"  # noqa: S105 - the token type, no secret
    expires_in: int = 0


class OAuthError(msgspec.Struct, frozen=True, omit_defaults=True):
    """An error of the token endpoint (RFC 6749, §5.2)."""

    error: str
    error_description: str | None = None


class PendingAuthorization(msgspec.Struct, frozen=True):
    """What the caller keeps (in the server-side session) between the redirect and callback."""

    state: str
    nonce: str
    code_verifier: str
    purpose: str
    created_at: float  # epoch seconds


class StrongIdentity(msgspec.Struct, frozen=True):
    identity_code: str  # the claim's raw value; the caller validates/normalizes it
    subject: str
    given_name: str | None = None
    family_name: str | None = None
