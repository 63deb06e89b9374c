"""A resident reads their building's information, in their language with per-field fallback."""

from __future__ import annotations

import uuid
from datetime import timedelta

import httpx

from backend.core import clock
from backend.property.tables import PropertyDocument
from tests.factories import TODAY, make_lease, make_property, make_region, make_unit
from tests.property.support import sign_in_resident

Client = httpx.AsyncClient


async def _document(property_id: uuid.UUID, **values: object) -> uuid.UUID:
    document_id = uuid.uuid4()
    await PropertyDocument.insert(
        PropertyDocument(
            **{
                "id": document_id,
                "property": property_id,
                "kind": "house_rules",
                "title": {"fi": "Järjestyssäännöt", "sv": "Ordningsregler"},
                "body": {"fi": "Hiljaisuus klo 22–7."},
                "created_at": clock.now(),
                "updated_at": clock.now(),
                **values,
            }
        )
    )
    return document_id


async def test_property_info_in_swedish_falls_back_per_field(client: Client) -> None:
    prop = await make_property(
        name="Merituuli",
        description={"fi": "Talo meren rannalla.", "sv": "Ett hus vid havet."},
        waste_sorting={"fi": "Lajittele biojäte."},
        year_built=1985,
        floors=6,
    )
    lease = await make_lease(await make_unit(prop))
    await sign_in_resident(client, lease, 910)
    document_id = await _document(prop.id)
    await _document(prop.id, kind="other", title={"fi": "Kesken"}, body={})  # unfinished

    response = await client.get(
        f"/api/homes/{lease.id}/property", headers={"accept-language": "sv"}
    )
    assert response.status_code == 200, response.text
    info = response.json()
    assert info["language"] == "sv"
    assert info["name"] == "Merituuli"
    assert info["description"] == "Ett hus vid havet."
    assert info["wasteSorting"] == "Lajittele biojäte."
    assert info["district"] == "Berghäll"
    assert info["streetAddress"] == "Testgatan 1"
    assert info["yearBuilt"] == 1985
    assert info["floors"] == 6
    assert info["emergencyPhone"] == "+358 40 000 0000"
    assert info["maintenanceCompany"] == {
        "name": "Huolto Oy",
        "phone": "+358 40 000 0001",
        "email": "huolto@example.fi",
    }
    assert info["houseManager"]["name"] == "Isännöitsijä"
    assert set(info["fellBack"]) == {
        "heating",
        "wasteSorting",
        "saunaTimes",
        "laundryTimes",
    }
    assert "description" not in info["fellBack"]
    [document] = info["documents"]
    assert document == {
        "id": str(document_id),
        "kind": "house_rules",
        "title": "Ordningsregler",
        "format": "text",
        "text": "Hiljaisuus klo 22–7.",
        "fileUrl": None,
        "updatedAt": document["updatedAt"],
        "fellBack": ["text"],
    }


async def test_finnish_never_falls_back_and_lang_parameter_wins(client: Client) -> None:
    lease = await make_lease()
    await sign_in_resident(client, lease, 911)
    finnish = (await client.get(f"/api/homes/{lease.id}/property")).json()
    assert finnish["language"] == "fi"
    assert finnish["fellBack"] == []
    english = (
        await client.get(
            f"/api/homes/{lease.id}/property?lang=en", headers={"accept-language": "sv"}
        )
    ).json()
    assert english["language"] == "en"
    assert english["city"] == "Helsinki"  # only fi and sv stored
    assert "city" in english["fellBack"]
    assert "streetAddress" in english["fellBack"]


async def test_visible_before_the_lease_starts(client: Client) -> None:
    lease = await make_lease(starts_on=TODAY + timedelta(days=10))
    await sign_in_resident(client, lease, 912)
    response = await client.get(f"/api/homes/{lease.id}/property")
    assert response.status_code == 200
    assert response.json()["leaseId"] == str(lease.id)


async def test_another_home_looks_missing(client: Client) -> None:
    region = await make_region()
    mine = await make_lease(await make_unit(await make_property(region)))
    theirs = await make_lease(await make_unit(await make_property(region, name="Salainen")))
    await sign_in_resident(client, mine, 913)
    for lease_id in (theirs.id, uuid.uuid4()):
        response = await client.get(f"/api/homes/{lease_id}/property")
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("application/problem+json")
        assert "Salainen" not in response.text
        assert str(lease_id) not in response.json()["detail"]
    assert (await client.get("/api/homes/not-a-uuid/property")).status_code == 404
