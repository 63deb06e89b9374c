"""Pull: the client view now, diffed against the client's cookie."""

from __future__ import annotations

import asyncio
import uuid

from litestar import Litestar

from backend.core import clock
from backend.core.versions import view_changed
from backend.demo.identity_codes import test_identity_code
from backend.occupancy.tables import Lease
from backend.tickets.tables import Ticket, TicketEvent
from sync.pull import KEPT_VIEWS
from sync.tables import ClientView
from tests.factories import TODAY, make_occupant
from tests.support.world import build_world
from tests.sync.conftest import apply_patch, mutation, new_group, pulled, pushed
from tests.tickets.conftest import ticket_body


async def test_incremental_pulls_and_monotonic_cookies(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        first = await pulled(main, group, None)
        state = apply_patch({}, first["patch"])
        assert "profile" in state
        cookie = first["cookie"]
        # nothing changed: the same cookie, an empty patch
        again = await pulled(main, group, cookie)
        assert again == {"cookie": cookie, "lastMutationIdChanges": {}, "patch": []}
        body = ticket_body(world.ids["L1"])
        await pushed(main, group, [mutation("c1", 1, "createTicket", **body)])
        second = await pulled(main, group, cookie)
        assert second["cookie"] > cookie
        assert second["lastMutationIdChanges"] == {"c1": 1}
        assert [op["key"] for op in second["patch"]] == [f"ticket/{body['id']}"]
        apply_patch(state, second["patch"])
        # a change made elsewhere (the REST API, another device) reaches this client
        comment = {"text": "Lisätietoa: vuoto on suurempi."}
        assert (
            await world.clients["co"].post(f"/api/tickets/{body['id']}/comments", json=comment)
        ).status_code == 201
        third = await pulled(main, group, second["cookie"])
        assert third["cookie"] > second["cookie"]
        assert third["lastMutationIdChanges"] == {}
        apply_patch(state, third["patch"])
        # the client's state equals a fresh full pull
        full = await pulled(main, new_group(), None)
        assert apply_patch({}, full["patch"]) == state
        # an unknown cookie (or one pruned long ago) gets clear + everything, cookie grows
        unknown = await pulled(main, group, 10_000)
        assert unknown["patch"][0] == {"op": "clear"}
        assert unknown["cookie"] > 10_000
        later = await pulled(main, group, None)
        assert later["cookie"] > unknown["cookie"]


async def test_old_views_are_pruned(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        for _ in range(KEPT_VIEWS + 3):
            await pulled(main, group, None)
        views = await ClientView.count().where(ClientView.client_group == group)
        assert views <= KEPT_VIEWS


async def test_hard_deletes_propagate(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        body = ticket_body(world.ids["L1"])
        await pushed(main, group, [mutation("c1", 1, "createTicket", **body)])
        first = await pulled(main, group, None)
        ticket_id = uuid.UUID(body["id"])
        await TicketEvent.delete().where(TicketEvent.ticket == ticket_id)
        await Ticket.delete().where(Ticket.id == ticket_id)
        # No route deletes a ticket; a service that deletes announces it, as this does.
        await view_changed(leases=[world.ids["L1"]])
        after = await pulled(main, group, first["cookie"])
        assert after["patch"] == [{"op": "del", "key": f"ticket/{ticket_id}"}]


async def test_a_lease_that_ends_takes_all_its_keys(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        # main also becomes main tenant of L2 (moving between homes)
        born = TODAY.replace(year=TODAY.year - 40)
        l2 = await Lease.objects().where(Lease.id == world.ids["L2"]).first()
        assert l2 is not None
        await make_occupant(
            l2, identity_code=test_identity_code(born, 901), role="main_tenant", birth_date=born
        )
        body = ticket_body(world.ids["L2"])
        await pushed(main, group, [mutation("c1", 1, "createTicket", **body)])
        first = await pulled(main, group, None)
        keys = {op.get("key") for op in first["patch"]}
        assert f"home/{world.ids['L2']}" in keys
        assert f"ticket/{body['id']}" in keys
        l2_keys = {key for key in keys if key and str(world.ids["L2"]) in key}
        await Lease.update({Lease.ends_on: TODAY}).where(Lease.id == world.ids["L2"])
        await view_changed(everyone=True)  # as an import from the ERP does
        tonight = await pulled(main, group, first["cookie"])  # ends tonight: still there
        assert [op["key"] for op in tonight["patch"]] == [f"home/{world.ids['L2']}"]
        assert tonight["patch"][0]["value"]["endsOn"] == TODAY.isoformat()
        with clock.travel(24 * 3600):
            after = await pulled(main, group, tonight["cookie"])
        deleted = {op["key"] for op in after["patch"] if op["op"] == "del"}
        assert f"ticket/{body['id']}" in deleted
        assert l2_keys <= deleted
        assert f"home/{world.ids['L1']}" not in deleted


async def test_concurrent_pulls_of_one_group_get_distinct_growing_cookies(
    db: None, app: Litestar
) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        first = await pulled(main, group, None)
        answers = await asyncio.gather(*(pulled(main, group, None) for _ in range(5)))
        cookies = [answer["cookie"] for answer in answers]
        assert len(set(cookies)) == 5
        assert min(cookies) > first["cookie"]
