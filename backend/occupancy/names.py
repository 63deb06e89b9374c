"""Residents' names for staff screens: an account's name is its person's current entry in
the register of occupants (accounts keep no name of their own)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any
from uuid import UUID

from backend.accounts.tables import ResidentAccount
from backend.occupancy.access import latest_entry
from backend.occupancy.tables import Occupant


async def resident_names(account_ids: Iterable[UUID]) -> dict[UUID, str]:
    """``account id → "First Last"``, in two queries however many accounts are asked."""
    wanted = list(set(account_ids))
    if not wanted:
        return {}
    accounts = await ResidentAccount.select(
        ResidentAccount.id, ResidentAccount.identity_code_hmac
    ).where(ResidentAccount.id.is_in(wanted))
    by_hmac = {row["identity_code_hmac"]: row["id"] for row in accounts}
    if not by_hmac:
        return {}
    people = await Occupant.select(
        Occupant.identity_code_hmac,
        Occupant.first_name,
        Occupant.last_name,
        Occupant.moved_in_on,
    ).where(Occupant.identity_code_hmac.is_in(list(by_hmac)))
    rows_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for person in people:
        rows_of[person["identity_code_hmac"]].append(person)
    names: dict[UUID, str] = {}
    for person_hmac, person_rows in rows_of.items():
        latest = latest_entry(person_rows)  # the current name
        names[by_hmac[person_hmac]] = f"{latest['first_name']} {latest['last_name']}"
    return names
