"""The access matrix of the sync endpoints (push, pull, poke, blobs): residents only, each
in their own client group, each reading only their own uploads."""

from __future__ import annotations

import hashlib

from litestar import Litestar

from sync.protocol import SCHEMA_VERSION
from tests.support.world import RESIDENTS, Case, build_world, check_matrix
from tests.sync.conftest import new_group, pulled
from tests.tickets.conftest import jpeg

STAFF_REFUSED = {"staff_in": 403, "staff_out": 403}
ACTIVE = ("main", "co", "resident", "other", "before")  # "ended" has no session any more


async def test_sync_endpoints(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        group = new_group()
        await pulled(world.clients["main"], group, None)  # main's group from now on
        push = {"schemaVersion": SCHEMA_VERSION, "clientGroupId": group, "mutations": []}
        pull = {"schemaVersion": SCHEMA_VERSION, "clientGroupId": group, "cookie": None}
        await check_matrix(
            world,
            [
                # another account's group: 403 and nothing else
                Case("POST", "/api/sync/push", allowed={"main": 200}, body=push, deny=403),
                Case("POST", "/api/sync/pull", allowed={"main": 200}, body=pull, deny=403),
            ],
        )
        # blobs: the uploader alone reads an upload; others get 404 as for a missing one
        data = jpeg()
        sha = hashlib.sha256(data).hexdigest()
        assert (
            await world.clients["main"].put(f"/api/blobs/{sha}", content=data)
        ).status_code == 201
        await check_matrix(
            world,
            [Case("GET", f"/api/blobs/{sha}", allowed={"main": 200}, special=STAFF_REFUSED)],
        )
        for persona in ("anonymous", "ended", "staff_in"):
            refused = await world.clients[persona].put(f"/api/blobs/{sha}", content=data)
            assert refused.status_code == (403 if persona == "staff_in" else 401), persona
        for persona in ACTIVE:  # every resident may upload (and sync through their own group)
            upload = await world.clients[persona].put(f"/api/blobs/{sha}", content=data)
            assert upload.status_code == (200 if persona == "main" else 201), persona
            assert (await pulled(world.clients[persona], new_group(), None))["cookie"] > 0
        assert set(ACTIVE) | {"ended"} == set(RESIDENTS)


async def test_poke_endpoint_refusals(db: None, app: Litestar) -> None:
    """Only refusals here: a resident's stream never ends, which the in-process test client
    cannot read (tests/sync/test_poke.py tests the stream itself)."""
    async with build_world(app) as world:
        expected = {"anonymous": 401, "ended": 401, **STAFF_REFUSED}
        for persona, status in expected.items():
            response = await world.clients[persona].get("/api/sync/poke")
            assert response.status_code == status, persona
            assert response.headers["content-type"].startswith("application/problem+json")
