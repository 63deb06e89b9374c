"""Who may see a message thread: the one gate of every path that reads threads.

The rule (residents):
- A thread belongs to one lease. Only a resident whose home it is, and whose lease has
  started, may see it (``home_for``: someone else's lease looks like a missing one).
- The resident who started the thread sees it.
- A thread in a main-tenant-only category (rent, service requests, lease termination — see
  ``categories``) is a matter of the lease itself, so every main tenant of the lease (the
  signatories and co-tenants) sees it too and may answer in it. Threads in the other
  categories stay personal: the spouse or an adult child does not see them.
- Everything else looks exactly like a thread that does not exist (404).

Staff: customer service, lease control and admins, in the region of the thread's property;
outside their regions a thread looks like a missing one (404).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from backend.accounts.access import (
    ResidentPrincipal,
    StaffPrincipal,
    require_region,
    require_staff_role,
)
from backend.core.errors import NotFoundError
from backend.messages.categories import MAIN_TENANT_ONLY, main_tenant_only
from backend.messages.tables import MessageThread
from backend.occupancy.access import Home, LeaseAccess
from backend.staff.access import StaffRole

MESSAGE_STAFF_ROLES = (StaffRole.CUSTOMER_SERVICE, StaffRole.LEASE_CONTROL)


@dataclass(frozen=True, slots=True)
class ThreadRow:
    id: UUID
    lease_id: UUID
    property_id: UUID
    region_id: UUID
    category: str
    subject: str
    status: str
    started_by: str  # identity-code HMAC
    assigned_to: UUID | None
    message_count: int
    staff_unread: int
    staff_read_seq: int
    created_at: datetime
    last_message_at: datetime
    closed_at: datetime | None


_THREAD_COLUMNS: tuple[Any, ...] = (
    MessageThread.id,
    MessageThread.lease.as_alias("lease_id"),
    MessageThread.property.as_alias("property_id"),
    MessageThread.property.region.as_alias("region_id"),
    MessageThread.category,
    MessageThread.subject,
    MessageThread.status,
    MessageThread.started_by,
    MessageThread.assigned_to,
    MessageThread.message_count,
    MessageThread.staff_unread,
    MessageThread.staff_read_seq,
    MessageThread.created_at,
    MessageThread.last_message_at,
    MessageThread.closed_at,
)


def thread_row(row: dict[str, Any]) -> ThreadRow:
    return ThreadRow(**row)


async def load_thread(thread_id: UUID) -> ThreadRow | None:
    row = await MessageThread.select(*_THREAD_COLUMNS).where(MessageThread.id == thread_id).first()
    return thread_row(row) if row else None


async def load_threads(where: Any, *, order_newest_first: bool = True) -> list[ThreadRow]:
    query = MessageThread.select(*_THREAD_COLUMNS).where(where)
    query = query.order_by(MessageThread.last_message_at, ascending=not order_newest_first)
    return [thread_row(row) for row in await query]


def active_home(resident: ResidentPrincipal, lease_id: UUID) -> Home | None:
    """The resident's started home of this lease, if any."""
    for home in resident.homes:
        if home.lease_id == lease_id and home.access != LeaseAccess.BEFORE_START:
            return home
    return None


def resident_sees(resident: ResidentPrincipal, thread: ThreadRow) -> bool:
    home = active_home(resident, thread.lease_id)
    if home is None:
        return False
    if thread.started_by == resident.identity_code_hmac:
        return True
    return main_tenant_only(thread.category) and home.access == LeaseAccess.MAIN_TENANT


def resident_threads_filter(resident: ResidentPrincipal, home: Home) -> Any:
    """The threads of ``home`` the resident sees (the same rule as ``resident_sees``)."""
    mine = (MessageThread.lease == home.lease_id) & (
        MessageThread.started_by == resident.identity_code_hmac
    )
    if home.access != LeaseAccess.MAIN_TENANT:
        return mine
    shared = (MessageThread.lease == home.lease_id) & MessageThread.category.is_in(
        sorted(MAIN_TENANT_ONLY)
    )
    return mine | shared


async def thread_for_resident(resident: ResidentPrincipal, thread_id: UUID) -> ThreadRow:
    thread = await load_thread(thread_id)
    if thread is None or not resident_sees(resident, thread):
        raise NotFoundError()
    return thread


def require_message_staff(staff: StaffPrincipal) -> None:
    require_staff_role(staff, *MESSAGE_STAFF_ROLES)


async def thread_for_staff(staff: StaffPrincipal, thread_id: UUID) -> ThreadRow:
    require_message_staff(staff)
    thread = await load_thread(thread_id)
    if thread is None:
        raise NotFoundError()
    require_region(staff, thread.region_id)
    return thread


def staff_threads_filter(staff: StaffPrincipal) -> Any:
    """The threads in the staff user's regions (every thread for all-region staff)."""
    require_message_staff(staff)
    if staff.all_regions:
        return MessageThread.id.is_not_null()
    regions = sorted(staff.region_ids)
    if not regions:
        return MessageThread.id.is_null()  # matches nothing
    return MessageThread.property.region.is_in(regions)
