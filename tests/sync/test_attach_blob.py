"""A photo whose upload arrives after its mutation is attached as stored: encoded once."""

from __future__ import annotations

import hashlib
import io
import random
import uuid

import httpx
from litestar import Litestar
from PIL import Image

from backend.media.tables import Blob
from backend.tickets.tables import TicketPhoto
from tests.support.world import build_world
from tests.sync.conftest import apply_patch, mutation, new_group, pulled, pushed
from tests.tickets.conftest import jpeg, ticket_body


def noisy_jpeg(seed: int, size: tuple[int, int] = (320, 240)) -> bytes:
    """A photo that a second JPEG encode changes (a flat colour survives one unchanged)."""
    pixels = random.Random(seed).randbytes(size[0] * size[1] * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", size, pixels).save(out, "JPEG", quality=95)
    return out.getvalue()


async def _photo_bytes(client: httpx.AsyncClient, ticket_id: str, photo_id: str) -> bytes:
    response = await client.get(f"/api/tickets/{ticket_id}/photos/{photo_id}")
    assert response.status_code == 200, response.text
    return response.content


async def test_a_late_upload_is_attached_without_a_second_encode(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        data = noisy_jpeg(1)
        sha = hashlib.sha256(data).hexdigest()
        body = ticket_body(world.ids["L1"])
        result = await pushed(
            main, group, [mutation("c1", 1, "createTicket", **body, photos=[sha])]
        )
        assert result["results"][0]["status"] == "applied", result
        state = apply_patch({}, (view := await pulled(main, group, None))["patch"])
        assert state[f"ticketPhoto/{body['id']}/{sha}"]["pending"] is True
        assert state[f"ticket/{body['id']}"]["photos"] == []

        blobs_before = await Blob.count()
        assert (await main.put(f"/api/blobs/{sha}", content=data)).status_code == 201
        assert await Blob.count() == blobs_before + 1  # the upload's one encode, nothing more
        stored = await main.get(f"/api/blobs/{sha}")
        assert stored.status_code == 200

        apply_patch(state, (await pulled(main, group, view["cookie"]))["patch"])
        assert f"ticketPhoto/{body['id']}/{sha}" not in state
        [photo] = state[f"ticket/{body['id']}"]["photos"]
        assert photo["position"] == 1
        assert photo["mediaType"] == "image/jpeg"
        assert await _photo_bytes(main, body["id"], photo["id"]) == stored.content


async def test_an_uploaded_blob_is_attached_as_stored_and_counts_once(
    db: None, app: Litestar
) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        data = noisy_jpeg(2)
        sha = hashlib.sha256(data).hexdigest()
        assert (await main.put(f"/api/blobs/{sha}", content=data)).status_code == 201
        stored = (await main.get(f"/api/blobs/{sha}")).content
        blobs_before = await Blob.count()
        body = ticket_body(world.ids["L1"])
        batch = [
            mutation("c1", 1, "createTicket", **body, photos=[sha]),
            # the same photo again (a retried addTicketPhoto): still one photo
            mutation("c1", 2, "addTicketPhoto", ticketId=body["id"], sha256=sha),
        ]
        result = await pushed(main, group, batch)
        assert [r["status"] for r in result["results"]] == ["applied", "applied"], result
        assert await Blob.count() == blobs_before
        photos = await TicketPhoto.select().where(TicketPhoto.ticket == uuid.UUID(body["id"]))
        assert len(photos) == 1
        assert await _photo_bytes(main, body["id"], str(photos[0]["id"])) == stored


async def test_a_late_upload_respects_the_photo_limit(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        pictures = [jpeg((30 * n, 10, 10)) for n in range(6)]
        hashes = [hashlib.sha256(p).hexdigest() for p in pictures]
        body = ticket_body(world.ids["L1"])
        batch = [mutation("c1", 1, "createTicket", **body, photos=hashes[:5])]
        batch.append(mutation("c1", 2, "addTicketPhoto", ticketId=body["id"], sha256=hashes[5]))
        result = await pushed(main, group, batch)
        assert [r["status"] for r in result["results"]] == ["applied", "applied"], result
        for picture, sha in zip(pictures, hashes, strict=True):
            assert (await main.put(f"/api/blobs/{sha}", content=picture)).status_code == 201
        state = apply_patch({}, (await pulled(main, group, None))["patch"])
        assert len(state[f"ticket/{body['id']}"]["photos"]) == 5
        # the sixth could not go on the ticket: no longer pending, not attached either
        assert not [key for key in state if key.startswith("ticketPhoto/")]
