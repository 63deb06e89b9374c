"""Attachments: photos and PDFs on one's own messages, read through the thread's gate."""

from __future__ import annotations

import io
from typing import Any

import httpx
from litestar import Litestar
from PIL import Image

from backend.core.tables import AuditEvent
from backend.messages.tables import MessageAttachment
from tests.support.world import World, build_world

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def jpeg(color: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 480), color).save(out, "JPEG")
    return out.getvalue()


async def thread_of(world: World, persona: str = "main", category: str = "sauna") -> Any:
    response = await world.clients[persona].post(
        world.path("/api/homes/{L1}/messages"),
        json={"category": category, "subject": "Kuva", "body": "Liitteenä kuva."},
    )
    assert response.status_code == 201, response.text
    return response.json()


async def upload(client: httpx.AsyncClient, path: str, data: bytes) -> httpx.Response:
    return await client.post(path, files={"file": ("kuva.jpg", data, "image/jpeg")})


async def test_a_resident_attaches_a_photo_and_a_pdf_and_staff_read_them(
    db: None, app: Litestar
) -> None:
    async with build_world(app) as world:
        main, staff = world.clients["main"], world.clients["staff_in"]
        thread = await thread_of(world)
        message = thread["messages"][0]["id"]
        base = f"/api/messages/{thread['id']}"
        photo = await upload(main, f"{base}/messages/{message}/attachments", jpeg())
        assert photo.status_code == 201, photo.text
        assert photo.json()["mediaType"] == "image/jpeg"
        assert photo.json()["hasThumbnail"] is True
        assert (photo.json()["width"], photo.json()["height"]) == (640, 480)
        pdf = await main.post(f"{base}/messages/{message}/attachments", content=PDF)
        assert pdf.status_code == 201, pdf.text
        assert pdf.json()["mediaType"] == "application/pdf"

        listed = (await main.get(base)).json()["messages"][0]["attachments"]
        assert [a["id"] for a in listed] == [photo.json()["id"], pdf.json()["id"]]
        original = await main.get(f"{base}/attachments/{photo.json()['id']}")
        assert original.status_code == 200
        assert original.headers["content-type"] == "image/jpeg"
        assert original.headers["cache-control"] == "private, no-store"
        thumb = await world.clients["co"].get(f"{base}/attachments/{photo.json()['id']}/thumbnail")
        assert thumb.status_code == 200
        assert Image.open(io.BytesIO(thumb.content)).size[0] <= 400
        document = await main.get(f"{base}/attachments/{pdf.json()['id']}")
        assert document.content == PDF
        no_thumb = await main.get(f"{base}/attachments/{pdf.json()['id']}/thumbnail")
        assert no_thumb.status_code == 404

        staff_base = f"/api/staff/messages/{thread['id']}"
        staff_copy = await staff.get(f"{staff_base}/attachments/{pdf.json()['id']}")
        assert staff_copy.content == PDF
        reads = await AuditEvent.select(AuditEvent.entity_type).where(
            AuditEvent.action == "personal_data.read"
        )
        assert {"entity_type": "message_attachment"} in reads

        reply = await staff.post(f"{staff_base}/messages", json={"body": "Katso ohje."})
        reply_id = reply.json()["messages"][1]["id"]
        staff_pdf = await staff.post(f"{staff_base}/messages/{reply_id}/attachments", content=PDF)
        assert staff_pdf.status_code == 201
        seen = (await main.get(base)).json()["messages"][1]["attachments"]
        assert [a["id"] for a in seen] == [staff_pdf.json()["id"]]


async def test_attachments_refused(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main = world.clients["main"]
        thread = await thread_of(world)
        message = thread["messages"][0]["id"]
        path = f"/api/messages/{thread['id']}/messages/{message}/attachments"

        not_an_image = await upload(main, path, b"just text, not a photo")
        assert not_an_image.status_code == 415
        assert not_an_image.headers["content-type"].startswith("application/problem+json")
        truncated = await upload(main, path, jpeg()[:200])
        assert truncated.status_code == 400
        empty = await main.post(path, content=b"")
        assert empty.status_code == 400
        too_large = await main.post(path, content=b"\xff\xd8\xff" + b"0" * (11 * 1024 * 1024))
        assert too_large.status_code == 413
        assert await MessageAttachment.count() == 0

        # Only the author attaches to a message: the co-tenant sees the thread, not the upload.
        co = await upload(world.clients["co"], path, jpeg())
        assert co.status_code == 404
        staff = await world.clients["staff_in"].post(
            f"/api/staff/messages/{thread['id']}/messages/{message}/attachments", content=PDF
        )
        assert staff.status_code == 404

        for shade in range(5):
            ok = await upload(main, path, jpeg((shade * 40, 10, 10)))
            assert ok.status_code == 201, ok.text
        sixth = await upload(main, path, jpeg((0, 200, 0)))
        assert sixth.status_code == 409
        assert sixth.json()["type"] == "/problems/too-many-attachments"
        assert await MessageAttachment.count() == 5

        other = await thread_of(world, category="parking")
        other_message = other["messages"][0]["id"]
        await main.post(f"/api/messages/{other['id']}/close")
        closed = await upload(
            main, f"/api/messages/{other['id']}/messages/{other_message}/attachments", jpeg()
        )
        assert closed.status_code == 409
        assert closed.json()["type"] == "/problems/thread-closed"
        # An attachment id of another thread looks like a missing one.
        attachment = (await main.get(f"/api/messages/{thread['id']}")).json()["messages"][0][
            "attachments"
        ][0]["id"]
        elsewhere = await main.get(f"/api/messages/{other['id']}/attachments/{attachment}")
        assert elsewhere.status_code == 404
