"""News: residents read their home's news; editors draft, publish and expire them."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from litestar import Controller, Request, delete, get, patch, post
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from backend.accounts.access import ResidentDep, StaffDep
from backend.core.problems import request_language
from backend.news import access, services
from backend.news.schemas import (
    Audience,
    NewsIn,
    NewsItemOut,
    NewsPatchIn,
    NewsStatus,
    PublishIn,
    StaffNewsOut,
)


class HomeNewsController(Controller):
    path = "/api"
    tags = ("news",)

    @get("/homes/{lease_id:uuid}/news")
    async def list_news(
        self, request: Request[Any, Any, Any], lease_id: FromPath[UUID], resident: ResidentDep
    ) -> list[NewsItemOut]:
        """The home's current news in the request language: urgent first, then pinned, then
        newest; each says whether it has been read and which fields fell back to Finnish."""
        home = access.news_home_for_resident(resident, lease_id)
        return await services.news_for_home(resident, home, request_language(request))

    @post("/news/{news_id:uuid}/read", status_code=204)
    async def mark_read(self, news_id: FromPath[UUID], resident: ResidentDep) -> None:
        """Mark a news item read (again: no change)."""
        await services.mark_read(resident, news_id)


class StaffNewsController(Controller):
    path = "/api/staff/news"
    tags = ("news", "staff")

    @get("/")
    async def list_news(
        self,
        staff: StaffDep,
        status: FromQuery[NewsStatus | None] = None,
        audience: FromQuery[Audience | None] = None,
        region_id: Annotated[UUID | None, QueryParameter(name="regionId")] = None,
        property_id: Annotated[UUID | None, QueryParameter(name="propertyId")] = None,
        urgent: FromQuery[bool | None] = None,
    ) -> list[StaffNewsOut]:
        """The news the editor may see, newest first (at most 200)."""
        rows = await services.staff_news(
            access.staff_news_filter(staff),
            status=status,
            audience=audience,
            region_id=region_id,
            property_id=property_id,
            urgent=urgent,
        )
        return await services.staff_news_out(rows)

    @post("/", status_code=201)
    async def create(self, data: JSONBody[NewsIn], staff: StaffDep) -> StaffNewsOut:
        """A new draft (publish it with ``/publish``)."""
        news_id = await services.create_news(staff, data)
        return await _out(news_id)

    @get("/{news_id:uuid}")
    async def read(self, news_id: FromPath[UUID], staff: StaffDep) -> StaffNewsOut:
        await access.news_for_staff(staff, news_id)
        return await _out(news_id)

    @patch("/{news_id:uuid}")
    async def update(
        self, news_id: FromPath[UUID], data: JSONBody[NewsPatchIn], staff: StaffDep
    ) -> StaffNewsOut:
        row = await access.news_for_staff(staff, news_id, write=True)
        await services.update_news(staff, row, data)
        return await _out(news_id)

    @post("/{news_id:uuid}/publish", status_code=200)
    async def publish(
        self, news_id: FromPath[UUID], data: JSONBody[PublishIn], staff: StaffDep
    ) -> StaffNewsOut:
        """Publish now, or at ``at`` (a scheduled item can be rescheduled)."""
        row = await access.news_for_staff(staff, news_id, write=True)
        await services.publish_news(staff, row, data.at)
        return await _out(news_id)

    @post("/{news_id:uuid}/expire", status_code=200)
    async def expire(self, news_id: FromPath[UUID], staff: StaffDep) -> StaffNewsOut:
        """Take a published item down now (it stays in the list, with its read count)."""
        row = await access.news_for_staff(staff, news_id, write=True)
        await services.expire_news(staff, row)
        return await _out(news_id)

    @delete("/{news_id:uuid}", status_code=204)
    async def remove(self, news_id: FromPath[UUID], staff: StaffDep) -> None:
        """Delete a draft or a scheduled item; published news is expired instead."""
        row = await access.news_for_staff(staff, news_id, write=True)
        await services.delete_news(staff, row)

    @get("/{news_id:uuid}/preview")
    async def preview(
        self, request: Request[Any, Any, Any], news_id: FromPath[UUID], staff: StaffDep
    ) -> NewsItemOut:
        """The item as a resident would see it in the request language (``?lang=sv``)."""
        row = await access.news_for_staff(staff, news_id)
        return services.news_item_out(row, request_language(request), read=False)


async def _out(news_id: UUID) -> StaffNewsOut:
    [out] = await services.staff_news_out([await services.news_row(news_id)])
    return out


CONTROLLERS: list[type[Controller]] = [HomeNewsController, StaffNewsController]
