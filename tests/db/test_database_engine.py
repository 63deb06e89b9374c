"""The embedded SQLite engine (and PostgreSQL alike): integrity and concurrent writes."""

import asyncio
import uuid
from datetime import date

import pytest
from piccolo.engine.sqlite import SQLiteEngine

from backend.core.db import DB
from backend.occupancy.tables import Occupant
from backend.property.tables import Region

IS_SQLITE = isinstance(DB, SQLiteEngine)


async def test_foreign_keys_are_enforced(db: None) -> None:
    with pytest.raises(Exception, match=r"(?i)foreign key"):
        # A lease that does not exist: the register row must be refused.
        await Occupant(
            id=uuid.uuid4(),
            lease=uuid.uuid4(),
            first_name="Ei",
            last_name="Vuokrasopimusta",
            birth_date=date(1990, 1, 1),
            role="occupant",
            moved_in_on=date(2026, 1, 1),
        ).save()


async def test_concurrent_read_then_write_transactions_lose_no_update(db: None) -> None:
    """64 transactions each read a counter and write it back plus one: every increment lands,
    nobody sees 'database is locked' or a deadlock."""
    region = Region(id=uuid.uuid4(), code="counter", name={"fi": "0"})
    await region.save()

    async def increment() -> None:
        async with DB.transaction():
            if not IS_SQLITE:
                await DB.run_ddl(f"SELECT 1 FROM region WHERE id = '{region.id}' FOR UPDATE")
            row = (
                await Region.select(Region.name)
                .where(Region.id == region.id)
                .first()
                .output(load_json=True)
            )
            assert row is not None
            value = int(row["name"]["fi"])
            await Region.update({Region.name: {"fi": str(value + 1)}}).where(Region.id == region.id)

    await asyncio.gather(*(increment() for _ in range(64)))
    row = (
        await Region.select(Region.name)
        .where(Region.id == region.id)
        .first()
        .output(load_json=True)
    )
    assert row is not None
    assert row["name"] == {"fi": "64"}


async def test_a_failed_transaction_rolls_back_and_frees_the_writer(db: None) -> None:
    with pytest.raises(RuntimeError):
        async with DB.transaction():
            await Region(id=uuid.uuid4(), code="rolled-back", name={}).save()
            raise RuntimeError("boom")
    assert not await Region.exists().where(Region.code == "rolled-back")
    await Region(id=uuid.uuid4(), code="after", name={}).save()
    assert await Region.exists().where(Region.code == "after")


async def test_reads_run_while_a_write_transaction_is_open(db: None) -> None:
    await Region(id=uuid.uuid4(), code="visible", name={}).save()
    started = asyncio.Event()
    release = asyncio.Event()

    async def long_writer() -> None:
        async with DB.transaction():
            await Region(id=uuid.uuid4(), code="uncommitted", name={}).save()
            started.set()
            await release.wait()

    writer = asyncio.create_task(long_writer())
    await started.wait()
    codes = {row["code"] for row in await Region.select(Region.code)}
    release.set()
    await writer
    assert codes == {"visible"}  # committed rows only, and the read did not wait


@pytest.mark.skipif(not IS_SQLITE, reason="SQLite only")
async def test_sqlite_runs_in_wal_mode_with_foreign_keys(db: None) -> None:
    assert (await DB.run_ddl("PRAGMA journal_mode"))[0]["journal_mode"] == "wal"
    async with DB.transaction():
        rows = await DB.run_ddl("PRAGMA foreign_keys")
    assert rows[0]["foreign_keys"] == 1
