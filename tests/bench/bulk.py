"""Bulk writes of generated rows: COPY on PostgreSQL, ``executemany`` on SQLite, then ANALYZE
(the planner's statistics, as a database in use would have them)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

BATCH = 5_000

Rows = dict[str, list[dict[str, Any]]]  # table → rows (each with the same keys), FK order


def _batches(rows: list[dict[str, Any]], columns: list[str]) -> Iterator[list[tuple[Any, ...]]]:
    for start in range(0, len(rows), BATCH):
        yield [tuple(row[c] for c in columns) for row in rows[start : start + BATCH]]


async def write_postgres(dsn: str, tables: Rows) -> None:
    import asyncpg

    connection = await asyncpg.connect(dsn)
    try:
        async with connection.transaction():
            for table, rows in tables.items():
                if rows:
                    columns = list(rows[0])
                    for batch in _batches(rows, columns):
                        await connection.copy_records_to_table(
                            table, records=batch, columns=columns
                        )
        await connection.execute("ANALYZE")
    finally:
        await connection.close()


def write_sqlite(path: str, tables: Rows) -> None:
    import piccolo.engine.sqlite  # noqa: F401  (registers Piccolo's adapters on sqlite3)

    connection = sqlite3.connect(path)
    try:
        with connection:
            for table, rows in tables.items():
                if rows:
                    columns = list(rows[0])
                    marks = ", ".join("?" for _ in columns)
                    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
                    for batch in _batches(rows, columns):
                        connection.executemany(sql, batch)
        connection.execute("ANALYZE")
    finally:
        connection.close()
