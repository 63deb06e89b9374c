"""Reading the audit log (its writes are ``backend.core.audit``, inside each service's own
transaction). Reading it is itself recorded: the log names residents and what staff read."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from backend.accounts.access import StaffPrincipal
from backend.audit.access import require_audit_reader
from backend.core.audit import record_event
from backend.core.db import DB
from backend.core.errors import InvalidInputError
from backend.core.tables import AuditEvent
from backend.occupancy.names import resident_names
from backend.staff.tables import StaffUser


@dataclass(frozen=True)
class AuditFilter:
    actor_id: UUID | None = None
    actor_type: str | None = None
    action: str | None = None
    entity_type: str | None = None
    entity_id: UUID | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    limit: int = 50
    offset: int = 0


def _conditions(flt: AuditFilter) -> list[Any]:
    if flt.since and flt.until and flt.since >= flt.until:
        raise InvalidInputError("problem.audit-range.detail", errors=[{"field": "from"}])
    conditions: list[Any] = []
    if flt.actor_id:
        conditions.append(AuditEvent.actor_id == flt.actor_id)
    if flt.actor_type:
        conditions.append(AuditEvent.actor_type == flt.actor_type)
    if flt.action:
        conditions.append(AuditEvent.action == flt.action)
    if flt.entity_type:
        conditions.append(AuditEvent.entity_type == flt.entity_type)
    if flt.entity_id:
        conditions.append(AuditEvent.entity_id == flt.entity_id)
    if flt.since:
        conditions.append(AuditEvent.at >= flt.since)
    if flt.until:
        conditions.append(AuditEvent.at < flt.until)
    return conditions


async def audit_page(staff: StaffPrincipal, flt: AuditFilter) -> tuple[list[dict[str, Any]], int]:
    """A page of events, newest first, with the actors' names; and the total."""
    require_audit_reader(staff)
    query = AuditEvent.select().output(load_json=True)
    count = AuditEvent.count()
    for condition in _conditions(flt):
        query = query.where(condition)
        count = count.where(condition)
    rows: list[dict[str, Any]] = await (
        query.order_by(AuditEvent.at, ascending=False)
        .order_by(AuditEvent.id, ascending=False)
        .limit(flt.limit)
        .offset(flt.offset)
    )
    total = await count
    names = await _actor_names(rows)
    async with DB.transaction():
        await record_event(
            actor_type="staff",
            actor_id=staff.staff_id,
            action="audit_log.read",
            details={
                key: str(value) for key, value in asdict(flt).items() if value not in (None, "")
            },
        )
    return [
        {**row, "actor_name": names.get((row["actor_type"], row["actor_id"]))} for row in rows
    ], total


async def _actor_names(rows: list[dict[str, Any]]) -> dict[tuple[str, UUID], str]:
    """Names of the page's actors: three small queries, whatever the page's size."""
    staff_ids = {r["actor_id"] for r in rows if r["actor_type"] == "staff" and r["actor_id"]}
    account_ids = {r["actor_id"] for r in rows if r["actor_type"] == "resident" and r["actor_id"]}
    names: dict[tuple[str, UUID], str] = {}
    if staff_ids:
        for row in await StaffUser.select(StaffUser.id, StaffUser.name).where(
            StaffUser.id.is_in(list(staff_ids))
        ):
            names[("staff", row["id"])] = row["name"]
    for account_id, name in (await resident_names(account_ids)).items():
        names[("resident", account_id)] = name
    return names
