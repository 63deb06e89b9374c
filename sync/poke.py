"""Live pokes: a server-sent event tells an open app to pull (DESIGN §5).

Over Litestar channels: in memory in one process, Redis pub/sub when ``redis_url`` is set,
so that several replicas poke each other's clients. The app registers the plugin with
``plugins=[channels_plugin(settings)]``; services call ``poke_accounts`` after a write
that changes what a resident sees (the push does; staff ticket transitions and staff
message replies should).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Iterable
from typing import Any
from uuid import UUID

import msgspec
from litestar.channels import ChannelsPlugin
from litestar.channels.backends.base import ChannelsBackend
from litestar.channels.backends.memory import MemoryChannelsBackend
from litestar.response.sse import ServerSentEventMessage

from backend.core.versions import view_changed
from backend.notifications.access import accounts_of
from backend.occupancy.tables import Occupant
from backend.settings import Settings
from sync.protocol import PokeEvent

logger = logging.getLogger("sync.poke")

KEEPALIVE_SECONDS = 25.0  # under the usual idle timeouts of proxies and load balancers

_plugins: list[ChannelsPlugin] = []  # the plugin of the running app (the last one made)
_redis_clients: list[Any] = []


def channel_of(account_id: UUID) -> str:
    return f"sync-poke:{account_id}"


def lease_channel_of(lease_id: UUID) -> str:
    """Every open app of the home's residents listens here too: poking a household needs
    no lookup of who lives there."""
    return f"sync-poke-lease:{lease_id}"


def channels_plugin(settings: Settings) -> ChannelsPlugin:
    backend: ChannelsBackend
    if settings.redis_url:
        from litestar.channels.backends.redis import RedisChannelsPubSubBackend
        from redis.asyncio import Redis

        redis = Redis.from_url(settings.redis_url)
        _redis_clients.append(redis)
        backend = RedisChannelsPubSubBackend(redis=redis)
    else:
        backend = MemoryChannelsBackend()
    plugin = ChannelsPlugin(backend=backend, arbitrary_channels_allowed=True)
    _plugins[:] = [plugin]
    return plugin


async def close_channels() -> None:
    """Close the Redis clients the plugins opened (the app's shutdown, and tests)."""
    while _redis_clients:
        await _redis_clients.pop().aclose()


def current_plugin() -> ChannelsPlugin | None:
    return _plugins[0] if _plugins else None


def publish_pokes(*, accounts: Iterable[UUID] = (), leases: Iterable[UUID] = ()) -> None:
    """Pokes the accounts' and the homes' open apps (the view versions bumped already)."""
    channels = [channel_of(account_id) for account_id in dict.fromkeys(accounts)]
    _publish("change", channels + [lease_channel_of(lease) for lease in dict.fromkeys(leases)])


def poke_accounts(account_ids: Iterable[UUID], reason: str = "change") -> None:
    """Tell the accounts' open apps to pull. Never fails the caller: a lost poke only
    delays a pull until the next launch, focus or network change."""
    _publish(reason, [channel_of(account_id) for account_id in dict.fromkeys(account_ids)])


def _publish(reason: str, channels: list[str]) -> None:
    plugin = current_plugin()
    if plugin is None or not channels:
        return
    data = msgspec.json.encode(PokeEvent(reason="push" if reason == "push" else "change"))
    try:
        plugin.publish(data, channels=channels)
    except RuntimeError:  # not started: no app is serving (a CLI command, a script)
        logger.debug("Poke without a running channels plugin")
    except Exception:  # the channels backend is down: pokes are best effort
        logger.warning("Poke not published", exc_info=True)


async def accounts_of_leases(lease_ids: Iterable[UUID]) -> list[UUID]:
    """The resident accounts of everyone in the register of these leases (a superset of
    who sees the change: a poke only makes an app pull)."""
    hmacs = await Occupant.select(Occupant.identity_code_hmac).where(
        Occupant.lease.is_in(list(lease_ids)) & Occupant.identity_code_hmac.is_not_null()
    )
    return await accounts_of(row["identity_code_hmac"] for row in hmacs)


async def poke_leases(
    lease_ids: Iterable[UUID], reason: str = "change", *, members_changed: bool = False
) -> None:
    """After a committed write to these homes (a staff ticket transition, a staff reply, a
    push): their views changed, and every open app of their residents is poked. When who
    lives there changed (``members_changed``), the accounts of everyone in the register —
    those moving in or out included — changed too: their homes and rights did."""
    ids = list(dict.fromkeys(lease_ids))
    if not ids:
        return
    accounts = await accounts_of_leases(ids) if members_changed else []
    await view_changed(accounts=accounts, leases=ids, principals=accounts)
    _publish(reason, [lease_channel_of(lease_id) for lease_id in ids])
    if accounts:
        poke_accounts(accounts, reason=reason)


async def poke_events(
    plugin: ChannelsPlugin,
    account_id: UUID,
    lease_ids: Iterable[UUID] = (),
    keepalive_seconds: float = KEEPALIVE_SECONDS,
) -> AsyncIterator[ServerSentEventMessage]:
    """The SSE stream of one signed-in resident: ``ready`` once subscribed (pull then: a
    change before it had no listener), then a ``poke`` per publish, and a comment line
    when quiet so that proxies keep the connection open."""
    channels = [channel_of(account_id), *(lease_channel_of(lease) for lease in lease_ids)]
    async with plugin.start_subscription(channels) as subscriber:
        queue: asyncio.Queue[bytes] = asyncio.Queue()

        async def pump() -> None:
            async for message in subscriber.iter_events():
                queue.put_nowait(message)

        pumping = asyncio.create_task(pump())
        try:
            yield ServerSentEventMessage(event="ready", data="{}", retry=5000)
            while True:
                try:
                    message = await asyncio.wait_for(queue.get(), timeout=keepalive_seconds)
                except TimeoutError:
                    yield ServerSentEventMessage(comment="keepalive")
                    continue
                yield ServerSentEventMessage(event="poke", data=message.decode())
        finally:
            pumping.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await pumping
