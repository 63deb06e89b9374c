"""The persona cast (tests/support/world.py) and helpers to file tickets through the API."""

from __future__ import annotations

import io
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from litestar import Litestar
from PIL import Image

from tests.support.world import World, build_world


@pytest.fixture
async def world(db: None, app: Litestar) -> AsyncIterator[World]:
    async with build_world(app) as cast:
        yield cast


def ticket_body(lease_id: uuid.UUID, **values: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "leaseId": str(lease_id),
        "category": "bathroom",
        "location": "Kylpyhuone",
        "description": "Suihkun hana vuotaa, lattialla on vettä aamuisin.",
        "masterKeyPermission": True,
        "pets": False,
        "contactPhone": "+358 40 000 0123",
        **values,
    }


async def file_ticket(client: httpx.AsyncClient, lease_id: uuid.UUID, **values: Any) -> Any:
    response = await client.post("/api/tickets", json=ticket_body(lease_id, **values))
    assert response.status_code == 201, response.text
    return response.json()


def jpeg(color: tuple[int, int, int] = (180, 30, 30), size: tuple[int, int] = (640, 480)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG")
    return out.getvalue()


async def staff_move(
    client: httpx.AsyncClient, ticket_id: str, to: str, **values: Any
) -> httpx.Response:
    return await client.post(
        f"/api/staff/tickets/{ticket_id}/transition", json={"to": to, **values}
    )
