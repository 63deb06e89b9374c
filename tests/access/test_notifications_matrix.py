"""The access matrix of the push endpoints: the public key for anyone, subscriptions for
the signed-in resident's own devices only."""

from __future__ import annotations

from uuid import UUID

from litestar import Litestar

from backend.notifications.tables import PushSubscription
from tests.notifications.test_subscriptions import subscription
from tests.support.world import PERSONAS, RESIDENTS, Case, build_world, check_matrix

STAFF_REFUSED = {"staff_in": 403, "staff_out": 403}
SIGNED_IN_RESIDENTS = [p for p in RESIDENTS if p != "ended"]


async def test_push_endpoints(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        # A device of "before", the last signed-in resident the matrix asks: everyone asking
        # earlier finds it still there and must get 404, not 204.
        own = await world.clients["before"].post("/api/me/push-subscriptions", json=subscription())
        assert own.status_code == 201, own.text
        world.ids["S"] = UUID(own.json()["id"])
        # One endpoint posted by each resident in turn: the first creates it, the others
        # take it over (a shared device).
        shared = subscription()
        taken_over = {p: 200 for p in SIGNED_IN_RESIDENTS}
        await check_matrix(
            world,
            [
                Case("GET", "/api/push/public-key", allowed={p: 200 for p in PERSONAS}),
                Case(
                    "GET",
                    "/api/me/push-subscriptions",
                    allowed={p: 200 for p in SIGNED_IN_RESIDENTS},
                    special=STAFF_REFUSED,
                ),
                Case(
                    "POST",
                    "/api/me/push-subscriptions",
                    body=shared,
                    allowed={**taken_over, SIGNED_IN_RESIDENTS[0]: 201},
                    special=STAFF_REFUSED,
                ),
                Case(
                    "DELETE",
                    "/api/me/push-subscriptions/{S}",
                    allowed={"before": 204},
                    special=STAFF_REFUSED,
                ),
            ],
        )
        assert not await PushSubscription.exists().where(PushSubscription.id == world.ids["S"])
        # The shared device is the last resident's now, and only theirs.
        assert SIGNED_IN_RESIDENTS[-1] == "before"
        listed = (await world.clients["before"].get("/api/me/push-subscriptions")).json()
        assert len(listed) == 1
        assert await PushSubscription.count() == 1
        for persona in SIGNED_IN_RESIDENTS[:-1]:
            assert (await world.clients[persona].get("/api/me/push-subscriptions")).json() == []
