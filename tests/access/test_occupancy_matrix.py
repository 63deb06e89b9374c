"""The access matrix of the occupant-change endpoints: main tenant and co-tenant report,
an adult occupant is refused (403), other leases are absent (404); staff process changes
only in their region."""

from __future__ import annotations

from litestar import Litestar

from tests.factories import TODAY
from tests.support.world import Case, build_world, check_matrix

HOUSEHOLD = {"main": 200, "co": 200}
REFUSED = {"resident": 403, "staff_in": 403, "staff_out": 403}
STAFF_ONLY = {"main": 403, "co": 403, "resident": 403, "other": 403, "before": 403}
BIRTH = {"kind": "birth", "firstName": "Aino", "lastName": "Salainen", "birthDate": str(TODAY)}


async def test_occupancy_endpoints(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main = world.clients["main"]
        for key in ("C1", "C2"):
            response = await main.post(f"/api/homes/{world.ids['L1']}/occupant-changes", json=BIRTH)
            assert response.status_code == 201, response.text
            world.ids[key] = response.json()["id"]
        secrets = ("Salainen",)
        await check_matrix(
            world,
            [
                Case("GET", "/api/homes/{L1}/occupants", allowed=HOUSEHOLD, special=REFUSED),
                Case(
                    "GET",
                    "/api/homes/{L1}/occupant-changes",
                    allowed=HOUSEHOLD,
                    special=REFUSED,
                    secrets=secrets,
                ),
                Case(
                    "GET",
                    "/api/homes/{L1}/occupant-changes/{C1}",
                    allowed=HOUSEHOLD,
                    special=REFUSED,
                    secrets=secrets,
                ),
                Case(
                    "POST",
                    "/api/homes/{L1}/occupant-changes",
                    body=BIRTH,
                    allowed={"main": 201, "co": 201},
                    special=REFUSED,
                ),
                Case(
                    "GET",
                    "/api/homes/{L3}/occupants",
                    allowed={},
                    special={"before": 403, "staff_in": 403, "staff_out": 403},
                ),
                Case(
                    "GET",
                    "/api/staff/occupant-changes",
                    allowed={"staff_in": 200, "staff_out": 200},
                    special=STAFF_ONLY,
                ),
                Case(
                    "GET",
                    "/api/staff/occupant-changes/{C1}",
                    allowed={"staff_in": 200},
                    special={**STAFF_ONLY, "staff_out": 404},
                    secrets=secrets,
                ),
                Case(
                    "POST",
                    "/api/staff/occupant-changes/{C1}/approve",
                    allowed={"staff_in": 200},
                    special={**STAFF_ONLY, "staff_out": 404},
                    secrets=secrets,
                ),
                Case(
                    "POST",
                    "/api/staff/occupant-changes/{C2}/reject",
                    body={"reason": "Tarkistetaan."},
                    allowed={"staff_in": 200},
                    special={**STAFF_ONLY, "staff_out": 404},
                    secrets=secrets,
                ),
            ],
        )
        queue = await world.clients["staff_out"].get("/api/staff/occupant-changes?status=all")
        assert queue.json() == []
