"""Ticket numbers: ``VI-<year>-<at least 6 digits>``, counting from 1 each year.

On PostgreSQL each year has its own sequence, ``ticket_number_<year>``: ``nextval`` takes no
row lock, so concurrent filings never queue behind each other's commits (a counter row did:
every filing waited for the one before it to commit, ~90 % of the time under load). The
filing takes its number in its own INSERT (tickets.filing); a filing that rolls back, or
finds its ticket filed already (a retried upload), leaves a gap: the numbers are
references, not a ledger. The sequence is created on first use in a year, continuing
from the year's counter row if tickets were numbered by the row before. SQLite serializes
writers anyway and keeps using the counter row (``ticket_number_sequence``), numbering as
the filing's last step.
"""

from __future__ import annotations

import uuid
from uuid import UUID

from piccolo.engine.postgres import PostgresEngine

from backend.core.db import DB
from backend.tickets.tables import Ticket, TicketNumberSequence

# PostgreSQL, as SQL fragments with the ORM's ``{}`` placeholders: the number made of the
# year and ``n``, the next value of the year's sequence, which NEXT_IN_SEQUENCE selects.
NUMBER_OF_N = "'VI-' || {} || '-' || lpad(n::text, greatest(6, length(n::text)), '0')"
NEXT_IN_SEQUENCE = "(SELECT nextval({}::regclass) AS n) AS next"

# Constant fragments, every value a bound parameter (hence the noqa).
_NUMBER_FROM_SEQUENCE = (
    "UPDATE ticket SET number = "  # noqa: S608
    + NUMBER_OF_N
    + " FROM "
    + NEXT_IN_SEQUENCE
    + " WHERE ticket.id = {}"
)

# Idempotent and safe when several processes start the year at once: the advisory lock
# makes the second wait, and then it finds the sequence there.
_ENSURE_SEQUENCE = """
DO $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('ticket_number_{year}'));
    IF to_regclass('ticket_number_{year}') IS NULL THEN
        CREATE SEQUENCE ticket_number_{year};
        PERFORM setval('ticket_number_{year}', last_number)
        FROM ticket_number_sequence WHERE year = {year} AND last_number > 0;
    END IF;
END $$
"""

_years_ready: set[int] = set()  # the sequences this process has seen exist


async def _prepare_year(engine: PostgresEngine, year: int) -> None:
    """Creates the year's sequence if need be, on a connection of its own: committed at
    once, whatever becomes of the filing that needed it."""
    if year in _years_ready:
        return
    # Not from the pool: every pooled connection may be in a filing waiting for this.
    connection = await engine.get_new_connection()
    try:
        await connection.execute(_ENSURE_SEQUENCE.format(year=int(year)))
    finally:
        await connection.close()
    _years_ready.add(year)


def numbered_by_sequence() -> bool:
    """PostgreSQL: a sequence per year (SQLite: the counter row, by ``number_ticket``)."""
    return isinstance(DB, PostgresEngine)


async def year_sequence(year: int) -> str:
    """The year's sequence (created on first use), for ``nextval`` in the filing itself."""
    assert isinstance(DB, PostgresEngine)
    await _prepare_year(DB, year)
    return f"ticket_number_{int(year)}"


async def number_ticket(ticket_id: UUID, year: int) -> None:
    """Gives the ticket its number: inside the filing's transaction, after its insert."""
    if numbered_by_sequence():
        sequence = await year_sequence(year)
        await Ticket.raw(_NUMBER_FROM_SEQUENCE, str(year), sequence, ticket_id)
        return
    counter_id = uuid.uuid5(uuid.NAMESPACE_OID, f"ticket-number:{year}")
    rows = await TicketNumberSequence.raw(
        "INSERT INTO ticket_number_sequence (id, year, last_number) VALUES ({}, {}, 1) "
        "ON CONFLICT (year) DO UPDATE "
        "SET last_number = ticket_number_sequence.last_number + 1 RETURNING last_number",
        str(counter_id),
        year,
    )
    number = f"VI-{year}-{rows[0]['last_number']:06d}"
    await Ticket.update({Ticket.number: number}).where(Ticket.id == ticket_id)
