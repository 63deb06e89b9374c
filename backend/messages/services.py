"""Writes of the messages feature: threads, messages, read state, closing, assignment.

Status rules: a resident's message (the first one too) makes the thread ``open``; a staff
reply makes it ``answered``; staff, or the resident who started it, may close it; a closed
thread takes no more messages (the resident starts a new one). Every write runs in one
transaction; appending bumps the thread's counter with an UPDATE that also checks the thread
is not closed, so two concurrent writers get consecutive numbers and a message can never
land in a closed thread.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from backend.accounts.access import ResidentPrincipal, StaffPrincipal, home_for
from backend.core import clock
from backend.core.audit import record_event, record_staff_read
from backend.core.db import DB
from backend.core.errors import AccessDeniedError, ConflictError, InvalidInputError
from backend.messages.access import MESSAGE_STAFF_ROLES, ThreadRow
from backend.messages.categories import MessageCategory, ThreadStatus, main_tenant_only
from backend.messages.tables import MessageThread, ThreadMessage, ThreadReadMark
from backend.notifications import services as notifications
from backend.occupancy.access import Home
from backend.staff.tables import StaffRegion, StaffUser
from sync.poke import poke_leases

RESIDENT = "resident"
STAFF = "staff"


class ThreadClosedError(ConflictError):
    code = "thread-closed"


class CloseNotStarterError(AccessDeniedError):
    code = "thread-close-not-starter"


class EmptyMessageError(InvalidInputError):
    code = "message-empty"


class UnknownStaffError(InvalidInputError):
    code = "unknown-staff"


class MessageIdTakenError(ConflictError):
    code = "message-id-taken"


@dataclass(frozen=True, slots=True)
class Author:
    kind: str
    ref: str  # a resident's identity-code HMAC, or a staff user's id
    name: str


def resident_author(resident: ResidentPrincipal) -> Author:
    return Author(
        RESIDENT, resident.identity_code_hmac, f"{resident.first_name} {resident.last_name}"
    )


def staff_author(staff: StaffPrincipal) -> Author:
    return Author(STAFF, str(staff.staff_id), staff.name)


def _clean(text: str) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise EmptyMessageError()
    return cleaned


async def _append(
    thread_id: UUID,
    author: Author,
    body: str,
    status: ThreadStatus,
    message_id: UUID | None = None,
) -> int:
    """Adds a message to an open thread; returns its seq. Call inside a transaction."""
    now = clock.now()
    values: dict[Any, Any] = {
        MessageThread.message_count: MessageThread.message_count + 1,
        MessageThread.status: status.value,
        MessageThread.last_message_at: now,
    }
    if author.kind == STAFF:
        values[MessageThread.staff_unread] = 0
        values[MessageThread.staff_read_seq] = MessageThread.message_count + 1
    else:
        values[MessageThread.staff_unread] = MessageThread.staff_unread + 1
    updated = (
        await MessageThread.update(values)
        .where(
            (MessageThread.id == thread_id) & (MessageThread.status != ThreadStatus.CLOSED.value)
        )
        .returning(MessageThread.message_count)
    )
    if not updated:
        raise ThreadClosedError()
    seq = int(updated[0]["message_count"])
    await ThreadMessage.insert(
        ThreadMessage(
            id=message_id or uuid.uuid4(),
            thread=thread_id,
            seq=seq,
            author_kind=author.kind,
            author_ref=author.ref,
            author_name=author.name[:200],
            body=body,
            created_at=now,
        )
    )
    if author.kind == RESIDENT:
        await _mark_read(thread_id, author.ref, seq)
    return seq


def read_mark_id(thread_id: UUID, person: str) -> UUID:
    """One id per (thread, person), so that demo data and the API never make two marks."""
    return uuid.uuid5(thread_id, person)


async def _mark_read(thread_id: UUID, person: str, seq: int) -> None:
    await ThreadReadMark.insert(
        ThreadReadMark(
            id=read_mark_id(thread_id, person),
            thread=thread_id,
            person=person,
            read_seq=seq,
            pair_key=f"{thread_id}:{person}",
        )
    ).on_conflict(
        target=ThreadReadMark.pair_key, action="DO UPDATE", values=[ThreadReadMark.read_seq]
    )


async def _replayed(message_id: UUID | None, thread_id: UUID, author: Author, body: str) -> bool:
    """True when this exact message was already stored (an offline client sending its
    outbox again); a different message under the same id is a conflict."""
    if message_id is None:
        return False
    row = (
        await ThreadMessage.select(
            ThreadMessage.thread,
            ThreadMessage.author_kind,
            ThreadMessage.author_ref,
            ThreadMessage.body,
        )
        .where(ThreadMessage.id == message_id)
        .first()
    )
    if row is None:
        return False
    same = (row["thread"], row["author_kind"], row["author_ref"], row["body"])
    if same != (thread_id, author.kind, author.ref, body):
        raise MessageIdTakenError()
    return True


async def _thread_replayed(
    thread_id: UUID, resident: ResidentPrincipal, home: Home, key: tuple[str, str, str]
) -> bool:
    thread = (
        await MessageThread.select(
            MessageThread.lease,
            MessageThread.started_by,
            MessageThread.category,
            MessageThread.subject,
        )
        .where(MessageThread.id == thread_id)
        .first()
    )
    if thread is None:
        return False
    first = (
        await ThreadMessage.select(ThreadMessage.body)
        .where((ThreadMessage.thread == thread_id) & (ThreadMessage.seq == 1))
        .first()
    )
    stored = (thread["category"], thread["subject"], first["body"] if first else "")
    mine = (thread["lease"], thread["started_by"]) == (home.lease_id, resident.identity_code_hmac)
    if not mine or stored != key:
        raise MessageIdTakenError()
    return True


async def create_thread(
    resident: ResidentPrincipal,
    lease_id: UUID,
    *,
    category: MessageCategory,
    subject: str,
    body: str,
    thread_id: UUID | None = None,
) -> tuple[UUID, bool]:
    """A new thread with its first message, about the resident's home ``lease_id`` (lease
    matters need main-tenant rights); returns its id and whether it was created now. A
    client may choose the id (offline drafts keep theirs): sending the same thread again
    creates nothing."""
    home = home_for(resident, lease_id, main_tenant=main_tenant_only(category))
    subject, body = _clean(subject), _clean(body)
    now = clock.now()
    async with DB.transaction():
        if thread_id is not None and await _thread_replayed(
            thread_id, resident, home, (category.value, subject, body)
        ):
            return thread_id, False
        thread_id = thread_id or uuid.uuid4()
        await MessageThread.insert(
            MessageThread(
                id=thread_id,
                lease=home.lease_id,
                property=home.property_id,
                category=category.value,
                subject=subject,
                status=ThreadStatus.OPEN.value,
                started_by=resident.identity_code_hmac,
                message_count=0,
                staff_unread=0,
                staff_read_seq=0,
                created_at=now,
                last_message_at=now,
            )
        )
        await _append(thread_id, resident_author(resident), body, ThreadStatus.OPEN)
        await record_event(
            actor_type=RESIDENT,
            actor_id=resident.account_id,
            action="message_thread.created",
            entity_type="message_thread",
            entity_id=thread_id,
            details={"category": category.value, "leaseId": str(home.lease_id)},
        )
    return thread_id, True


async def post_resident_message(
    resident: ResidentPrincipal, thread: ThreadRow, body: str, message_id: UUID | None = None
) -> bool:
    """Adds the resident's message; False when this very message was stored before."""
    body, author = _clean(body), resident_author(resident)
    async with DB.transaction():
        if await _replayed(message_id, thread.id, author, body):
            return False
        await _append(thread.id, author, body, ThreadStatus.OPEN, message_id)
    return True


async def mark_read_by_resident(resident: ResidentPrincipal, thread: ThreadRow) -> None:
    async with DB.transaction():
        await _mark_read(thread.id, resident.identity_code_hmac, thread.message_count)


async def close_by_resident(resident: ResidentPrincipal, thread: ThreadRow) -> None:
    if thread.started_by != resident.identity_code_hmac:
        raise CloseNotStarterError()
    await _close(thread.id, RESIDENT, resident.account_id)


async def close_by_staff(staff: StaffPrincipal, thread: ThreadRow) -> None:
    await _close(thread.id, STAFF, staff.staff_id)
    await poke_leases([thread.lease_id], reason="message")


async def _close(thread_id: UUID, actor_kind: str, actor_id: UUID) -> None:
    async with DB.transaction():
        updated = (
            await MessageThread.update(
                {
                    MessageThread.status: ThreadStatus.CLOSED.value,
                    MessageThread.closed_at: clock.now(),
                    MessageThread.closed_by_kind: actor_kind,
                }
            )
            .where(
                (MessageThread.id == thread_id)
                & (MessageThread.status != ThreadStatus.CLOSED.value)
            )
            .returning(MessageThread.id)
        )
        if not updated:
            raise ThreadClosedError()
        await record_event(
            actor_type=actor_kind,
            actor_id=actor_id,
            action="message_thread.closed",
            entity_type="message_thread",
            entity_id=thread_id,
        )


async def staff_reply(
    staff: StaffPrincipal, thread: ThreadRow, body: str, message_id: UUID | None = None
) -> bool:
    """Adds a staff reply; False when this very reply was stored before."""
    body, author = _clean(body), staff_author(staff)
    async with DB.transaction():
        if await _replayed(message_id, thread.id, author, body):
            return False
        seq = await _append(thread.id, author, body, ThreadStatus.ANSWERED, message_id)
        await record_event(
            actor_type=STAFF,
            actor_id=staff.staff_id,
            action="message_thread.replied",
            entity_type="message_thread",
            entity_id=thread.id,
            details={"seq": seq},
        )
        await notifications.message_replied(  # the outbox: same transaction
            thread.id,
            thread.lease_id,
            thread.started_by,
            shared_with_main_tenants=main_tenant_only(thread.category),
        )
    await poke_leases([thread.lease_id], reason="message")
    return True


async def open_by_staff(staff: StaffPrincipal, thread: ThreadRow) -> None:
    """A staff user opens the thread: audit-logged, and the shared inbox counts it read."""
    async with DB.transaction():
        await MessageThread.update(
            {MessageThread.staff_unread: 0, MessageThread.staff_read_seq: thread.message_count}
        ).where(
            (MessageThread.id == thread.id) & (MessageThread.message_count == thread.message_count)
        )
        await record_staff_read(
            staff.staff_id, entity_type="message_thread", entity_id=thread.id, what="thread"
        )


async def record_attachment_read(staff: StaffPrincipal, attachment_id: UUID) -> None:
    async with DB.transaction():
        await record_staff_read(
            staff.staff_id,
            entity_type="message_attachment",
            entity_id=attachment_id,
            what="attachment",
        )


async def assign(staff: StaffPrincipal, thread: ThreadRow, assignee_id: UUID | None) -> None:
    """Assign to a staff user who handles messages in the thread's region (or nobody)."""
    if assignee_id is not None and not await _handles_messages_in(assignee_id, thread.region_id):
        raise UnknownStaffError()
    async with DB.transaction():
        await MessageThread.update({MessageThread.assigned_to: assignee_id}).where(
            MessageThread.id == thread.id
        )
        await record_event(
            actor_type=STAFF,
            actor_id=staff.staff_id,
            action="message_thread.assigned",
            entity_type="message_thread",
            entity_id=thread.id,
            details={"assignee": str(assignee_id) if assignee_id else None},
        )


async def _handles_messages_in(staff_id: UUID, region_id: UUID) -> bool:
    row = (
        await StaffUser.select(StaffUser.roles, StaffUser.all_regions, StaffUser.active)
        .where(StaffUser.id == staff_id)
        .first()
    )
    if row is None or not row["active"]:
        return False
    roles = set(row["roles"] or [])
    if "admin" not in roles and not roles & {role.value for role in MESSAGE_STAFF_ROLES}:
        return False
    if row["all_regions"]:
        return True
    return await StaffRegion.exists().where(
        (StaffRegion.staff_user == staff_id) & (StaffRegion.region == region_id)
    )
