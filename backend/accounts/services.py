"""Registration: identify a person strongly, match them to the register, create the account.

Progress is kept in the (server-side) session under ``registration``; nothing is written to
the database until the person has confirmed their contact details and created a passkey,
so an abandoned registration leaves nothing behind.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import UTC, datetime
from typing import Any

from backend.accounts.office_codes import find_usable_code, spend_code
from backend.accounts.tables import Credential, ResidentAccount
from backend.core import clock
from backend.core.audit import record_event
from backend.core.db import DB
from backend.core.errors import DomainError, InvalidInputError
from backend.core.identity_codes import identity_code_hmac, normalize_identity_code
from backend.occupancy.access import LEGAL_AGE, age_on, person_in_register
from backend.settings import Settings

REGISTRATION_KEY = "registration"
REGISTRATION_TTL_SECONDS = 30 * 60
REFUSED = frozenset({"not_in_register", "under_18", "lease_ended"})


class RegistrationError(DomainError):
    status = 409
    code = "registration"


async def identify(identity_code_hmac_: str, *, via: str) -> dict[str, Any]:
    """The registration state for a strongly identified person (HMAC only, never the code)."""
    today = clock.today()
    person = await person_in_register(identity_code_hmac_, today)
    if person is None:
        outcome = "not_in_register"
    elif person.homes:
        eligible = any(home.access != "before_start" for home in person.homes)
        outcome = "eligible" if eligible else "before_start"
    elif age_on(person.birth_date, today) < LEGAL_AGE:
        outcome = "under_18"
    else:
        outcome = "lease_ended"
    account = (
        await ResidentAccount.select(ResidentAccount.id, ResidentAccount.user_handle)
        .where(ResidentAccount.identity_code_hmac == identity_code_hmac_)
        .first()
    )
    await record_event(
        actor_type="system",
        actor_id=account["id"] if account else None,
        action="registration.identified" if outcome not in REFUSED else "registration.refused",
        entity_type="resident_account" if account else None,
        entity_id=account["id"] if account else None,
        details={"via": via, "outcome": outcome},
    )
    return {
        "hmac": identity_code_hmac_,
        "via": via,
        "outcome": outcome,
        "identifiedAt": clock.timestamp(),
        "accountId": str(account["id"]) if account else None,
        "userHandle": account["user_handle"] if account else secrets.token_urlsafe(32),
        "contact": None,
    }


async def identify_by_code(identity_code: str, settings: Settings, *, via: str) -> dict[str, Any]:
    normalized = normalize_identity_code(
        identity_code, allow_test_codes=settings.strong_auth == "demo"
    )
    return await identify(identity_code_hmac(normalized, settings.identity_code_key), via=via)


async def identify_by_office_code(code: str, settings: Settings) -> dict[str, Any]:
    code_id, person_hmac = await find_usable_code(code, settings.secret_key)
    state = await identify(person_hmac, via="office_code")
    state["officeCodeId"] = str(code_id)
    return state


def failed_state(error: DomainError) -> dict[str, Any]:
    return {
        "failed": {"status": error.status, "code": error.code, "detailKey": error.detail_key},
        "identifiedAt": clock.timestamp(),
    }


def current_state(session: dict[str, Any]) -> dict[str, Any] | None:
    state = session.get(REGISTRATION_KEY)
    if not isinstance(state, dict):
        return None
    if clock.timestamp() - float(state.get("identifiedAt", 0)) > REGISTRATION_TTL_SECONDS:
        return None
    return state


def customer_service(settings: Settings) -> dict[str, str]:
    """Parameters of the refusal messages: where to turn."""
    return {"phone": settings.customer_service_phone, "email": settings.customer_service_email}


def usable_state(session: dict[str, Any], settings: Settings) -> dict[str, Any]:
    """The state of a person who may go on registering; refuses anything else."""
    state = current_state(session)
    if state is None or "failed" in state or state.get("done"):
        raise RegistrationError("registration.not-started")
    if state.get("outcome") in REFUSED:
        raise RegistrationError(
            f"registration.refused.{state['outcome']}.detail", **customer_service(settings)
        )
    return state


def save_contact(state: dict[str, Any], *, email: str, phone: str, language: str) -> None:
    state["contact"] = {
        "email": email.strip().lower(),
        "phone": phone.strip(),
        "language": language,
    }


def needs_contact(state: dict[str, Any]) -> bool:
    return not state.get("accountId") and not state.get("contact")


async def complete_registration(
    state: dict[str, Any], *, credential_row: dict[str, Any]
) -> uuid.UUID:
    """Create (or, on recovery, reuse) the account and store its first passkey, atomically."""
    now = datetime.now(UTC)
    async with DB.transaction():
        account = (
            await ResidentAccount.select(ResidentAccount.id)
            .where(ResidentAccount.identity_code_hmac == state["hmac"])
            .first()
        )
        if account is None:
            contact = state.get("contact")
            if not contact:
                raise InvalidInputError("registration.not-started")
            account_id = uuid.uuid4()
            await ResidentAccount.insert(
                ResidentAccount(
                    id=account_id,
                    identity_code_hmac=state["hmac"],
                    user_handle=state["userHandle"],
                    email=contact["email"],
                    phone=contact["phone"],
                    language=contact["language"],
                    created_at=now,
                    last_login_at=now,
                )
            )
            action = "registration.completed"
        else:
            account_id = account["id"]
            action = "registration.recovered"
        if state.get("officeCodeId"):
            await spend_code(uuid.UUID(state["officeCodeId"]), account_id)
            await record_event(
                actor_type="resident",
                actor_id=account_id,
                action="office_code.used",
                entity_type="office_registration_code",
                entity_id=uuid.UUID(state["officeCodeId"]),
            )
        credential_id = credential_row["id"]
        await Credential.insert(Credential(**credential_row, resident_account=account_id))
        await record_event(
            actor_type="resident",
            actor_id=account_id,
            action=action,
            entity_type="credential",
            entity_id=credential_id,
            details={"via": state["via"]},
        )
    return account_id


async def record_login(*, kind: str, subject_id: uuid.UUID, method: str) -> None:
    async with DB.transaction():
        if kind == "resident":
            await ResidentAccount.update({ResidentAccount.last_login_at: datetime.now(UTC)}).where(
                ResidentAccount.id == subject_id
            )
        await record_event(
            actor_type=kind,
            actor_id=subject_id,
            action="login.succeeded",
            details={"method": method},
        )


async def record_failed_login(*, method: str, reason: str, subject_id: uuid.UUID | None) -> None:
    await record_event(
        actor_type="system" if subject_id is None else "resident",
        actor_id=subject_id,
        action="login.failed",
        details={"method": method, "reason": reason},
    )


async def sign_out_everywhere(*, kind: str, subject_id: uuid.UUID) -> None:
    from backend.staff.tables import StaffUser

    now = datetime.now(UTC)
    async with DB.transaction():
        if kind == "staff":
            await StaffUser.update({StaffUser.sessions_valid_after: now}).where(
                StaffUser.id == subject_id
            )
        else:
            await ResidentAccount.update({ResidentAccount.sessions_valid_after: now}).where(
                ResidentAccount.id == subject_id
            )
        await record_event(
            actor_type=kind, actor_id=subject_id, action="session.signed_out_everywhere"
        )


async def update_profile(
    account_id: uuid.UUID, *, email: str | None, phone: str | None, language: str | None
) -> None:
    values: dict[Any, Any] = {}
    if email is not None:
        values[ResidentAccount.email] = email.strip().lower()
    if phone is not None:
        values[ResidentAccount.phone] = phone.strip()
    if language is not None:
        values[ResidentAccount.language] = language
    if not values:
        return
    async with DB.transaction():
        if email is not None:
            account = await ResidentAccount.objects().get(ResidentAccount.id == account_id)
            taken = await ResidentAccount.exists().where(
                (ResidentAccount.email == email.strip().lower())
                & (ResidentAccount.password_enabled == True)  # noqa: E712
                & (ResidentAccount.id != account_id)
            )
            if account is not None and account.password_enabled and taken:
                from backend.core.errors import ConflictError

                raise ConflictError("problem.password-email-taken.detail")
        await ResidentAccount.update(values).where(ResidentAccount.id == account_id)
        await record_event(
            actor_type="resident",
            actor_id=account_id,
            action="profile.updated",
            entity_type="resident_account",
            entity_id=account_id,
            details={"fields": sorted(column._meta.name for column in values)},
        )
