"""Typed settings, read once from ``PORTAL_*`` environment variables.

The embedded default needs no setting at all: a SQLite file and generated secrets under
``var/``. Every setting is listed (with its default) in the README.
"""

from __future__ import annotations

import hmac
import os
import secrets
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import msgspec

ENV_PREFIX = "PORTAL_"
_SECRET_FIELDS = frozenset(
    {
        "secret_key",
        "identity_code_key",
        "database_url",
        "redis_url",
        "oidc_client_secret",
        "vapid_private_key",
    }
)


class SettingsError(Exception):
    """A setting is missing or malformed; the message names the environment variable."""


class Settings(msgspec.Struct, frozen=True, kw_only=True):
    environment: Literal["development", "production", "test"] = "development"
    host: str = "127.0.0.1"
    port: int = 8000
    public_url: str = "http://localhost:8000"
    var_dir: str = "var"
    database_url: str = ""
    database_pool_size: int = 10
    sqlite_readers: int = 4
    redis_url: str = ""
    secret_key: str = ""
    identity_code_key: str = ""
    pwa_dist: str = "pwa/dist"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["json", "text"] = "json"
    # Strong identification: the built-in demo bank, or a real OIDC broker.
    strong_auth: Literal["demo", "oidc"] = "demo"
    oidc_issuer: str = ""
    oidc_client_id: str = "resident-portal"
    oidc_client_secret: str = ""
    oidc_scopes: str = "openid profile"
    oidc_identity_code_claim: str = "personal_identity_code"
    # Sessions: idle and absolute limits, residents and staff apart.
    session_idle_minutes: int = 7 * 24 * 60
    session_absolute_hours: int = 30 * 24
    staff_session_idle_minutes: int = 60
    staff_session_absolute_hours: int = 12
    # Photos and attachments: a folder (default var/blobs) or an S3-compatible bucket
    # ("s3://bucket/prefix", credentials from the usual AWS_* variables).
    blob_store_url: str = ""
    max_upload_megabytes: int = 10
    # Where people who are not in the register (applicants) are sent.
    customer_service_phone: str = "+358 9 000 0000"
    customer_service_email: str = "asiakaspalvelu@example.fi"
    # Identity endpoints: attempts per minute from one IP, and per account per 15 minutes.
    auth_rate_limit_per_ip: int = 30
    auth_rate_limit_per_account: int = 10
    # Answers remembered between requests (the resident behind a session, a "nothing
    # changed" sync pull) are reused at most this long: writes made outside the app (by
    # hand in the database, another process without Redis) show after this.
    cache_max_age_seconds: int = 300
    # Web push (VAPID): the private key (base64url, 32 raw bytes; `resident-portal
    # vapid-keys` makes a pair; generated under var/ outside production) and the contact
    # push services may write to. Times of day (quiet hours) are in this time zone.
    vapid_private_key: str = ""
    vapid_subject: str = "mailto:asiakaspalvelu@example.fi"
    timezone: str = "Europe/Helsinki"
    # Delivery of notifications: a background task in the server process ("embedded", the
    # default), or `resident-portal worker` processes ("external", PostgreSQL at scale).
    push_worker: Literal["embedded", "external"] = "embedded"

    def __repr__(self) -> str:
        # Secrets (and URLs that may carry passwords) never reach a log line.
        shown = {
            name: ("***" if name in _SECRET_FIELDS and getattr(self, name) else getattr(self, name))
            for name in self.__struct_fields__
        }
        return "Settings(" + ", ".join(f"{k}={v!r}" for k, v in shown.items()) + ")"

    __str__ = __repr__

    @property
    def is_https(self) -> bool:
        return self.public_url.startswith("https://")

    @property
    def rp_id(self) -> str:
        """The WebAuthn relying-party id: the host residents use, without port."""
        return urlsplit(self.public_url).hostname or "localhost"

    @property
    def effective_oidc_issuer(self) -> str:
        if self.strong_auth == "demo":
            return f"{self.public_url.rstrip('/')}/oidc/demo"
        return self.oidc_issuer

    @property
    def effective_oidc_client_secret(self) -> str:
        if self.strong_auth == "demo":
            # The demo bank and its client share this derived secret; no setting needed.
            return hmac.new(self.secret_key.encode(), b"demo-bank-client", "sha256").hexdigest()
        return self.oidc_client_secret

    @property
    def oidc_redirect_uri(self) -> str:
        return f"{self.public_url.rstrip('/')}/auth/oidc/callback"

    @property
    def var_path(self) -> Path:
        return Path(self.var_dir)

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.var_path / 'portal.sqlite3'}"

    @property
    def is_sqlite(self) -> bool:
        return self.effective_database_url.startswith("sqlite:")

    @property
    def sqlite_path(self) -> str:
        return self.effective_database_url.removeprefix("sqlite:///")


def _random_secret() -> str:
    return secrets.token_urlsafe(48)


def _read_or_create_secret(
    var_path: Path, name: str, make: Callable[[], str] = _random_secret
) -> str:
    """A secret generated once into ``var/`` so that the embedded default needs no setting."""
    path = var_path / name
    if path.exists():
        return path.read_text().strip()
    var_path.mkdir(parents=True, exist_ok=True)
    value = make()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as file:
        file.write(value)
    return value


def _checked_vapid_key(settings: Settings) -> Settings:
    # Imported here: settings load before anything else, cryptography only when needed.
    from backend.notifications.vapid import check_private_key, generate_private_key

    value = settings.vapid_private_key or _read_or_create_secret(
        settings.var_path, "vapid_private_key", generate_private_key
    )
    try:
        check_private_key(value)
    except ValueError as error:
        source = (
            "" if settings.vapid_private_key else f" (in {settings.var_path / 'vapid_private_key'})"
        )
        raise SettingsError(
            f"PORTAL_VAPID_PRIVATE_KEY{source}: {error}; `resident-portal vapid-keys` makes a pair"
        ) from None
    return msgspec.structs.replace(settings, vapid_private_key=value)


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    source = os.environ if environ is None else environ
    raw = {
        key.removeprefix(ENV_PREFIX).lower(): value
        for key, value in source.items()
        if key.startswith(ENV_PREFIX)
    }
    known = set(Settings.__struct_fields__)
    unknown = sorted(ENV_PREFIX + key.upper() for key in raw if key not in known)
    if unknown:
        raise SettingsError(f"Unknown setting(s): {', '.join(unknown)}")
    try:
        settings = msgspec.convert(raw, Settings, strict=False)
    except msgspec.ValidationError as error:
        field = str(error).rsplit("$.", 1)[-1].rstrip("`")
        raise SettingsError(f"{ENV_PREFIX}{field.upper()}: {error}") from None
    if settings.environment == "production":
        missing = [
            ENV_PREFIX + name.upper()
            for name in ("secret_key", "identity_code_key", "database_url", "vapid_private_key")
            if not getattr(settings, name)
        ]
        if missing:
            raise SettingsError(f"Production needs these settings: {', '.join(missing)}")
        if settings.strong_auth == "demo":
            raise SettingsError(
                "PORTAL_STRONG_AUTH=demo (the demo bank) is refused in production; "
                "set PORTAL_STRONG_AUTH=oidc and the PORTAL_OIDC_* settings"
            )
    if settings.strong_auth == "oidc":
        missing = [
            ENV_PREFIX + name.upper()
            for name in ("oidc_issuer", "oidc_client_id", "oidc_client_secret")
            if not getattr(settings, name)
        ]
        if missing:
            raise SettingsError(f"PORTAL_STRONG_AUTH=oidc needs: {', '.join(missing)}")
    for name in ("secret_key", "identity_code_key"):
        if not getattr(settings, name):
            settings = msgspec.structs.replace(
                settings, **{name: _read_or_create_secret(settings.var_path, name)}
            )
    return _checked_vapid_key(settings)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
