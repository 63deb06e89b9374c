"""Live pokes: a publish reaches the resident's open SSE stream, and only theirs.

The app's plugin list is the lead's (backend/app.py), so the stream is tested on a
plugin of its own here; the endpoint itself answers 503 while the app lacks the plugin.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar import Litestar
from litestar.channels import ChannelsPlugin

from backend.accounts.tables import ResidentAccount
from backend.settings import Settings
from sync import poke
from tests.support.world import build_world
from tests.sync.conftest import mutation, new_group, pushed
from tests.tickets.conftest import file_ticket, ticket_body


@asynccontextmanager
async def running_plugin(settings: Settings) -> AsyncIterator[ChannelsPlugin]:
    """A started channels plugin of the test's own, forgotten and closed afterwards."""
    plugin = poke.channels_plugin(settings)
    try:
        async with plugin:
            yield plugin
    finally:
        poke._plugins.clear()
        await poke.close_channels()


async def test_a_poke_reaches_only_its_account(settings: Settings) -> None:
    async with running_plugin(settings) as plugin:
        mine, theirs = uuid.uuid4(), uuid.uuid4()
        my_stream = poke.poke_events(plugin, mine)
        their_stream = poke.poke_events(plugin, theirs)
        assert (await anext(my_stream)).event == "ready"
        assert (await anext(their_stream)).event == "ready"
        their_next = asyncio.ensure_future(anext(their_stream))
        poke.poke_accounts([mine, mine], reason="push")
        event = await asyncio.wait_for(anext(my_stream), timeout=5)
        assert event.event == "poke"
        assert json.loads(str(event.data)) == {"reason": "push"}
        poke.poke_accounts([theirs])
        event = await asyncio.wait_for(their_next, timeout=5)
        assert json.loads(str(event.data)) == {"reason": "change"}
        await my_stream.aclose()
        await their_stream.aclose()


async def test_a_quiet_stream_sends_keepalives(settings: Settings) -> None:
    async with running_plugin(settings) as plugin:
        stream = poke.poke_events(plugin, uuid.uuid4(), keepalive_seconds=0.01)
        assert (await anext(stream)).event == "ready"
        quiet = await asyncio.wait_for(anext(stream), timeout=5)
        assert quiet.comment == "keepalive"
        await stream.aclose()


async def test_a_push_pokes_the_household(db: None, app: Litestar, settings: Settings) -> None:
    async with build_world(app) as world:
        accounts = {
            row["email"].split("@")[0]: row["id"]
            for row in await ResidentAccount.select(ResidentAccount.id, ResidentAccount.email)
        }
        household = await poke.accounts_of_leases([world.ids["L1"]])
        assert set(household) == {accounts["main"], accounts["co"], accounts["resident"]}
        async with running_plugin(settings) as plugin:
            # What the SSE route subscribes to: the account and its homes.
            co_stream = poke.poke_events(plugin, accounts["co"], [world.ids["L1"]])
            other_stream = poke.poke_events(plugin, accounts["other"], [world.ids["L2"]])
            assert (await anext(co_stream)).event == "ready"
            assert (await anext(other_stream)).event == "ready"
            other_next = asyncio.ensure_future(anext(other_stream))
            body = ticket_body(world.ids["L1"])
            await pushed(
                world.clients["main"], new_group(), [mutation("c1", 1, "createTicket", **body)]
            )
            event = await asyncio.wait_for(anext(co_stream), timeout=5)
            assert event.event == "poke"
            assert not other_next.done()  # L2's resident was not poked
            other_next.cancel()
            await co_stream.aclose()


async def test_poke_without_a_running_plugin_is_harmless(settings: Settings) -> None:
    poke.poke_accounts([uuid.uuid4()])  # no plugin at all
    poke.channels_plugin(settings)
    try:
        poke.poke_accounts([uuid.uuid4()])  # made but not started
    finally:
        poke._plugins.clear()
        await poke.close_channels()


async def test_the_endpoint_is_for_residents(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        assert (await world.clients["anonymous"].get("/api/sync/poke")).status_code == 401
        assert (await world.clients["staff_in"].get("/api/sync/poke")).status_code == 403
        # A resident's stream never ends, which the in-process client cannot read: what a
        # subscriber receives is tested through the publisher and subscriber functions above.


async def test_a_rest_write_pokes_the_household_too(
    db: None, app: Litestar, settings: Settings
) -> None:
    async with build_world(app) as world:
        co = (
            await ResidentAccount.select(ResidentAccount.id)
            .where(ResidentAccount.email == "co@example.fi")
            .first()
        )
        assert co is not None
        async with running_plugin(settings) as plugin:
            stream = poke.poke_events(plugin, co["id"], [world.ids["L1"]])
            assert (await anext(stream)).event == "ready"
            await file_ticket(world.clients["main"], world.ids["L1"])
            event = await asyncio.wait_for(anext(stream), timeout=5)
            assert event.event == "poke"
            await stream.aclose()
