"""SQLite for the embedded default: persistent connections, one serialized writer.

Piccolo's stock SQLite engine opens a connection (and a thread) for every query, and its
concurrent ``BEGIN`` writers sleep in SQLite's busy handler, so latency explodes under
load. Here readers share a small pool of persistent read-only connections (WAL lets them
read while a write runs) and every write, with or without a transaction, goes through one
persistent connection guarded by an in-process lock: writes queue in order and cannot
deadlock. Transactions always ``BEGIN IMMEDIATE`` so a read-then-write never upgrades a
lock. Several *processes* on one file still work, through the busy timeout.
"""

from __future__ import annotations

import asyncio
import weakref
from dataclasses import dataclass, field
from typing import Any

import aiosqlite
from piccolo.engine.sqlite import SQLiteEngine, SQLiteTransaction, TransactionType, dict_factory
from piccolo.querystring import QueryString

_READ_PREFIXES = ("SELECT", "PRAGMA TABLE_INFO", "EXPLAIN")


@dataclass
class _LoopState:
    """Connections and the write lock belong to one event loop."""

    write_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    writer: aiosqlite.Connection | None = None
    idle_readers: list[aiosqlite.Connection] = field(default_factory=list)
    reader_count: int = 0
    reader_released: asyncio.Condition = field(default_factory=asyncio.Condition)


class EmbeddedSQLiteEngine(SQLiteEngine):
    def __init__(self, path: str, readers: int = 4, busy_timeout_ms: int = 10_000) -> None:
        super().__init__(path=path, timeout=busy_timeout_ms / 1000)
        self.max_readers = max(1, readers)
        self.busy_timeout_ms = busy_timeout_ms
        self._states: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _LoopState] = (
            weakref.WeakKeyDictionary()
        )

    def _state(self) -> _LoopState:
        loop = asyncio.get_running_loop()
        state = self._states.get(loop)
        if state is None:
            state = self._states[loop] = _LoopState()
        return state

    async def _open(self, *, read_only: bool) -> aiosqlite.Connection:
        connection = await aiosqlite.connect(**self.connection_kwargs)
        connection.row_factory = dict_factory  # type: ignore[assignment]
        pragmas = [
            f"PRAGMA busy_timeout = {self.busy_timeout_ms}",
            "PRAGMA foreign_keys = ON",
            "PRAGMA synchronous = NORMAL",
            "PRAGMA query_only = ON" if read_only else "PRAGMA journal_mode = WAL",
        ]
        for pragma in pragmas:
            # Fetch every result: an unfinished statement would keep holding its lock.
            await self._execute(connection, pragma, [])
        return connection

    async def writer(self) -> aiosqlite.Connection:
        state = self._state()
        if state.writer is None:
            state.writer = await self._open(read_only=False)
        return state.writer

    async def _acquire_reader(self) -> aiosqlite.Connection:
        state = self._state()
        async with state.reader_released:
            while not state.idle_readers and state.reader_count >= self.max_readers:
                await state.reader_released.wait()
            if state.idle_readers:
                return state.idle_readers.pop()
            state.reader_count += 1
        try:
            return await self._open(read_only=True)
        except BaseException:
            async with state.reader_released:
                state.reader_count -= 1
                state.reader_released.notify()
            raise

    async def _release_reader(self, connection: aiosqlite.Connection) -> None:
        state = self._state()
        async with state.reader_released:
            state.idle_readers.append(connection)
            state.reader_released.notify()

    async def _execute(self, connection: aiosqlite.Connection, sql: str, args: list[Any]) -> Any:
        async with connection.execute(sql, args) as cursor:
            return await cursor.fetchall()

    async def run_querystring(self, querystring: QueryString, in_pool: bool = False) -> Any:
        query_id = self.get_query_id()
        if self.log_queries:
            self.print_query(query_id=query_id, query=querystring.__str__())
        sql, args = querystring.compile_string(engine_type=self.engine_type)
        response = await self._run(sql, args)
        if self.log_responses:
            self.print_response(query_id=query_id, response=response)
        return response

    async def run_ddl(self, ddl: str, in_pool: bool = False) -> Any:
        if self.log_queries:
            self.print_query(query_id=self.get_query_id(), query=ddl)
        return await self._run(ddl, [])

    async def _run(self, sql: str, args: list[Any]) -> Any:
        transaction = self.current_transaction.get()
        if transaction is not None:
            return await self._execute(transaction.connection, sql, args)
        if sql.lstrip().upper().startswith(_READ_PREFIXES):
            reader = await self._acquire_reader()
            try:
                return await self._execute(reader, sql, args)
            finally:
                await self._release_reader(reader)
        state = self._state()
        async with state.write_lock:
            return await self._execute(await self.writer(), sql, args)

    def transaction(
        self,
        transaction_type: TransactionType = TransactionType.immediate,
        allow_nested: bool = True,
    ) -> SQLiteTransaction:
        return _SerializedTransaction(self, allow_nested=allow_nested)

    async def start_connection_pool(self, **_: Any) -> None:
        await self.writer()

    async def close_connection_pool(self) -> None:
        """Close this loop's connections (on shutdown, and between tests' event loops)."""
        loop = asyncio.get_running_loop()
        state = self._states.pop(loop, None)
        if state is None:
            return
        connections = [*state.idle_readers, *([state.writer] if state.writer else [])]
        for connection in connections:
            await connection.close()


class _SerializedTransaction(SQLiteTransaction):
    """A transaction on the shared writer connection, holding the write lock throughout."""

    engine: EmbeddedSQLiteEngine

    def __init__(self, engine: EmbeddedSQLiteEngine, allow_nested: bool = True) -> None:
        super().__init__(engine, TransactionType.immediate, allow_nested)

    async def __aenter__(self) -> SQLiteTransaction:
        if self._parent is not None:
            return self._parent
        lock = self.engine._state().write_lock
        await lock.acquire()
        try:
            self.connection = await self.engine.writer()
            await self.connection.execute("BEGIN IMMEDIATE")
        except BaseException:
            lock.release()
            raise
        self.context = self.engine.current_transaction.set(self)
        return self

    async def __aexit__(self, exception_type: Any, exception: Any, traceback: Any) -> bool:
        if self._parent:
            return exception is None
        try:
            if exception:
                if not self._rolled_back:
                    await self.connection.execute("ROLLBACK")
            elif not self._committed and not self._rolled_back:
                try:
                    await self.connection.execute("COMMIT")
                except BaseException:
                    # A failed COMMIT leaves the transaction open on the shared connection.
                    await self.connection.execute("ROLLBACK")
                    raise
        finally:
            self.engine.current_transaction.reset(self.context)
            self.engine._state().write_lock.release()
        return exception is None
