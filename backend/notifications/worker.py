"""Delivery workers: claim due notification rows, deliver them, write the outcome back.

A claim is a lease (``claimed_by``, ``claimed_until``), not a lock held over the network
calls: a worker killed at any point leaves its rows pending, and another worker claims them
once the lease runs out. Delivery is therefore at least once; the payload's tag (the topic)
makes a repeated notification replace the first on the device.

A batch costs a handful of queries whatever its size (accounts, the register, subscriptions,
the tickets and news it names, then the subscription and outcome updates); its sends run
concurrently, at most ``concurrency`` at a time, over one client that keeps connections
to each push service alive.

``resident-portal worker`` runs ``run_worker`` until SIGTERM/SIGINT (PostgreSQL, any number
of processes); the embedded default runs the same loop as a task in the server process.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager, suppress
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import msgspec
from piccolo.engine.postgres import PostgresEngine

from backend.accounts.tables import ResidentAccount
from backend.core import clock
from backend.core.db import DB, among
from backend.notifications.delivery import (
    POLICIES,
    Outcome,
    PushSender,
    Recipient,
    SendResult,
    conclude,
    decide,
    retry_later,
)
from backend.notifications.render import Sources, encode, render
from backend.notifications.tables import Notification, PushSubscription
from backend.occupancy.access import register_access, register_columns
from backend.occupancy.tables import Occupant
from backend.settings import Settings

log = logging.getLogger(__name__)

# A batch costs a handful of queries whatever its size: larger ones spread that further
# (1 000 rather than 500 is ~5 % more notifications a second per worker CPU).
BATCH_SIZE = 1000
CONCURRENCY = 64
# Long enough for a batch whose push services all time out (10 s each, CONCURRENCY at once:
# 1 000 / 64 × 10 s ≈ 160 s); a killed worker's rows wait this long for another worker.
LEASE_SECONDS = 180
IDLE_SECONDS = 1.0
# Batches in flight per worker: one batch's queries overlap the other's sends, so that the
# CPU does not idle while the database answers.
PIPELINE = 2

_CLAIM = """
UPDATE notification SET claimed_by = {{}}, claimed_until = {{}}
WHERE id IN (
    SELECT id FROM notification
    WHERE status = 'pending' AND due_at <= {{}}
      AND (claimed_until IS NULL OR claimed_until < {{}})
    ORDER BY due_at
    LIMIT {{}}
    {skip_locked}
)
RETURNING id, account, kind, topic, params, attempts, due_at
"""


def new_worker_id() -> str:
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


async def claim(worker_id: str, limit: int, lease_seconds: float) -> list[dict[str, Any]]:
    """Claims up to ``limit`` due rows for ``lease_seconds``; returns them, oldest first.

    PostgreSQL: ``FOR UPDATE SKIP LOCKED`` lets concurrent workers take disjoint rows without
    waiting on each other. SQLite serializes writes, so the one statement is enough there."""
    now = clock.now()
    postgres = isinstance(DB, PostgresEngine)
    sql = _CLAIM.format(skip_locked="FOR UPDATE SKIP LOCKED" if postgres else "")
    until = now + timedelta(seconds=lease_seconds)
    claimed = await Notification.raw(sql, worker_id, until, now, now, limit)
    # The claim returns what delivery reads: no second query for the rows (types as the
    # ORM's select gives them on both databases).
    rows = [
        {
            "id": _as_uuid(row["id"]),
            "account": _as_uuid(row["account"]),
            "kind": str(row["kind"]),
            "topic": str(row["topic"]),
            "params": _as_json(row["params"]),
            "attempts": int(row["attempts"]),
            "due_at": row["due_at"],
        }
        for row in claimed
    ]
    rows.sort(key=lambda row: row["due_at"])
    return rows


def _as_uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _as_json(value: Any) -> Any:
    return msgspec.json.decode(value) if isinstance(value, str | bytes) else value


async def _with_a_home(hmacs: set[str]) -> set[str]:
    """The people (identity-code HMACs) the register gives at least one home today — what
    ``person_in_register(...).homes`` says, for many people in one query."""
    if not hmacs:
        return set()
    rows = await Occupant.select(*register_columns()).where(
        among(Occupant.identity_code_hmac, list(hmacs))
    )
    people: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        people.setdefault(row["identity_code_hmac"], []).append(row)
    today = clock.today()
    return {person for person, entries in people.items() if register_access(entries, today)}


async def load_recipients(account_ids: set[uuid.UUID]) -> dict[uuid.UUID, Recipient]:
    """Language, preferences, "still has a home" and subscriptions of every account."""
    if not account_ids:
        return {}
    ids = list(account_ids)
    accounts = (
        await ResidentAccount.select(
            ResidentAccount.id,
            ResidentAccount.identity_code_hmac,
            ResidentAccount.language,
            ResidentAccount.notification_preferences,
        )
        .where(among(ResidentAccount.id, ids))
        .output(load_json=True)
    )
    homed = await _with_a_home({row["identity_code_hmac"] for row in accounts})
    subscriptions: dict[uuid.UUID, list[dict[str, Any]]] = {}
    for row in await PushSubscription.select(
        PushSubscription.id,
        PushSubscription.account,
        PushSubscription.endpoint,
        PushSubscription.p256dh,
        PushSubscription.auth,
    ).where(among(PushSubscription.account, ids)):
        subscriptions.setdefault(row["account"], []).append(row)
    return {
        row["id"]: Recipient(
            language=row["language"],
            preferences=p if isinstance(p := row["notification_preferences"], dict) else {},
            has_home=row["identity_code_hmac"] in homed,
            subscriptions=subscriptions.get(row["id"], []),
        )
        for row in accounts
    }


async def deliver_batch(
    rows: list[dict[str, Any]], sender: PushSender, *, concurrency: int
) -> list[Outcome]:
    """Decides and sends a claimed batch; the outcomes (not yet written back), row by row."""
    now = clock.now()
    zone = ZoneInfo(sender.settings.timezone)
    recipients = await load_recipients({row["account"] for row in rows})
    outcomes: list[Outcome | None] = [
        decide(row, recipients.get(row["account"]), now, zone) for row in rows
    ]
    homeless = {
        row["account"]
        for row, outcome in zip(rows, outcomes, strict=True)
        if outcome is not None and outcome.error == "no home"
    }
    if homeless:  # their subscriptions die with their access
        await PushSubscription.delete().where(PushSubscription.account.is_in(list(homeless)))
    to_send = [n for n, outcome in enumerate(outcomes) if outcome is None]
    params = [row["params"] if isinstance(row["params"], dict) else {} for row in rows]
    sources = await Sources.load((str(rows[n]["kind"]), params[n]) for n in to_send)
    gate = asyncio.Semaphore(concurrency)
    took: list[uuid.UUID] = []
    gone: list[uuid.UUID] = []

    async def send(data: bytes, subscription: dict[str, Any], **how: Any) -> SendResult:
        async with gate:
            return await sender.send(subscription, data, **how)

    async def one(n: int) -> None:
        row = rows[n]
        try:
            kind, topic = str(row["kind"]), str(row["topic"])
            recipient = recipients[row["account"]]
            payload = render(kind, topic, params[n], recipient.language, sources)
            if payload is None:
                outcomes[n] = Outcome("dropped", error="nothing to show")
                return
            data = encode(payload)
            policy = POLICIES.get(kind, POLICIES["news"])
            subscriptions = recipient.subscriptions
            if len(subscriptions) == 1:  # the common case, without a task per send
                results = [await send(data, subscriptions[0], policy=policy, topic=topic)]
            else:
                results = await asyncio.gather(
                    *(send(data, s, policy=policy, topic=topic) for s in subscriptions)
                )
        except Exception as error:
            log.exception("delivering notification %s failed", row["id"])
            outcomes[n] = retry_later(row, error)
            return
        for subscription, result in zip(subscriptions, results, strict=True):
            if result.ok:
                took.append(subscription["id"])
            elif result.gone:
                gone.append(subscription["id"])
        outcomes[n] = conclude(row, results, now)

    # ``concurrency`` lanes take the rows in turn: no task per row (they add up at thousands
    # a second); the gate bounds the sends of accounts with several devices too.
    queue = iter(to_send)

    async def lane() -> None:
        for n in queue:
            await one(n)

    await asyncio.gather(*(lane() for _ in range(min(concurrency, len(to_send)))))
    if took:
        await PushSubscription.update({PushSubscription.last_success_at: now}).where(
            among(PushSubscription.id, took)
        )
    if gone:
        await PushSubscription.delete().where(PushSubscription.id.is_in(gone))
    return [outcome or Outcome("pending", due_at=now) for outcome in outcomes]


def _values(outcome: Outcome, now: datetime) -> dict[Any, Any]:
    values: dict[Any, Any] = {
        Notification.status: outcome.status,
        Notification.claimed_by: None,
        Notification.claimed_until: None,
        Notification.last_error: outcome.error,
    }
    if outcome.attempted:
        values[Notification.attempts] = Notification.attempts + 1
    if outcome.due_at is not None:
        values[Notification.due_at] = outcome.due_at
    if outcome.status == "sent":
        values[Notification.sent_at] = now
    return values


async def finish_many(rows: list[dict[str, Any]], worker_id: str, outcomes: list[Outcome]) -> None:
    """Writes the outcomes and releases the claims — one UPDATE per distinct outcome (all
    the sent rows of a batch in one) — except on rows whose lease ran out and that another
    worker has now (then that worker's outcome counts)."""
    groups: dict[Outcome, list[uuid.UUID]] = {}
    for row, outcome in zip(rows, outcomes, strict=True):
        groups.setdefault(outcome, []).append(row["id"])
    now = clock.now()
    for outcome, ids in groups.items():
        await Notification.update(_values(outcome, now)).where(
            among(Notification.id, ids) & (Notification.claimed_by == worker_id)
        )


async def run_once(
    sender: PushSender,
    worker_id: str,
    *,
    limit: int = BATCH_SIZE,
    lease_seconds: float = LEASE_SECONDS,
    concurrency: int = CONCURRENCY,
) -> int:
    """One batch: claim, deliver (at most ``concurrency`` sends at a time), finish. Returns
    how many rows it claimed."""
    rows = await claim(worker_id, limit, lease_seconds)
    if not rows:
        return 0
    try:
        outcomes = await deliver_batch(rows, sender, concurrency=concurrency)
    except Exception as error:
        # The batch's queries failed (a database hiccup): every row is tried again later.
        log.exception("delivering a batch of %d notifications failed", len(rows))
        outcomes = [retry_later(row, error) for row in rows]
    await finish_many(rows, worker_id, outcomes)
    return len(rows)


async def run_worker(
    settings: Settings,
    stop: asyncio.Event,
    *,
    worker_id: str | None = None,
    sender: PushSender | None = None,
    idle_seconds: float = IDLE_SECONDS,
    pipeline: int = PIPELINE,
    **batch: Any,
) -> None:
    """Delivers until ``stop`` is set, ``pipeline`` batches at a time; waits on ``stop``
    (not sleeping) while idle."""
    worker_id = worker_id or new_worker_id()
    own = sender is None
    push = sender or PushSender(settings)
    log.info("push worker %s started", worker_id)

    async def lane() -> None:
        while not stop.is_set():
            try:
                claimed = await run_once(push, worker_id, **batch)
            except Exception:
                log.exception("push worker %s: claiming failed", worker_id)
                claimed = 0
            if claimed == 0:
                with suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), idle_seconds)

    try:
        await asyncio.gather(*(lane() for _ in range(pipeline)))
    finally:
        if own:
            await push.close()
        log.info("push worker %s stopped", worker_id)


def run_event_loop(main: Coroutine[Any, Any, None]) -> None:
    """Runs a worker process's ``main`` on uvloop where it is installed: sockets and
    callbacks cost less there, and a worker sends thousands of requests a second."""
    try:
        import uvloop
    except ImportError:  # Windows
        asyncio.run(main)
    else:
        uvloop.run(main)


@asynccontextmanager
async def embedded_worker(settings: Settings) -> AsyncIterator[None]:
    """The server's own delivery task (``push_worker = "embedded"``), stopped on shutdown."""
    if settings.push_worker != "embedded" or not settings.vapid_private_key:
        yield
        return
    stop = asyncio.Event()
    task = asyncio.create_task(run_worker(settings, stop), name="push-worker")
    try:
        yield
    finally:
        stop.set()
        await task
