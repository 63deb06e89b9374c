"""The access matrix of the profile endpoints: every signed-in resident, their own only."""

from __future__ import annotations

from litestar import Litestar

from tests.profile.support import ensure_profile_routes
from tests.support.world import RESIDENTS, Case, build_world, check_matrix


async def test_profile_endpoints(db: None, app: Litestar) -> None:
    ensure_profile_routes(app)
    signed_in = {p: 200 for p in RESIDENTS if p != "ended"}
    staff = {"staff_in": 403, "staff_out": 403}
    async with build_world(app) as world:
        await check_matrix(
            world,
            [
                Case("GET", "/api/me/profile", allowed=signed_in, special=staff),
                Case(
                    "PATCH",
                    "/api/me/profile",
                    body={"notificationPreferences": {"news": False}},
                    allowed=signed_in,
                    special=staff,
                ),
            ],
        )
        for persona in signed_in:
            body = (await world.clients[persona].get("/api/me/profile")).json()
            assert body["email"] == f"{persona}@example.fi"
