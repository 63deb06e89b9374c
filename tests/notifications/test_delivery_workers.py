"""Workers: concurrent claims never overlap, a dead worker's rows are taken over, the loop
stops when told to."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

from backend.core import clock
from backend.notifications.delivery import PushSender
from backend.notifications.tables import Notification
from backend.notifications.worker import (
    LEASE_SECONDS,
    claim,
    embedded_worker,
    run_once,
    run_worker,
)
from backend.settings import Settings
from tests.notifications.conftest import make_news, make_resident, notification, notify, subscribe
from tests.support.push_service import PushService


async def _residents_with_news(push_service: PushService, count: int) -> list[Any]:
    news_id = await make_news({"fi": "Tiedote"})
    rows = []
    for _ in range(count):
        resident = await make_resident()
        await subscribe(resident, push_service.subscribe())
        rows.append(await notify(resident, "news", {"newsId": str(news_id)}))
    return rows


async def test_two_workers_never_send_the_same_row_twice(
    push_service: PushService, sender: PushSender
) -> None:
    rows = await _residents_with_news(push_service, 30)

    claimed: list[int] = []
    while sum(claimed) < len(rows):  # rounds of both workers at once, 7 rows each at most
        both = await asyncio.gather(
            run_once(sender, "worker-0", limit=7, concurrency=4),
            run_once(sender, "worker-1", limit=7, concurrency=4),
        )
        assert sum(both) > 0
        claimed.extend(both)

    assert sum(claimed) == len(rows)
    per_browser = Counter(d.browser_id for d in push_service.deliveries)
    assert len(per_browser) == len(rows)
    assert set(per_browser.values()) == {1}
    statuses = await Notification.select(Notification.status)
    assert {row["status"] for row in statuses} == {"sent"}


async def test_claims_of_concurrent_workers_are_disjoint(push_service: PushService) -> None:
    rows = await _residents_with_news(push_service, 20)

    batches = await asyncio.gather(*(claim(f"w{n}", 5, LEASE_SECONDS) for n in range(4)))

    ids = [row["id"] for batch in batches for row in batch]
    assert len(ids) == len(set(ids)) == 20
    assert set(ids) == set(rows)
    assert await claim("w5", 5, LEASE_SECONDS) == []


async def test_a_killed_workers_rows_are_taken_over_after_the_lease(
    push_service: PushService, sender: PushSender
) -> None:
    rows = await _residents_with_news(push_service, 3)
    # A worker claims and then dies (kill -9): nothing is sent, the claim stays.
    assert len(await claim("dead-worker", 10, LEASE_SECONDS)) == 3

    assert await run_once(sender, "survivor") == 0  # the lease still holds
    with clock.travel(LEASE_SECONDS - 5):
        assert await run_once(sender, "survivor") == 0
    with clock.travel(LEASE_SECONDS + 1):
        assert await run_once(sender, "survivor") == 3

    assert len(push_service.deliveries) == 3
    for row_id in rows:
        row = await notification(row_id)
        assert (row["status"], row["claimed_by"]) == ("sent", None)


async def test_a_late_worker_does_not_overwrite_the_row_it_lost(
    push_service: PushService, sender: PushSender
) -> None:
    from backend.notifications.delivery import Outcome
    from backend.notifications.worker import finish_many

    [row_id] = await _residents_with_news(push_service, 1)
    [slow] = await claim("slow-worker", 1, LEASE_SECONDS)
    with clock.travel(LEASE_SECONDS + 1):
        assert await run_once(sender, "fast-worker") == 1
    # The slow one comes back after its lease ended, with an outcome of its own.
    await finish_many([slow], "slow-worker", [Outcome("failed", error="late")])

    assert (await notification(row_id))["status"] == "sent"


async def test_run_worker_delivers_until_stopped(
    push_service: PushService, settings: Settings, sender: PushSender
) -> None:
    rows = await _residents_with_news(push_service, 2)
    stop = asyncio.Event()
    task = asyncio.create_task(run_worker(settings, stop, sender=sender, idle_seconds=0.01))

    await asyncio.wait_for(push_service.received(len(rows)), timeout=10)
    stop.set()
    await asyncio.wait_for(task, timeout=10)
    assert task.exception() is None


async def test_embedded_worker_delivers_while_the_app_runs(
    push_service: PushService, settings: Settings
) -> None:
    rows = await _residents_with_news(push_service, 2)

    async with embedded_worker(settings):  # what the app's lifespan wraps the server in
        await asyncio.wait_for(push_service.received(len(rows)), timeout=10)

    for row_id in rows:
        assert (await notification(row_id))["status"] == "sent"
