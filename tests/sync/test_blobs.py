"""Blobs: hash-checked idempotent uploads, owner-only reads, photos pending until upload."""

from __future__ import annotations

import hashlib

from litestar import Litestar

from tests.support.world import build_world
from tests.sync.conftest import apply_patch, mutation, new_group, pulled, pushed
from tests.tickets.conftest import jpeg, ticket_body


async def test_upload_is_hash_checked_idempotent_and_private(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, other = world.clients["main"], world.clients["other"]
        data = jpeg()
        sha = hashlib.sha256(data).hexdigest()
        wrong = await main.put(f"/api/blobs/{'0' * 64}", content=data)
        assert wrong.status_code == 422
        assert (await main.put("/api/blobs/not-a-hash", content=data)).status_code == 422
        text = b"not an image"
        not_image = await main.put(f"/api/blobs/{hashlib.sha256(text).hexdigest()}", content=text)
        assert not_image.status_code == 415, not_image.text
        assert (await main.put(f"/api/blobs/{sha}", content=data)).status_code == 201
        assert (await main.put(f"/api/blobs/{sha}", content=data)).status_code == 200
        mine = await main.get(f"/api/blobs/{sha}")
        assert mine.status_code == 200
        assert mine.headers["content-type"].startswith("image/")
        assert (await other.get(f"/api/blobs/{sha}")).status_code == 404
        assert (await world.clients["anonymous"].get(f"/api/blobs/{sha}")).status_code == 401


async def test_a_photo_is_pending_until_its_blob_arrives(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        first, second = jpeg((10, 200, 10)), jpeg((10, 10, 200))
        sha1, sha2 = (hashlib.sha256(d).hexdigest() for d in (first, second))
        assert (await main.put(f"/api/blobs/{sha2}", content=second)).status_code == 201
        body = ticket_body(world.ids["L1"])
        batch = [
            mutation("c1", 1, "createTicket", **body, photos=[sha1]),
            mutation("c1", 2, "addTicketPhoto", ticketId=body["id"], sha256=sha2),
        ]
        result = await pushed(main, group, batch)
        assert [r["status"] for r in result["results"]] == ["applied", "applied"], result
        view = await pulled(main, group, None)
        state = apply_patch({}, view["patch"])
        ticket = state[f"ticket/{body['id']}"]
        assert len(ticket["photos"]) == 1  # the one already uploaded
        pending_key = f"ticketPhoto/{body['id']}/{sha1}"
        assert state[pending_key]["pending"] is True
        assert (await main.put(f"/api/blobs/{sha1}", content=first)).status_code == 201
        later = await pulled(main, group, view["cookie"])
        apply_patch(state, later["patch"])
        assert pending_key not in state
        assert len(state[f"ticket/{body['id']}"]["photos"]) == 2
