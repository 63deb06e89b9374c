"""Ticket numbers: per year from 1, at least six digits, unique under concurrent filing, and
continuing from the year's counter row where tickets were numbered by it before."""

from __future__ import annotations

import asyncio
import uuid

from backend.core.db import DB
from backend.tickets import numbers
from backend.tickets.tables import Ticket, TicketNumberSequence
from tests.support.world import World
from tests.tickets.conftest import file_ticket


async def _renumber(ticket_id: str, year: int) -> str:
    async with DB.transaction():
        await numbers.number_ticket(uuid.UUID(ticket_id), year)
    [row] = await Ticket.select(Ticket.number).where(Ticket.id == ticket_id)
    return str(row["number"])


async def test_a_year_starts_at_one_and_counts_up(world: World) -> None:
    ticket = await file_ticket(world.clients["main"], world.ids["L1"])
    assert await _renumber(ticket["id"], 2042) == "VI-2042-000001"
    assert await _renumber(ticket["id"], 2042) == "VI-2042-000002"


async def test_a_year_continues_from_its_counter_row(world: World) -> None:
    for year, last in ((2041, 41), (2043, 999_999)):
        await TicketNumberSequence.insert(
            TicketNumberSequence(id=uuid.uuid4(), year=year, last_number=last)
        )
    ticket = await file_ticket(world.clients["main"], world.ids["L1"])
    assert await _renumber(ticket["id"], 2041) == "VI-2041-000042"
    assert await _renumber(ticket["id"], 2043) == "VI-2043-1000000"  # never cut to six


async def test_concurrent_filings_get_distinct_consecutive_numbers(world: World) -> None:
    main = world.clients["main"]
    filed = await asyncio.gather(*(file_ticket(main, world.ids["L1"]) for _ in range(12)))
    serials = sorted(int(ticket["number"].rsplit("-", 1)[1]) for ticket in filed)
    assert serials == list(range(1, 13))
