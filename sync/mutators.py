"""The mutators of the push endpoint: each one the same service call, behind the same
access gate, as the REST route that does the same thing.

Arguments are the REST body plus the ids the REST route takes from its path
(``ticketId``, ``leaseId``, ``threadId``, ``newsId``), validated with ``msgspec.convert``
into subclasses of the REST input structs (``sync.mutator_args``). A
``msgspec.ValidationError`` is a permanent rejection, like any ``DomainError`` with a 4xx
status.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import msgspec

from backend.accounts import profile
from backend.accounts.access import ResidentPrincipal
from backend.core.errors import InvalidInputError
from backend.messages import services as messages
from backend.messages.access import thread_for_resident
from backend.news import services as news
from backend.occupancy import services as occupancy
from backend.occupancy.schemas import OccupantChangeIn
from backend.tickets import services as tickets
from sync import blobs
from sync.mutator_args import (
    AddTicketCommentArgs,
    AddTicketPhotoArgs,
    CancelTicketArgs,
    CreateTicketArgs,
    LeaseArgs,
    MarkNewsReadArgs,
    MarkThreadReadArgs,
    NewThreadArgs,
    RateTicketArgs,
    ReopenTicketArgs,
    ReplyArgs,
    UpdateProfileArgs,
)

Args = dict[str, Any]
Mutator = Callable[[ResidentPrincipal, Args], Awaitable[None]]


class UnknownMutatorError(InvalidInputError):
    code = "sync-unknown-mutator"


async def create_ticket(resident: ResidentPrincipal, args: Args) -> None:
    data = msgspec.convert(args, CreateTicketArgs)
    await tickets.create_ticket(resident, data)
    for sha256 in data.photos:
        await blobs.attach_photo(resident, data.id, sha256)


async def add_ticket_photo(resident: ResidentPrincipal, args: Args) -> None:
    data = msgspec.convert(args, AddTicketPhotoArgs)
    await blobs.attach_photo(resident, data.ticket_id, data.sha256)


async def add_ticket_comment(resident: ResidentPrincipal, args: Args) -> None:
    data = msgspec.convert(args, AddTicketCommentArgs)
    await tickets.comment(resident, data.ticket_id, data.text)


async def cancel_ticket(resident: ResidentPrincipal, args: Args) -> None:
    data = msgspec.convert(args, CancelTicketArgs)
    await tickets.cancel(resident, data.ticket_id, data.reason)


async def rate_ticket(resident: ResidentPrincipal, args: Args) -> None:
    data = msgspec.convert(args, RateTicketArgs)
    await tickets.rate(resident, data.ticket_id, data.stars, data.comment)


async def reopen_ticket(resident: ResidentPrincipal, args: Args) -> None:
    data = msgspec.convert(args, ReopenTicketArgs)
    await tickets.reopen(resident, data.ticket_id, data.reason)


async def send_message(resident: ResidentPrincipal, args: Args) -> None:
    """A reply (``threadId``) or a new thread (``leaseId``, category and subject)."""
    if "threadId" in args:
        reply = msgspec.convert(args, ReplyArgs)
        thread = await thread_for_resident(resident, reply.thread_id)
        await messages.post_resident_message(resident, thread, reply.body, reply.id)
        return
    data = msgspec.convert(args, NewThreadArgs)
    await messages.create_thread(
        resident,
        data.lease_id,
        category=data.category,
        subject=data.subject,
        body=data.body,
        thread_id=data.id,
    )


async def mark_news_read(resident: ResidentPrincipal, args: Args) -> None:
    data = msgspec.convert(args, MarkNewsReadArgs)
    await news.mark_read(resident, data.news_id)


async def mark_thread_read(resident: ResidentPrincipal, args: Args) -> None:
    data = msgspec.convert(args, MarkThreadReadArgs)
    thread = await thread_for_resident(resident, data.thread_id)
    await messages.mark_read_by_resident(resident, thread)


async def update_profile(resident: ResidentPrincipal, args: Args) -> None:
    data = msgspec.convert(args, UpdateProfileArgs)
    await profile.update_profile(
        resident.account_id,
        email=data.email,
        phone=data.phone,
        language=data.language,
        **profile.preference_changes(data.notification_preferences),
    )


async def report_occupant_change(resident: ResidentPrincipal, args: Args) -> None:
    lease_id = msgspec.convert({"leaseId": args.get("leaseId")}, LeaseArgs).lease_id
    change = {name: value for name, value in args.items() if name != "leaseId"}
    data = msgspec.convert(change, OccupantChangeIn)
    await occupancy.report_change(resident, lease_id, data)


MUTATORS: dict[str, Mutator] = {
    "createTicket": create_ticket,
    "addTicketComment": add_ticket_comment,
    "addTicketPhoto": add_ticket_photo,
    "cancelTicket": cancel_ticket,
    "rateTicket": rate_ticket,
    "reopenTicket": reopen_ticket,
    "sendMessage": send_message,
    "markNewsRead": mark_news_read,
    "markThreadRead": mark_thread_read,
    "updateProfile": update_profile,
    "reportOccupantChange": report_occupant_change,
}


def mutator(name: str) -> Mutator:
    found = MUTATORS.get(name)
    if found is None:
        raise UnknownMutatorError(name=name)
    return found
