"""Who a notification goes to, and whose subscription a resident may touch.

Recipients are the resident accounts that may see the thing *now*, by the same rules as the
features' own read gates (DESIGN §1):
- a ticket: every adult of the household whose home has started (``tickets.access``);
- a staff reply: the resident who started the thread, and — for main-tenant-only
  categories — every main tenant of the lease (``messages.access.resident_sees``);
- news: residents of a started home in the audience (``news.audience``), computed here in a
  few queries instead of one register lookup per account, because the recipients are
  computed inside the publishing transaction and an "everyone" item reaches every resident.

The register is read in bulk and ``occupancy.access.lease_access`` decides per row, so the
eligibility rule stays in one place. Whether the account may still sign in when the
notification is delivered is checked again at delivery.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from backend.accounts.access import ResidentPrincipal
from backend.accounts.tables import ResidentAccount
from backend.core.errors import NotFoundError
from backend.notifications.tables import PushSubscription
from backend.occupancy.access import LeaseAccess, lease_access, record_of, register_columns
from backend.occupancy.tables import Occupant

STARTED = frozenset({LeaseAccess.RESIDENT, LeaseAccess.MAIN_TENANT})
_CHUNK = 500  # ids per IN (...) list


@dataclass(frozen=True, slots=True)
class Eligible:
    """A person in the register with started access to one lease."""

    lease_id: UUID
    identity_code_hmac: str
    access: LeaseAccess


async def _eligible(where: Any, on: date) -> list[Eligible]:
    """Register rows matching ``where`` whose person may use the portal for the lease on
    ``on`` (started homes only); the strongest entry per person and lease."""
    rows = await Occupant.select(*register_columns()).where(
        Occupant.identity_code_hmac.is_not_null(), where
    )
    best: dict[tuple[UUID, str], LeaseAccess] = {}
    for row in rows:
        access = lease_access(row["birth_date"], record_of(row), on)
        if access not in STARTED:
            continue
        key = (row["lease_id"], row["identity_code_hmac"])
        if best.get(key) != LeaseAccess.MAIN_TENANT:
            best[key] = access
    return [Eligible(lease_id, hmac, access) for (lease_id, hmac), access in best.items()]


async def accounts_of(hmacs: Iterable[str]) -> list[UUID]:
    """The resident accounts of these people (a person without an account gets nothing)."""
    codes = sorted(set(hmacs))
    accounts: list[UUID] = []
    for start in range(0, len(codes), _CHUNK):
        rows = await ResidentAccount.select(ResidentAccount.id).where(
            ResidentAccount.identity_code_hmac.is_in(codes[start : start + _CHUNK])
        )
        accounts.extend(row["id"] for row in rows)
    return sorted(accounts)


async def ticket_recipients(lease_id: UUID, on: date) -> list[UUID]:
    """Everyone who sees the home's tickets: the adults of a started home."""
    eligible = await _eligible(Occupant.lease == lease_id, on)
    return await accounts_of(person.identity_code_hmac for person in eligible)


async def thread_recipients(
    lease_id: UUID, started_by: str, *, shared_with_main_tenants: bool, on: date
) -> list[UUID]:
    """Who sees the thread: its starter (while the home is theirs), and the main tenants when
    the category is a matter of the lease itself."""
    eligible = await _eligible(Occupant.lease == lease_id, on)
    return await accounts_of(
        person.identity_code_hmac
        for person in eligible
        if person.identity_code_hmac == started_by
        or (shared_with_main_tenants and person.access == LeaseAccess.MAIN_TENANT)
    )


async def news_recipients(
    audience: str, region_id: UUID | None, property_id: UUID | None, on: date
) -> list[UUID]:
    """The residents who see a news item with this audience on ``on``."""
    lease: Any = Occupant.lease
    if audience == "region":
        where = lease.unit.property.region == region_id
    elif audience == "property":
        where = lease.unit.property == property_id
    else:
        where = Occupant.id.is_not_null()
    eligible = await _eligible(where, on)
    return await accounts_of(person.identity_code_hmac for person in eligible)


async def subscription_for_resident(resident: ResidentPrincipal, subscription_id: UUID) -> None:
    """The resident's own subscription; anyone else's looks like a missing one (404)."""
    if not await PushSubscription.exists().where(
        (PushSubscription.id == subscription_id) & (PushSubscription.account == resident.account_id)
    ):
        raise NotFoundError()
