"""The password fallback: off unless the resident turns it on (NIST SP 800-63B: at least
12 characters, no composition rules). Hashes are argon2id; hashing is slow on purpose, so it
runs in a worker thread and attempts are rate-limited."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import anyio.to_thread
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from backend.accounts.tables import ResidentAccount
from backend.core.audit import record_event
from backend.core.db import DB
from backend.core.errors import ConflictError, DomainError, InvalidInputError

_HASHER = PasswordHasher()
# Verified when the e-mail matches nobody, so that timing does not reveal who has an account.
_DUMMY_HASH = _HASHER.hash("not-a-real-password-0000")


class PasswordLoginError(DomainError):
    status = 401
    code = "password-login"


async def enable_password(account_id: uuid.UUID, password: str) -> None:
    account = await ResidentAccount.objects().get(ResidentAccount.id == account_id)
    if account is None:
        raise PasswordLoginError()
    if not account.email:
        raise InvalidInputError("problem.password-needs-email.detail")
    if await ResidentAccount.exists().where(
        (ResidentAccount.email == account.email)
        & (ResidentAccount.password_enabled == True)  # noqa: E712
        & (ResidentAccount.id != account_id)
    ):
        raise ConflictError("problem.password-email-taken.detail")
    password_hash = await anyio.to_thread.run_sync(_HASHER.hash, password)
    async with DB.transaction():
        await ResidentAccount.update(
            {ResidentAccount.password_hash: password_hash, ResidentAccount.password_enabled: True}
        ).where(ResidentAccount.id == account_id)
        await record_event(
            actor_type="resident",
            actor_id=account_id,
            action="password.changed" if account.password_enabled else "password.enabled",
            entity_type="resident_account",
            entity_id=account_id,
        )


async def disable_password(account_id: uuid.UUID) -> None:
    async with DB.transaction():
        await ResidentAccount.update(
            {ResidentAccount.password_hash: None, ResidentAccount.password_enabled: False}
        ).where(ResidentAccount.id == account_id)
        await record_event(
            actor_type="resident",
            actor_id=account_id,
            action="password.disabled",
            entity_type="resident_account",
            entity_id=account_id,
        )


async def verify_password(email: str, password: str) -> uuid.UUID:
    """The account whose password this is; one refusal for every kind of failure."""
    account = await ResidentAccount.objects().get(
        (ResidentAccount.email == email.strip().lower())
        & (ResidentAccount.password_enabled == True)  # noqa: E712
    )
    stored = account.password_hash if account is not None else None
    try:
        await anyio.to_thread.run_sync(_HASHER.verify, stored or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        stored = None
    if account is None or stored is None:
        await record_event(
            actor_type="resident",
            actor_id=account.id if account is not None else None,
            action="login.failed",
            details={"method": "password"},
        )
        raise PasswordLoginError()
    if _HASHER.check_needs_rehash(stored):
        new_hash = await anyio.to_thread.run_sync(_HASHER.hash, password)
        await ResidentAccount.update({ResidentAccount.password_hash: new_hash}).where(
            ResidentAccount.id == account.id
        )
    await ResidentAccount.update({ResidentAccount.last_login_at: datetime.now(UTC)}).where(
        ResidentAccount.id == account.id
    )
    return account.id
