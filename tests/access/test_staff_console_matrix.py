"""The access matrix of the staff console's directory, search and audit endpoints: staff of
region R1 (staff_in) and of R2 (staff_out), every resident persona, anonymous."""

from __future__ import annotations

from litestar import Litestar

from tests.support.world import Case, World, build_world, check_matrix
from tests.tickets.conftest import file_ticket

STAFF_BOTH = {"staff_in": 200, "staff_out": 200}
STAFF_ONLY = {"staff_out": 404}  # outside the region: looks missing


async def test_staff_console_endpoints(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        ticket = await file_ticket(world.clients["main"], world.ids["L1"])
        await check_matrix(
            world,
            [
                Case("GET", "/api/staff/users", allowed=STAFF_BOTH, deny=403),
                Case(
                    "GET",
                    "/api/staff/users?regionId={R1}",
                    allowed={"staff_in": 200},
                    deny=403,
                    special=STAFF_ONLY,
                ),
                Case("GET", "/api/staff/regions", allowed=STAFF_BOTH, deny=403),
                Case("GET", "/api/staff/occupants?q=Main", allowed=STAFF_BOTH, deny=403),
                Case("GET", "/api/staff/tickets?q=Testikatu", allowed=STAFF_BOTH, deny=403),
                # Nobody in the cast is an admin.
                Case("GET", "/api/staff/audit", allowed={}, deny=403),
            ],
        )
        await _what_each_region_sees(world, ticket["id"])


async def _what_each_region_sees(world: World, ticket_id: str) -> None:
    """200 for both, but R2's staff see nothing of R1: no colleague, region, person, ticket."""
    staff_in, staff_out = world.clients["staff_in"], world.clients["staff_out"]
    # Both are called Kaisa Virtanen: each sees only themselves, by id.
    colleagues_in = (await staff_in.get("/api/staff/users")).json()
    colleagues_out = (await staff_out.get("/api/staff/users")).json()
    assert len(colleagues_in) == len(colleagues_out) == 1
    assert colleagues_in[0]["regionIds"] == [str(world.ids["R1"])]
    assert colleagues_out[0]["regionIds"] == [str(world.ids["R2"])]
    regions_in = (await staff_in.get("/api/staff/regions")).json()
    assert [r["id"] for r in regions_in] == [str(world.ids["R1"])]
    assert {p["id"] for p in regions_in[0]["properties"]} == {
        str(world.ids["P1"]),
        str(world.ids["P2"]),
    }
    regions_out = (await staff_out.get("/api/staff/regions")).json()
    assert [r["id"] for r in regions_out] == [str(world.ids["R2"])]

    found = (await staff_in.get("/api/staff/occupants?q=Main")).json()
    assert [p["occupantId"] for p in found] == [str(world.ids["occupant_main"])]
    assert found[0]["registered"] is True
    assert (await staff_out.get("/api/staff/occupants?q=Main")).json() == []

    queue_in = (await staff_in.get("/api/staff/tickets?q=Testikatu")).json()
    assert [t["id"] for t in queue_in["items"]] == [ticket_id]
    assert (await staff_out.get("/api/staff/tickets?q=Testikatu")).json()["total"] == 0
