"""Editors draft, publish, expire and delete news, within their regions; bad input is refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from litestar import Litestar

from backend.core import clock
from backend.core.tables import AuditEvent
from backend.news.tables import News
from tests.conftest import api_client
from tests.news.conftest import Town
from tests.property.support import sign_in_staff

Client = httpx.AsyncClient
DRAFT = {"title": {"fi": "Tiedote"}, "body": {"fi": "Sisältö."}, "audience": "everyone"}


async def _create(client: Client, **values: Any) -> httpx.Response:
    return await client.post("/api/staff/news", json={**DRAFT, **values})


async def test_draft_publish_expire_lifecycle(town: Town) -> None:
    created = await _create(town.editor, title={"fi": "Tiedote", "sv": "Meddelande"})
    assert created.status_code == 201, created.text
    news = created.json()
    assert news["status"] == "draft"
    assert news["publishAt"] is None
    assert news["missingLanguages"] == ["sv", "en"]
    news_id = news["id"]
    assert await town.titles(town.p1, "L1") == []

    patched = await town.editor.patch(
        f"/api/staff/news/{news_id}",
        json={"body": {"fi": "Uusi sisältö.", "en": "New content."}, "pinned": True},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["body"] == {"fi": "Uusi sisältö.", "sv": None, "en": "New content."}
    assert patched.json()["pinned"] is True

    published = await town.editor.post(f"/api/staff/news/{news_id}/publish", json={})
    assert published.json()["status"] == "published"
    assert await town.titles(town.p1, "L1") == ["Tiedote"]
    again = await town.editor.post(f"/api/staff/news/{news_id}/publish", json={})
    assert again.status_code == 409
    assert again.json()["type"] == "/problems/news-state"
    assert (await town.editor.delete(f"/api/staff/news/{news_id}")).status_code == 409

    expired = await town.editor.post(f"/api/staff/news/{news_id}/expire")
    assert expired.status_code == 200
    assert expired.json()["status"] == "expired"
    assert await town.titles(town.p1, "L1") == []
    assert (await town.editor.post(f"/api/staff/news/{news_id}/expire")).status_code == 409
    late_edit = await town.editor.patch(f"/api/staff/news/{news_id}", json={"pinned": False})
    assert late_edit.status_code == 409
    actions = await AuditEvent.select(AuditEvent.action).where(AuditEvent.entity_type == "news")
    assert {row["action"] for row in actions} >= {
        "news.created",
        "news.updated",
        "news.published",
        "news.expired",
    }


async def test_drafts_and_scheduled_items_can_be_deleted(town: Town) -> None:
    draft = (await _create(town.editor)).json()["id"]
    assert (await town.editor.delete(f"/api/staff/news/{draft}")).status_code == 204
    assert (await town.editor.get(f"/api/staff/news/{draft}")).status_code == 404
    scheduled = (await _create(town.editor)).json()["id"]
    at = (clock.now() + timedelta(days=1)).isoformat()
    await town.editor.post(f"/api/staff/news/{scheduled}/publish", json={"at": at})
    assert (await town.editor.post(f"/api/staff/news/{scheduled}/expire")).status_code == 409
    assert (await town.editor.delete(f"/api/staff/news/{scheduled}")).status_code == 204


async def test_list_filters_and_preview(town: Town) -> None:
    urgent = await town.publish(
        title={"fi": "Vesikatko", "sv": "Vattenavbrott"},
        audience="property",
        propertyId=str(town.ids["P1"]),
        urgent=True,
    )
    await _create(town.editor, title={"fi": "Luonnos"})
    listing = await town.editor.get("/api/staff/news")
    assert {item["title"]["fi"] for item in listing.json()} == {"Vesikatko", "Luonnos"}
    drafts = await town.editor.get("/api/staff/news?status=draft")
    assert [item["title"]["fi"] for item in drafts.json()] == ["Luonnos"]
    by_property = await town.editor.get(f"/api/staff/news?propertyId={town.ids['P1']}&urgent=true")
    assert [item["id"] for item in by_property.json()] == [urgent]
    assert (await town.editor.get("/api/staff/news?status=bogus")).status_code == 400
    preview = await town.editor.get(f"/api/staff/news/{urgent}/preview?lang=en")
    assert preview.status_code == 200
    assert preview.json()["title"] == "Vesikatko"
    assert preview.json()["fellBack"] == ["title", "body"]
    sv = (await town.editor.get(f"/api/staff/news/{urgent}/preview?lang=sv")).json()
    assert sv["title"] == "Vattenavbrott"
    assert sv["fellBack"] == ["body"]


@pytest.fixture
async def regional_editor(town: Town, app: Litestar) -> Any:
    async with api_client(app) as client:
        await sign_in_staff(
            client, roles=["editor"], region_codes=["r1"], email="alue.viestinta@example.fi"
        )
        yield client


async def test_regional_editor_targets_only_own_region(town: Town, regional_editor: Client) -> None:
    own_region = await _create(regional_editor, audience="region", regionId=str(town.ids["R1"]))
    own_property = await _create(
        regional_editor, audience="property", propertyId=str(town.ids["P2"])
    )
    assert own_region.status_code == 201
    assert own_property.status_code == 201
    everyone = await _create(regional_editor)
    assert everyone.status_code == 403
    for target in (
        {"audience": "region", "regionId": str(town.ids["R2"])},
        {"audience": "property", "propertyId": str(town.ids["P3"])},
        {"audience": "property", "propertyId": "00000000-0000-0000-0000-000000000009"},
    ):
        response = await _create(regional_editor, **target)
        assert response.status_code == 422, target
        assert response.json()["detail"].startswith("Aluetta tai kiinteistöä ei löytynyt")
    moved = await regional_editor.patch(
        f"/api/staff/news/{own_region.json()['id']}",
        json={"audience": "region", "regionId": str(town.ids["R2"])},
    )
    assert moved.status_code == 422

    elsewhere = await town.publish(audience="property", propertyId=str(town.ids["P3"]))
    company = await town.publish(title={"fi": "Koko yhtiö"})
    assert (await regional_editor.get(f"/api/staff/news/{elsewhere}")).status_code == 404
    assert (await regional_editor.post(f"/api/staff/news/{elsewhere}/expire")).status_code == 404
    assert (await regional_editor.get(f"/api/staff/news/{company}")).status_code == 200
    assert (await regional_editor.post(f"/api/staff/news/{company}/expire")).status_code == 403
    listed = {item["id"] for item in (await regional_editor.get("/api/staff/news")).json()}
    assert elsewhere not in listed
    assert company in listed
    assert own_region.json()["id"] in listed
    assert own_property.json()["id"] in listed


@pytest.mark.parametrize(
    "body",
    [
        {**DRAFT, "title": {"fi": "x" * 201}},
        {**DRAFT, "body": {"fi": "x" * 10_001}},
        {**DRAFT, "title": {"sv": "Bara svenska"}},
        {**DRAFT, "title": {"fi": "   "}},
        {**DRAFT, "title": {"fi": "Otsikko", "de": "Titel"}},
        {**DRAFT, "audience": "planet"},
        {**DRAFT, "pinned": "yes"},
        {**DRAFT, "urgent": "maybe"},
        {**DRAFT, "colour": "red"},
        {**DRAFT, "expiresAt": "2030-01-01T10:00:00"},  # no offset
        {**DRAFT, "expiresAt": "not a date"},
        {**DRAFT, "audience": "region"},  # without regionId
        {**DRAFT, "audience": "property", "propertyId": "nope"},
        {**DRAFT, "expiresAt": "2001-01-01T10:00:00Z"},
    ],
)
async def test_bad_drafts_are_refused_and_nothing_is_written(
    town: Town, body: dict[str, Any]
) -> None:
    response = await town.editor.post("/api/staff/news", json=body)
    assert response.status_code in (400, 422), response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert await News.count() == 0


async def test_publishing_in_the_past_or_after_expiry_is_refused(town: Town) -> None:
    expires = clock.now() + timedelta(hours=1)
    news_id = (await _create(town.editor, expiresAt=expires.isoformat())).json()["id"]
    past = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    response = await town.editor.post(f"/api/staff/news/{news_id}/publish", json={"at": past})
    assert response.status_code == 422
    late = (expires + timedelta(hours=1)).isoformat()
    response = await town.editor.post(f"/api/staff/news/{news_id}/publish", json={"at": late})
    assert response.status_code == 422
    wrong = await town.editor.post(f"/api/staff/news/{news_id}/publish", json={"at": "tomorrow"})
    assert wrong.status_code == 400
    row = await News.select(News.publish_at).where(News.id == news_id).first()
    assert row is not None
    assert row["publish_at"] is None


async def test_unknown_news_is_404(town: Town) -> None:
    unknown = "00000000-0000-0000-0000-000000000042"
    assert (await town.editor.get(f"/api/staff/news/{unknown}")).status_code == 404
    assert (
        await town.editor.post(f"/api/staff/news/{unknown}/publish", json={})
    ).status_code == 404
    assert (await town.editor.delete(f"/api/staff/news/{unknown}")).status_code == 404
