"""Piccolo's stock SQLite engine and ours (``EmbeddedSQLiteEngine``), side by side, on the
same kind of file, in-process: operations per second for each and the ratio (part of
``make bench``).
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

from piccolo.engine.sqlite import SQLiteEngine

from backend.core.sqlite_engine import EmbeddedSQLiteEngine

CLIENTS = 16
OPERATIONS = 800


async def _prepare(engine: SQLiteEngine) -> None:
    await engine.run_ddl(
        "CREATE TABLE IF NOT EXISTS bench (id TEXT PRIMARY KEY, n INTEGER, body TEXT)"
    )
    async with engine.transaction():
        for n in range(200):
            await engine.run_ddl(f"INSERT INTO bench VALUES ('{uuid.uuid4()}', {n}, 'row {n}')")


async def _measure(operation: Callable[[], Awaitable[object]]) -> float:
    remaining = OPERATIONS

    async def client() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await operation()

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(CLIENTS)))
    return OPERATIONS / (time.perf_counter() - started)


async def _run(engine: SQLiteEngine) -> dict[str, float]:
    await _prepare(engine)

    async def read() -> object:
        return await engine.run_ddl("SELECT id, n, body FROM bench ORDER BY n LIMIT 20")

    async def write() -> object:
        row_id = uuid.uuid4()
        return await engine.run_ddl(f"INSERT INTO bench VALUES ('{row_id}', -1, 'new')")

    results = {"read 20 rows": await _measure(read), "insert one row": await _measure(write)}
    if isinstance(engine, EmbeddedSQLiteEngine):
        await engine.close_connection_pool()
    return results


async def compare(folder: Path) -> dict[str, tuple[float, float]]:
    """``{operation: (stock ops/s, embedded ops/s)}``, printed as a table too."""
    stock = SQLiteEngine(path=str(folder / "stock.sqlite3"), timeout=30)
    ours = EmbeddedSQLiteEngine(path=str(folder / "embedded.sqlite3"))
    await stock.run_ddl("PRAGMA journal_mode = WAL")
    stock_results = await _run(stock)
    our_results = await _run(ours)
    print(f"{CLIENTS} concurrent clients, {OPERATIONS} operations each measurement (ops/s)")
    print(f"{'operation':<16} {'stock engine':>14} {'embedded engine':>16} {'ratio':>7}")
    for name, stock_rate in stock_results.items():
        rate = our_results[name]
        print(f"{name:<16} {stock_rate:>14.0f} {rate:>16.0f} {rate / stock_rate:>6.1f}x")
    return {name: (rate, our_results[name]) for name, rate in stock_results.items()}
