"""The access matrix of news: residents of a started home read its audience's news; editors
work within their regions; nobody else sees anything."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Litestar

from backend.core import clock
from backend.news.tables import News
from backend.staff.tables import StaffUser
from tests.support.world import Case, World, build_world, check_matrix

SECRET = "Vesikatko P1"


async def _news(world: World, key: str, *, published: bool = True, **values: Any) -> None:
    staff = await StaffUser.select(StaffUser.id).where(StaffUser.email == "staff.in@example.fi")
    news_id = uuid.uuid4()
    now = clock.now()
    await News.insert(
        News(
            **{
                "id": news_id,
                "title": {"fi": SECRET},
                "body": {"fi": "Vesi poikki klo 9–12."},
                "audience": "everyone",
                "publish_at": now if published else None,
                "created_by": staff[0]["id"],
                "created_at": now,
                "updated_at": now,
                **values,
            }
        )
    )
    world.ids[key] = news_id


async def test_news_endpoints(db: None, app: Litestar) -> None:
    l1 = {"main": 200, "co": 200, "resident": 200}
    staff_403 = {"staff_in": 403, "staff_out": 403}
    residents_403 = {p: 403 for p in ("main", "co", "resident", "other", "before")}
    async with build_world(app) as world:
        await _news(world, "N_ALL")
        await _news(world, "N_P1", audience="property", property=world.ids["P1"])
        await _news(world, "N_P1_EXPIRE", audience="property", property=world.ids["P1"])
        for key in ("N_DRAFT", "N_DRAFT_PUBLISH", "N_DRAFT_DELETE"):
            await _news(world, key, published=False, audience="region", region=world.ids["R1"])
        in_region = {**residents_403, "staff_out": 404}
        await check_matrix(
            world,
            [
                Case("GET", "/api/homes/{L1}/news", allowed=l1, special=staff_403),
                Case(
                    "GET",
                    "/api/homes/{L3}/news",
                    allowed={},
                    special={"before": 403, **staff_403},
                    secrets=(SECRET,),
                ),
                Case(
                    "POST",
                    "/api/news/{N_P1}/read",
                    allowed={"main": 204, "co": 204, "resident": 204},
                    special=staff_403,
                    secrets=(SECRET,),
                ),
                Case(
                    "POST",
                    "/api/news/{N_ALL}/read",
                    allowed={"main": 204, "co": 204, "resident": 204, "other": 204},
                    special=staff_403,
                ),
                Case("POST", "/api/news/{N_DRAFT}/read", allowed={}, special=staff_403),
                Case(
                    "GET",
                    "/api/staff/news",
                    allowed={"staff_in": 200, "staff_out": 200},
                    deny=403,
                ),
                Case(
                    "POST",
                    "/api/staff/news",
                    body={
                        "title": {"fi": "Pihatalkoot"},
                        "body": {"fi": "Lauantaina."},
                        "audience": "region",
                        "regionId": "{R1}",
                    },
                    allowed={"staff_in": 201},
                    special={**residents_403, "staff_out": 422},
                ),
                Case(
                    "GET",
                    "/api/staff/news/{N_P1}",
                    allowed={"staff_in": 200},
                    special=in_region,
                    secrets=(SECRET,),
                ),
                Case(
                    "GET",
                    "/api/staff/news/{N_P1}/preview",
                    allowed={"staff_in": 200},
                    special=in_region,
                    secrets=(SECRET,),
                ),
                Case(
                    "PATCH",
                    "/api/staff/news/{N_DRAFT}",
                    body={"pinned": True},
                    allowed={"staff_in": 200},
                    special=in_region,
                ),
                Case(
                    "PATCH",
                    "/api/staff/news/{N_ALL}",
                    body={"pinned": True},
                    allowed={},
                    special={**residents_403, **staff_403},
                ),
                Case(
                    "POST",
                    "/api/staff/news/{N_DRAFT_PUBLISH}/publish",
                    body={},
                    allowed={"staff_in": 200},
                    special=in_region,
                ),
                Case(
                    "POST",
                    "/api/staff/news/{N_P1_EXPIRE}/expire",
                    allowed={"staff_in": 200},
                    special=in_region,
                ),
                Case(
                    "DELETE",
                    "/api/staff/news/{N_DRAFT_DELETE}",
                    allowed={"staff_in": 204},
                    special=in_region,
                ),
            ],
        )
