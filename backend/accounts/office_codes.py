"""Office registration codes: staff check an ID card in person and hand out a code.

A code is 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), printed in
groups of four; only its keyed HMAC is stored. It is single use and lasts 7 days.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from backend.accounts.access import StaffPrincipal
from backend.accounts.tables import OfficeRegistrationCode
from backend.core import clock
from backend.core.audit import record_event
from backend.core.db import DB
from backend.core.errors import (
    AccessDeniedError,
    ConflictError,
    DomainError,
    InvalidInputError,
    NotFoundError,
)
from backend.occupancy.tables import Occupant
from backend.staff.access import StaffRole

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12
VALID_FOR = timedelta(days=7)
ISSUING_ROLES = frozenset({StaffRole.CUSTOMER_SERVICE, StaffRole.LEASE_CONTROL, StaffRole.ADMIN})


class OfficeCodeInvalidError(DomainError):
    status = 400
    code = "office-code"


@dataclass(frozen=True, slots=True)
class IssuedOfficeCode:
    id: uuid.UUID
    code: str  # shown once, to be printed; never stored
    expires_at: datetime
    first_name: str
    last_name: str


def normalize_office_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def office_code_hmac(code: str, key: str) -> str:
    message = b"office-code:" + normalize_office_code(code).encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()


def _new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


async def issue_office_code(
    staff: StaffPrincipal, *, occupant_id: uuid.UUID, id_checked: bool, key: str
) -> IssuedOfficeCode:
    """Issue a code bound to one register row; the staff user must have the role and scope,
    and confirm having checked the person's ID card."""
    if not staff.roles & ISSUING_ROLES:
        raise AccessDeniedError()
    lease: Any = Occupant.lease  # Piccolo's types stop at the first join
    row = await (
        Occupant.select(
            Occupant.first_name,
            Occupant.last_name,
            Occupant.identity_code_hmac,
            lease.unit.property.region.id.as_alias("region_id"),
        )
        .where(Occupant.id == occupant_id)
        .first()
    )
    if row is None or not staff.may_work_in(row["region_id"]):
        raise NotFoundError()  # outside the scope looks exactly like absent
    if id_checked is not True:
        raise InvalidInputError(
            "problem.id-not-checked.detail", errors=[{"field": "idChecked", "message": "true"}]
        )
    if row["identity_code_hmac"] is None:
        # A code is matched to the person by identity code; until the ERP import brings it
        # the code would only be refused at registration.
        raise ConflictError("problem.office-code-no-identity-code.detail")
    code = _new_code()
    now = datetime.now(UTC)
    code_id = uuid.uuid4()
    async with DB.transaction():
        await OfficeRegistrationCode.insert(
            OfficeRegistrationCode(
                id=code_id,
                occupant=occupant_id,
                code_hmac=office_code_hmac(code, key),
                issued_by=staff.staff_id,
                issued_at=now,
                expires_at=now + VALID_FOR,
            )
        )
        await record_event(
            actor_type="staff",
            actor_id=staff.staff_id,
            action="office_code.issued",
            entity_type="occupant",
            entity_id=occupant_id,
            details={"codeId": str(code_id), "idChecked": True},
        )
    return IssuedOfficeCode(code_id, code, now + VALID_FOR, row["first_name"], row["last_name"])


async def find_usable_code(code: str, key: str) -> tuple[uuid.UUID, str]:
    """The code's id and the identity-code HMAC of its occupant; refuses spent or old codes."""
    if len(normalize_office_code(code)) != CODE_LENGTH:
        raise OfficeCodeInvalidError()
    row = (
        await OfficeRegistrationCode.select(
            OfficeRegistrationCode.id,
            OfficeRegistrationCode.expires_at,
            OfficeRegistrationCode.used_at,
            OfficeRegistrationCode.occupant.identity_code_hmac.as_alias("person"),
        )
        .where(OfficeRegistrationCode.code_hmac == office_code_hmac(code, key))
        .first()
    )
    if (
        row is None
        or row["used_at"] is not None
        or row["expires_at"] <= clock.now()
        or not row["person"]
    ):
        raise OfficeCodeInvalidError()
    return row["id"], row["person"]


async def spend_code(code_id: uuid.UUID, account_id: uuid.UUID) -> None:
    """Mark the code used, inside the caller's transaction; a second use is refused."""
    updated = (
        await OfficeRegistrationCode.update(
            {
                OfficeRegistrationCode.used_at: datetime.now(UTC),
                OfficeRegistrationCode.used_by: account_id,
            }
        )
        .where((OfficeRegistrationCode.id == code_id) & OfficeRegistrationCode.used_at.is_null())
        .returning(OfficeRegistrationCode.id)
    )
    if not updated:
        raise OfficeCodeInvalidError()
