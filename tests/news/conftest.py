"""Two regions, three properties, a resident in each, and an editor for all regions."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import httpx
import pytest
from litestar import Litestar

from tests.conftest import api_client
from tests.factories import make_lease, make_property, make_region, make_unit
from tests.property.support import sign_in_resident, sign_in_staff


@dataclass
class Town:
    ids: dict[str, UUID]
    editor: httpx.AsyncClient  # editor for all regions
    p1: httpx.AsyncClient  # resident of P1 (region R1)
    p2: httpx.AsyncClient  # resident of P2 (region R1)
    p3: httpx.AsyncClient  # resident of P3 (region R2)

    async def publish(self, **news: Any) -> str:
        """Create and publish a news item as the editor; returns its id."""
        body = {
            "title": {"fi": "Tiedote"},
            "body": {"fi": "Sisältö."},
            "audience": "everyone",
            **news,
        }
        created = await self.editor.post("/api/staff/news", json=body)
        assert created.status_code == 201, created.text
        news_id: str = created.json()["id"]
        published = await self.editor.post(f"/api/staff/news/{news_id}/publish", json={})
        assert published.status_code == 200, published.text
        return news_id

    async def titles(self, client: httpx.AsyncClient, lease: str, lang: str = "fi") -> list[str]:
        response = await client.get(f"/api/homes/{self.ids[lease]}/news?lang={lang}")
        assert response.status_code == 200, response.text
        return [item["title"] for item in response.json()]


@pytest.fixture
async def town(db: None, app: Litestar) -> AsyncIterator[Town]:
    r1 = await make_region(code="r1")
    r2 = await make_region(code="r2")
    p1 = await make_property(r1)
    p2 = await make_property(r1)
    p3 = await make_property(r2)
    leases = {
        "L1": await make_lease(await make_unit(p1)),
        "L2": await make_lease(await make_unit(p2)),
        "L3": await make_lease(await make_unit(p3)),
    }
    ids = {"R1": r1.id, "R2": r2.id, "P1": p1.id, "P2": p2.id, "P3": p3.id}
    ids.update({key: lease.id for key, lease in leases.items()})
    async with (
        api_client(app) as editor,
        api_client(app) as c1,
        api_client(app) as c2,
        api_client(app) as c3,
    ):
        await sign_in_staff(editor, roles=["editor"], region_codes=[], all_regions=True)
        await sign_in_resident(c1, leases["L1"], 931)
        await sign_in_resident(c2, leases["L2"], 932)
        await sign_in_resident(c3, leases["L3"], 933)
        yield Town(ids=ids, editor=editor, p1=c1, p2=c2, p3=c3)
