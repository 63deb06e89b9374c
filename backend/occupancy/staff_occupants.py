"""Finding a person in the register of occupants, for office registration: customer service
and lease control (and admins) look up the person in front of them by name or address.

Only adults of current or starting leases are found (minors and people who have moved out
cannot register), only in the staff user's regions, and only what identifies the person at
the desk: names, birth year, home. Every person shown is a staff read of personal data.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from piccolo.columns.combination import WhereRaw

from backend.accounts.access import StaffPrincipal, require_staff_role
from backend.core.audit import record_staff_read
from backend.core.db import DB
from backend.core.i18n import Language, localized_text
from backend.occupancy.access import LEGAL_AGE, OCCUPANT_ROLES
from backend.occupancy.tables import Occupant
from backend.staff.access import StaffRole
from backend.staff.search import address_with_unit, contains_any

SEARCH_ROLES = (StaffRole.CUSTOMER_SERVICE, StaffRole.LEASE_CONTROL)  # and admins
MAX_MATCHES = 50


def require_occupant_searcher(staff: StaffPrincipal) -> None:
    require_staff_role(staff, *SEARCH_ROLES)


def _adult_born_on_or_before(today: date) -> date:
    """The latest birth date of someone of legal age today (29 February: see ``age_on``)."""
    try:
        return today.replace(year=today.year - LEGAL_AGE)
    except ValueError:
        return today.replace(year=today.year - LEGAL_AGE, day=28)


def _matches(text: str) -> WhereRaw:
    names, name_args = contains_any(
        [
            '"occupant"."first_name"',
            '"occupant"."last_name"',
            """("occupant"."first_name" || ' ' || "occupant"."last_name")""",
            """("occupant"."last_name" || ' ' || "occupant"."first_name")""",
        ],
        text,
    )
    homes, home_args = contains_any(address_with_unit("p", "u"), text)
    # Only constant SQL goes into the string; the text is a parameter.
    sql = (
        f"({names}"  # noqa: S608
        ' OR "occupant"."lease" IN (SELECT l.id FROM lease l JOIN unit u ON u.id = l.unit'
        f" JOIN property p ON p.id = u.property WHERE {homes}))"
    )
    return WhereRaw(sql, *name_args, *home_args)


async def find_occupants(
    staff: StaffPrincipal, text: str, *, today: date, language: Language
) -> list[dict[str, Any]]:
    """Up to 50 people whose name or home address contains ``text``, by name; the read of
    each is audit-logged."""
    require_occupant_searcher(staff)
    lease: Any = Occupant.lease  # Piccolo's types stop at the first join
    query = Occupant.select(
        Occupant.id,
        Occupant.first_name,
        Occupant.last_name,
        Occupant.birth_date,
        Occupant.role,
        Occupant.identity_code_hmac,
        lease.unit.staircase.as_alias("staircase"),
        lease.unit.number.as_alias("unit_number"),
        lease.unit.property.street_address.as_alias("street_address"),
    ).where(
        _matches(text),
        Occupant.role.is_in(sorted(OCCUPANT_ROLES)),
        Occupant.birth_date <= _adult_born_on_or_before(today),
        Occupant.moved_out_on.is_null() | (Occupant.moved_out_on >= today),
        lease.ends_on.is_null() | (lease.ends_on >= today),
    )
    if not staff.all_regions:
        query = query.where(
            lease.unit.property.region.is_in(list(staff.region_ids) or [UUID(int=0)])
        )
    rows = await (
        query.order_by(Occupant.last_name, Occupant.first_name, Occupant.id)
        .limit(MAX_MATCHES)
        .output(load_json=True)
    )
    registered = await _registered({row["identity_code_hmac"] for row in rows} - {None})
    if rows:
        async with DB.transaction():
            for row in rows:
                await record_staff_read(
                    staff.staff_id,
                    entity_type="occupant",
                    entity_id=row["id"],
                    what=f"name, birth year, home (occupant search: {text})",
                )
    return [_match(row, registered, language) for row in rows]


async def _registered(hmacs: set[str]) -> set[str]:
    from backend.accounts.tables import ResidentAccount  # the accounts app builds on this one

    if not hmacs:
        return set()
    rows = await ResidentAccount.select(ResidentAccount.identity_code_hmac).where(
        ResidentAccount.identity_code_hmac.is_in(sorted(hmacs))
    )
    return {row["identity_code_hmac"] for row in rows}


def _match(row: dict[str, Any], registered: set[str], language: Language) -> dict[str, Any]:
    address, _ = localized_text(row["street_address"], language)
    return {
        "occupant_id": row["id"],
        "first_name": row["first_name"],
        "last_name": row["last_name"],
        "birth_year": row["birth_date"].year,
        "address": address,
        "unit": f"{row['staircase'] or ''} {row['unit_number']}".strip(),
        "role": row["role"],
        "registered": row["identity_code_hmac"] in registered,
        # No identity code from the ERP yet: an office code could not be used.
        "can_register": row["identity_code_hmac"] is not None,
    }
