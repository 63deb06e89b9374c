"""Editors keep property texts and documents up to date, per language, within their regions."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from litestar import Litestar

from backend.core.tables import AuditEvent
from backend.property.tables import Property, PropertyDocument, Region
from tests.conftest import api_client
from tests.factories import make_lease, make_property, make_region, make_unit
from tests.property.support import sign_in_resident, sign_in_staff

Client = httpx.AsyncClient


@pytest.fixture
async def editor(client: Client) -> Client:
    await make_region(code="r1")
    await sign_in_staff(client, roles=["editor"], region_codes=["r1"])
    return client


async def _property_in(code: str, **values: Any) -> Property:
    """A property in the region ``code`` (created when it does not exist yet)."""
    row = await Region.select(Region.id).where(Region.code == code).first()
    region = Region(id=row["id"]) if row else await make_region(code=code)
    return await make_property(region, **values)


async def test_editor_sees_missing_texts_per_language(editor: Client) -> None:
    prop = await _property_in("r1", description={"fi": "Talo.", "en": "A house."})
    await _property_in("elsewhere")
    listing = (await editor.get("/api/staff/properties")).json()
    assert [item["id"] for item in listing] == [str(prop.id)]
    assert "description" not in listing[0]["missing"]["en"]
    assert "description" in listing[0]["missing"]["sv"]
    assert listing[0]["missing"]["fi"] == []
    detail = (await editor.get(f"/api/staff/properties/{prop.id}")).json()
    assert detail["texts"]["description"] == {"fi": "Talo.", "sv": None, "en": "A house."}
    assert detail["texts"]["district"] == {"fi": "Kallio", "sv": "Berghäll", "en": None}
    assert set(detail["missing"]["en"]) == {
        "streetAddress",
        "city",
        "district",
        "heating",
        "saunaTimes",
        "laundryTimes",
        "wasteSorting",
    }


async def test_editor_updates_one_language_at_a_time(editor: Client, app: Litestar) -> None:
    prop = await _property_in("r1")
    response = await editor.patch(
        f"/api/staff/properties/{prop.id}",
        json={
            "wasteSorting": {"sv": "Sortera bioavfall.", "en": "Sort biowaste."},
            "district": {"sv": None},
            "emergencyPhone": "+358 40 000 0999",
            "houseManager": {
                "name": "Uusi Isännöitsijä",
                "phone": "+358 40 000 0998",
                "email": "uusi@example.fi",
            },
            "floors": 7,
        },
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["texts"]["wasteSorting"] == {
        "fi": "Lajittele.",
        "sv": "Sortera bioavfall.",
        "en": "Sort biowaste.",
    }
    assert body["texts"]["district"] == {"fi": "Kallio", "sv": None, "en": None}
    assert body["emergencyPhone"] == "+358 40 000 0999"
    assert body["houseManager"]["name"] == "Uusi Isännöitsijä"
    assert body["floors"] == 7
    assert await AuditEvent.exists().where(AuditEvent.action == "property.updated")

    lease = await make_lease(await make_unit(prop))
    async with api_client(app) as resident:
        await sign_in_resident(resident, lease, 920)
        info = (await resident.get(f"/api/homes/{lease.id}/property?lang=sv")).json()
    assert info["wasteSorting"] == "Sortera bioavfall."
    assert info["emergencyPhone"] == "+358 40 000 0999"
    assert "district" in info["fellBack"]
    assert "wasteSorting" not in info["fellBack"]


@pytest.mark.parametrize(
    "body",
    [
        {"description": {"fi": None}},
        {"description": {"fi": "   "}},
        {"description": {"fi": "x" * 8001}},
        {"description": {"de": "Haus"}},
        {"description": "Talo"},
        {"floors": "many"},
        {"floors": 0},
        {"yearBuilt": 3000},
        {"emergencyPhone": "call us"},
        {"houseManager": {"name": "X"}},
        {"name": "Uusi nimi"},
        {"colour": "red"},
    ],
)
async def test_bad_edits_are_refused_and_nothing_changes(
    editor: Client, body: dict[str, Any]
) -> None:
    prop = await _property_in("r1")
    response = await editor.patch(f"/api/staff/properties/{prop.id}", json=body)
    assert response.status_code in (400, 422), response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    row = await (
        Property.select(Property.description, Property.floors, Property.emergency_phone)
        .where(Property.id == prop.id)
        .output(load_json=True)
        .first()
    )
    assert row == {
        "description": {"fi": "Testitalo."},
        "floors": None,
        "emergency_phone": "+358 40 000 0000",
    }


async def test_finnish_cannot_be_missing_after_an_edit(editor: Client) -> None:
    prop = await _property_in("r1", heating={"sv": "Fjärrvärme"})
    response = await editor.patch(
        f"/api/staff/properties/{prop.id}", json={"heating": {"en": "District heating"}}
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "heating", "message": "fi"}]


async def test_documents_crud(editor: Client) -> None:
    prop = await _property_in("r1")
    created = await editor.post(
        f"/api/staff/properties/{prop.id}/documents",
        json={
            "kind": "house_rules",
            "title": {"fi": "Järjestyssäännöt", "sv": "Ordningsregler"},
            "text": {"fi": "Hiljaisuus klo 22–7."},
        },
    )
    assert created.status_code == 201, created.text
    document = created.json()
    assert document["format"] == "text"
    assert document["missing"] == {"fi": [], "sv": ["text"], "en": ["title", "text"]}
    document_id = document["id"]
    patched = await editor.patch(
        f"/api/staff/property-documents/{document_id}",
        json={"text": {"fi": "Hiljaisuus klo 22–7.", "sv": "Tystnad kl. 22–7."}, "sortOrder": 2},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["text"]["sv"] == "Tystnad kl. 22–7."
    assert patched.json()["sortOrder"] == 2
    detail = (await editor.get(f"/api/staff/properties/{prop.id}")).json()
    assert [d["id"] for d in detail["documents"]] == [document_id]
    assert (await editor.delete(f"/api/staff/property-documents/{document_id}")).status_code == 204
    assert (await editor.get(f"/api/staff/property-documents/{document_id}")).status_code == 404
    assert await PropertyDocument.count() == 0


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "poster", "title": {"fi": "X"}},
        {"kind": "other", "title": {"sv": "X"}},
        {"kind": "other", "title": {"fi": "x" * 201}},
        {"kind": "other", "title": {"fi": "X"}, "text": {"fi": "x" * 50_001}},
        {"kind": "other", "title": {"fi": "X"}, "sortOrder": -1},
        {"kind": "other", "title": "X"},
    ],
)
async def test_bad_documents_are_refused(editor: Client, body: dict[str, Any]) -> None:
    prop = await _property_in("r1")
    response = await editor.post(f"/api/staff/properties/{prop.id}/documents", json=body)
    assert response.status_code in (400, 422), response.text
    assert await PropertyDocument.count() == 0


async def test_staff_without_the_editor_role_is_refused(client: Client) -> None:
    region = await make_region(code="r9")
    prop = await make_property(region)
    await sign_in_staff(client, roles=["customer_service", "maintenance"], region_codes=["r9"])
    assert (await client.get("/api/staff/properties")).status_code == 403
    assert (await client.get(f"/api/staff/properties/{prop.id}")).status_code == 403
    assert (await client.get("/api/staff/news")).status_code == 403
