"""The access matrix of the identity endpoints (and the proof that the cast works)."""

from __future__ import annotations

from litestar import Litestar

from tests.support.world import RESIDENTS, Case, build_world, check_matrix


async def test_identity_endpoints(db: None, app: Litestar) -> None:
    signed_in = {p: 200 for p in RESIDENTS if p != "ended"}
    async with build_world(app) as world:
        await check_matrix(
            world,
            [
                Case(
                    "GET",
                    "/api/me/passkeys",
                    allowed=signed_in,
                    special={"staff_in": 403, "staff_out": 403},
                ),
                Case(
                    "POST",
                    "/api/staff/office-codes",
                    body={"occupantId": "{occupant_main}", "idChecked": True},
                    allowed={"staff_in": 201},
                    deny=403,
                    special={"staff_out": 404},
                ),
            ],
        )
