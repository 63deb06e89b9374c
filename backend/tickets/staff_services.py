"""Defect notifications, the staff side: the queue, assignment, transitions and notes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any, Literal
from uuid import UUID

from piccolo.columns.combination import WhereRaw

from backend.accounts.access import StaffPrincipal
from backend.core import clock
from backend.core.audit import record_event, record_staff_read
from backend.core.db import DB
from backend.notifications import services as notifications
from backend.staff.search import address_with_unit, contains_any, localized_texts, normalized_query
from backend.staff.tables import StaffRegion, StaffUser
from backend.tickets import errors
from backend.tickets.access import TICKET_ROLES, TicketRow, staff_ticket_filter, ticket_for_staff
from backend.tickets.events import add_event
from backend.tickets.schemas import TransitionIn
from backend.tickets.tables import Ticket
from backend.tickets.transitions import OPEN_STATUSES, Status, may_transition
from sync.poke import poke_leases

Sort = Literal["created", "-created", "expected_by", "-expected_by", "updated", "-updated"]
_SORT_COLUMNS = {"created": Ticket.created_at, "expected_by": Ticket.expected_by}


@dataclass(frozen=True)
class QueueFilter:
    statuses: list[Status] | None = None
    category: str | None = None
    property_id: UUID | None = None
    created_before: date | None = None
    assignee_id: UUID | None = None
    unassigned: bool = False
    overdue: bool = False
    number: str | None = None
    q: str | None = None
    sort: Sort = "created"
    limit: int = 50
    offset: int = 0


def _conditions(staff: StaffPrincipal, flt: QueueFilter) -> list[Any]:
    scope = staff_ticket_filter(staff)
    conditions: list[Any] = [] if scope is None else [scope]
    if flt.statuses:
        conditions.append(Ticket.status.is_in(list(flt.statuses)))
    if flt.category:
        conditions.append(Ticket.category == flt.category)
    if flt.property_id:
        conditions.append(Ticket.property == flt.property_id)
    if flt.created_before:
        conditions.append(
            Ticket.created_at < datetime.combine(flt.created_before, time.min, tzinfo=UTC)
        )
    if flt.assignee_id:
        conditions.append(Ticket.assignee == flt.assignee_id)
    if flt.unassigned:
        conditions.append(Ticket.assignee.is_null())
    if flt.overdue:
        conditions.append(Ticket.status.is_in(list(OPEN_STATUSES)))
        conditions.append(Ticket.expected_by < clock.today())
    if flt.number:
        # Numbers are "VI-2026-000123": upper-case letters, digits and dashes only (which
        # also keeps LIKE's wildcards out of the search).
        wanted = re.sub(r"[^A-Z0-9-]", "", flt.number.upper())
        conditions.append(Ticket.number.like(f"%{wanted}%"))
    text = normalized_query(flt.q)
    if text:
        conditions.append(_search(text))
    return conditions


def _search(text: str) -> WhereRaw:
    """The ticket number, or the property's street address (any language) or the home
    ("Kontulantie 5 A 12", "A 12"), contains the text, ignoring case."""
    by_number, number_args = contains_any(['"ticket"."number"'], text)
    by_street, street_args = contains_any(localized_texts("p.street_address"), text)
    by_home, home_args = contains_any(address_with_unit("p", "u"), text)
    # Only constant SQL goes into the string; the text is a parameter.
    sql = (
        f"({by_number}"  # noqa: S608
        f' OR "ticket"."property" IN (SELECT p.id FROM property p WHERE {by_street})'
        f' OR "ticket"."unit" IN (SELECT u.id FROM unit u JOIN property p ON p.id = u.property'
        f" WHERE {by_home}))"
    )
    return WhereRaw(sql, *number_args, *street_args, *home_args)


async def queue(staff: StaffPrincipal, flt: QueueFilter) -> tuple[list[dict[str, Any]], int]:
    """A page of the staff user's queue (their regions), filtered and sorted; and the total."""
    conditions = _conditions(staff, flt)
    prop: Any = Ticket.property
    unit: Any = Ticket.unit
    assignee: Any = Ticket.assignee
    query = Ticket.select(
        *Ticket.all_columns(),
        prop.name.as_alias("property_name"),
        unit.staircase.as_alias("unit_staircase"),
        unit.number.as_alias("unit_number"),
        assignee.name.as_alias("assignee_name"),
    )
    count = Ticket.count()
    for condition in conditions:
        query = query.where(condition)
        count = count.where(condition)
    key = flt.sort.lstrip("-")
    column = _SORT_COLUMNS.get(key, Ticket.updated_at)
    rows = (
        await query.order_by(column, ascending=not flt.sort.startswith("-"))
        .order_by(Ticket.number)
        .limit(flt.limit)
        .offset(flt.offset)
    )
    return rows, await count


async def detail(staff: StaffPrincipal, ticket_id: UUID) -> dict[str, Any]:
    """The whole ticket with the reporter's contact details; the read is audit-logged."""
    row = await ticket_for_staff(staff, ticket_id)
    async with DB.transaction():
        await record_staff_read(
            staff.staff_id,
            entity_type="ticket",
            entity_id=ticket_id,
            what="reporter, contact phone, entry permission, description, photo previews",
        )
    return {**row.values, **await names_of(ticket_id)}


async def record_photo_read(staff: StaffPrincipal, ticket_id: UUID, photo_id: UUID) -> None:
    """Opening a photo in full size leaves a trace: photos show the inside of a home, often
    people and papers. (Thumbnails are not logged: the console shows them only inside the
    ticket detail, whose read is logged already.)"""
    async with DB.transaction():
        await record_event(
            actor_type="staff",
            actor_id=staff.staff_id,
            action="personal_data.read",
            entity_type="ticket",
            entity_id=ticket_id,
            details={"what": "photo", "photoId": str(photo_id)},
        )


async def names_of(ticket_id: UUID) -> dict[str, Any]:
    """What staff views show beside the ticket's own columns."""
    prop: Any = Ticket.property
    unit: Any = Ticket.unit
    assignee: Any = Ticket.assignee
    rows = await Ticket.select(
        prop.name.as_alias("property_name"),
        unit.staircase.as_alias("unit_staircase"),
        unit.number.as_alias("unit_number"),
        assignee.name.as_alias("assignee_name"),
    ).where(Ticket.id == ticket_id)
    result: dict[str, Any] = rows[0] if rows else {}
    return result


async def assign(staff: StaffPrincipal, ticket_id: UUID, assignee_id: UUID | None) -> None:
    row = await ticket_for_staff(staff, ticket_id)
    name = await _assignable(assignee_id, row) if assignee_id else None
    async with DB.transaction():
        await Ticket.update({Ticket.assignee: assignee_id, Ticket.updated_at: clock.now()}).where(
            Ticket.id == ticket_id
        )
        await add_event(
            ticket_id,
            kind="assignment",
            actor_kind="staff",
            actor_id=staff.staff_id,
            actor_name=staff.name,
            visibility="internal",
            text=name,
        )
        await record_event(
            actor_type="staff",
            actor_id=staff.staff_id,
            action="ticket.assign",
            entity_type="ticket",
            entity_id=ticket_id,
            details={"assignee": str(assignee_id) if assignee_id else None},
        )
    await poke_leases([row.values["lease"]], reason="ticket")  # its updatedAt moved


async def _assignable(assignee_id: UUID, row: TicketRow) -> str:
    """The assignee's name, if they work tickets in the ticket's region."""
    users = await StaffUser.select().where(StaffUser.id == assignee_id)
    user = users[0] if users else None
    if user is None or not user["active"]:
        raise errors.InvalidAssigneeError()
    if not ({"admin", *TICKET_ROLES} & set(user["roles"])):
        raise errors.InvalidAssigneeError()
    if not user["all_regions"] and not await StaffRegion.exists().where(
        (StaffRegion.staff_user == assignee_id) & (StaffRegion.region == row.region_id)
    ):
        raise errors.InvalidAssigneeError()
    name: str = user["name"]
    return name


async def transition(staff: StaffPrincipal, ticket_id: UUID, data: TransitionIn) -> None:
    row = await ticket_for_staff(staff, ticket_id)
    current: Any = row.status
    if not may_transition("staff", current, data.to):
        raise errors.InvalidTransitionError()
    now = clock.now()
    changes: dict[Any, Any] = {Ticket.status: data.to, Ticket.updated_at: now}
    if data.to == "scheduled":
        start, end = data.scheduled_start, data.scheduled_end
        if start is None or end is None or end <= start:
            raise errors.ScheduleRequiredError(
                errors=[{"field": "scheduledStart", "message": "required"}]
            )
        changes.update({Ticket.scheduled_start: start, Ticket.scheduled_end: end})
    else:
        changes.update({Ticket.scheduled_start: None, Ticket.scheduled_end: None})
    if data.to == "rejected":
        if not data.reason:
            raise errors.RejectReasonRequiredError(
                errors=[{"field": "reason", "message": "required"}]
            )
        changes[Ticket.reject_reason] = data.reason
    changes[Ticket.closed_at] = now if data.to in ("done", "rejected") else None
    public_text = data.reason if data.to == "rejected" else None
    if data.note and data.visibility == "public":
        public_text = f"{public_text}\n\n{data.note}" if public_text else data.note
    async with DB.transaction():
        # Only if nobody moved it meanwhile (no lost update between staff and resident).
        updated = (
            await Ticket.update(changes)
            .where((Ticket.id == ticket_id) & (Ticket.status == current))
            .returning(Ticket.id)
        )
        if not updated:
            raise errors.InvalidTransitionError()
        await add_event(
            ticket_id,
            kind="status_change",
            actor_kind="staff",
            actor_id=staff.staff_id,
            actor_name=staff.name,
            from_status=current,
            to_status=data.to,
            text=public_text,
        )
        if data.note and data.visibility == "internal":
            await _note(staff, ticket_id, data.note, "internal")
        await notifications.ticket_updated(row.values, data.to)  # the outbox: same transaction
        await record_event(
            actor_type="staff",
            actor_id=staff.staff_id,
            action="ticket.transition",
            entity_type="ticket",
            entity_id=ticket_id,
            details={"from": current, "to": data.to},
        )
    # After the commit: open apps of the household pull the new status at once.
    await poke_leases([row.values["lease"]], reason="ticket")


async def _note(staff: StaffPrincipal, ticket_id: UUID, text: str, visibility: str) -> None:
    await add_event(
        ticket_id,
        kind="comment" if visibility == "public" else "note",
        actor_kind="staff",
        actor_id=staff.staff_id,
        actor_name=staff.name,
        visibility=visibility,
        text=text,
    )


async def comment(staff: StaffPrincipal, ticket_id: UUID, text: str, visibility: str) -> None:
    """A public comment (the resident sees it) or an internal note (staff only)."""
    row = await ticket_for_staff(staff, ticket_id)
    async with DB.transaction():
        await _note(staff, ticket_id, text, visibility)
        await Ticket.update({Ticket.updated_at: clock.now()}).where(Ticket.id == ticket_id)
        if visibility == "public":  # an internal note tells residents nothing
            await notifications.ticket_updated(row.values, row.status)
    await poke_leases([row.values["lease"]], reason="ticket")
