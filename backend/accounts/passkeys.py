"""Passkey ceremonies (py_webauthn) and the passkeys a person holds.

Discoverable credentials, user verification required, attestation ``none``; challenges live
in the session, are single use (taken out before checking) and expire after five minutes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AttestationConveyancePreference,
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from backend.accounts.tables import Credential
from backend.core import clock
from backend.core.db import DB
from backend.core.errors import ConflictError, DomainError
from backend.settings import Settings

CHALLENGE_KEY = "webauthn"
CHALLENGE_TTL_SECONDS = 300
TIMEOUT_MS = 120_000
RP_NAME = "Asukasportaali"


class PasskeyError(DomainError):
    status = 400
    code = "passkey"


class PasskeyNotRecognisedError(DomainError):
    status = 401
    code = "passkey"

    def __init__(self) -> None:
        super().__init__("problem.passkey-unknown.detail")


@dataclass(frozen=True, slots=True)
class PasskeyOwner:
    kind: str  # resident | staff
    subject_id: uuid.UUID
    credential_id: uuid.UUID


def _remember(session: dict[str, Any], challenge: bytes, purpose: str) -> None:
    session[CHALLENGE_KEY] = {
        "challenge": bytes_to_base64url(challenge),
        "purpose": purpose,
        "expires": clock.timestamp() + CHALLENGE_TTL_SECONDS,
    }


def _take_challenge(session: dict[str, Any], purpose: str) -> bytes:
    """Single use: the challenge leaves the session whether or not the check succeeds."""
    stored = session.pop(CHALLENGE_KEY, None)
    if (
        not isinstance(stored, dict)
        or stored.get("purpose") != purpose
        or float(stored.get("expires", 0)) < clock.timestamp()
    ):
        raise PasskeyError("problem.passkey-challenge.detail")
    return base64url_to_bytes(str(stored["challenge"]))


def creation_options(
    session: dict[str, Any],
    settings: Settings,
    *,
    purpose: str,
    user_handle: str,
    user_name: str,
    display_name: str,
    exclude: list[str],
) -> str:
    options = generate_registration_options(
        rp_id=settings.rp_id,
        rp_name=RP_NAME,
        user_id=base64url_to_bytes(user_handle),
        user_name=user_name,
        user_display_name=display_name,
        timeout=TIMEOUT_MS,
        attestation=AttestationConveyancePreference.NONE,
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.REQUIRED,
            require_resident_key=True,
            user_verification=UserVerificationRequirement.REQUIRED,
        ),
        exclude_credentials=[
            PublicKeyCredentialDescriptor(id=base64url_to_bytes(cid)) for cid in exclude
        ],
    )
    _remember(session, options.challenge, purpose)
    return options_to_json(options)


def verify_creation(
    session: dict[str, Any],
    settings: Settings,
    *,
    purpose: str,
    credential: dict[str, Any],
    name: str | None,
) -> dict[str, Any]:
    """A checked new passkey as the values of a ``Credential`` row (owner not yet set)."""
    challenge = _take_challenge(session, purpose)
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=settings.rp_id,
            expected_origin=settings.public_url.rstrip("/"),
            require_user_verification=True,
        )
    except (WebAuthnException, KeyError, TypeError, ValueError) as error:
        raise PasskeyError() from error
    response = credential.get("response")
    transports = response.get("transports") if isinstance(response, dict) else None
    now = datetime.now(UTC)
    return {
        "id": uuid.uuid4(),
        "credential_id": bytes_to_base64url(verified.credential_id),
        "public_key": bytes_to_base64url(verified.credential_public_key),
        "sign_count": verified.sign_count,
        "transports": [t for t in transports if isinstance(t, str)][:8]
        if isinstance(transports, list)
        else [],
        "name": (name or "").strip() or default_passkey_name(now),
        "backed_up": verified.credential_backed_up,
        "created_at": now,
    }


def default_passkey_name(when: datetime) -> str:
    return f"Passkey {when:%Y-%m-%d}"


async def ensure_new(credential_row: dict[str, Any]) -> None:
    if await Credential.exists().where(Credential.credential_id == credential_row["credential_id"]):
        raise ConflictError("problem.passkey-exists.detail")


def request_options(session: dict[str, Any], settings: Settings) -> str:
    options = generate_authentication_options(
        rp_id=settings.rp_id,
        timeout=TIMEOUT_MS,
        allow_credentials=[],
        user_verification=UserVerificationRequirement.REQUIRED,
    )
    _remember(session, options.challenge, "login")
    return options_to_json(options)


async def verify_login(
    session: dict[str, Any], settings: Settings, credential: dict[str, Any]
) -> PasskeyOwner:
    challenge = _take_challenge(session, "login")
    raw_id = credential.get("rawId") or credential.get("id")
    if not isinstance(raw_id, str):
        raise PasskeyError()
    row = await Credential.objects().get(
        (Credential.credential_id == raw_id) & Credential.revoked_at.is_null()
    )
    if row is None:
        raise PasskeyNotRecognisedError()
    owner_handle = await _owner_handle(row)
    response = credential.get("response")
    user_handle = response.get("userHandle") if isinstance(response, dict) else None
    if owner_handle is None or (user_handle and user_handle != owner_handle):
        raise PasskeyNotRecognisedError()
    try:
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=challenge,
            expected_rp_id=settings.rp_id,
            expected_origin=settings.public_url.rstrip("/"),
            credential_public_key=base64url_to_bytes(row.public_key),
            credential_current_sign_count=row.sign_count,
            require_user_verification=True,
        )
    except (WebAuthnException, KeyError, TypeError, ValueError) as error:
        raise PasskeyError() from error
    async with DB.transaction():
        await Credential.update(
            {
                Credential.sign_count: verified.new_sign_count,
                Credential.last_used_at: datetime.now(UTC),
                Credential.backed_up: verified.credential_backed_up,
            }
        ).where(Credential.id == row.id)
    if row.staff_user is not None:
        return PasskeyOwner("staff", row.staff_user, row.id)
    return PasskeyOwner("resident", row.resident_account, row.id)


async def _owner_handle(row: Credential) -> str | None:
    from backend.accounts.tables import ResidentAccount
    from backend.staff.tables import StaffUser

    if row.staff_user is not None:
        staff = (
            await StaffUser.select(StaffUser.user_handle)
            .where(
                (StaffUser.id == row.staff_user) & (StaffUser.active == True)  # noqa: E712
            )
            .first()
        )
        return staff["user_handle"] if staff else None
    account = (
        await ResidentAccount.select(ResidentAccount.user_handle)
        .where(ResidentAccount.id == row.resident_account)
        .first()
    )
    return account["user_handle"] if account else None


async def resident_passkeys(account_id: uuid.UUID) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = (
        await Credential.select(
            Credential.id, Credential.name, Credential.created_at, Credential.last_used_at
        )
        .where((Credential.resident_account == account_id) & Credential.revoked_at.is_null())
        .order_by(Credential.created_at)
    )
    return rows


async def credential_ids_of(
    *, account_id: uuid.UUID | None = None, staff_id: uuid.UUID | None = None
) -> list[str]:
    """Every passkey id the person holds (also revoked ones: never enrol those again)."""
    owner = (
        Credential.resident_account == account_id
        if account_id is not None
        else Credential.staff_user == staff_id
    )
    return [
        row["credential_id"]
        for row in await Credential.select(Credential.credential_id).where(owner)
    ]


async def add_resident_passkey(account_id: uuid.UUID, credential_row: dict[str, Any]) -> None:
    from backend.core.audit import record_event

    await ensure_new(credential_row)
    async with DB.transaction():
        await Credential.insert(Credential(**credential_row, resident_account=account_id))
        await record_event(
            actor_type="resident",
            actor_id=account_id,
            action="passkey.added",
            entity_type="credential",
            entity_id=credential_row["id"],
        )


async def _owned(account_id: uuid.UUID, passkey_id: uuid.UUID) -> Credential:
    from backend.core.errors import NotFoundError

    row = await Credential.objects().get(
        (Credential.id == passkey_id)
        & (Credential.resident_account == account_id)
        & Credential.revoked_at.is_null()
    )
    if row is None:
        raise NotFoundError()
    return row


async def rename_resident_passkey(
    account_id: uuid.UUID, passkey_id: uuid.UUID, name: str
) -> dict[str, Any]:
    from backend.core.audit import record_event

    row = await _owned(account_id, passkey_id)
    async with DB.transaction():
        await Credential.update({Credential.name: name.strip()}).where(Credential.id == row.id)
        await record_event(
            actor_type="resident",
            actor_id=account_id,
            action="passkey.renamed",
            entity_type="credential",
            entity_id=row.id,
        )
    return {
        "id": row.id,
        "name": name.strip(),
        "created_at": row.created_at,
        "last_used_at": row.last_used_at,
    }


async def revoke_resident_passkey(account_id: uuid.UUID, passkey_id: uuid.UUID) -> None:
    """The passkey stops working at once, and so do the sessions opened with it."""
    from backend.core.audit import record_event

    row = await _owned(account_id, passkey_id)
    async with DB.transaction():
        await Credential.update({Credential.revoked_at: datetime.now(UTC)}).where(
            Credential.id == row.id
        )
        await record_event(
            actor_type="resident",
            actor_id=account_id,
            action="passkey.revoked",
            entity_type="credential",
            entity_id=row.id,
        )
