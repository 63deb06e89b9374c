"""The staff directory: colleagues to assign and filter by, and the regions (with their
properties) a staff user may work in — never beyond their own regions."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from backend.staff.services import create_staff_user
from backend.staff.tables import StaffUser
from tests.factories import make_property, make_region
from tests.support.flows import enrolled_staff

Client = httpx.AsyncClient


async def _staff_world() -> dict[str, Any]:
    """Two regions; colleagues in each, one in both, one at head office, one inactive."""
    east = await make_region(code="east", name={"fi": "Itä", "sv": "Öster", "en": "East"})
    west = await make_region(code="west", name={"fi": "Länsi"})
    kontula = await make_property(east, code="kontula", name="Kontulan Helmi")
    kallio = await make_property(west, code="kallio", name="Kallion Kulma")
    ids: dict[str, Any] = {"east": east.id, "west": west.id, "kontula": kontula.id}
    ids["kallio"] = kallio.id
    for email, name, roles, regions, everywhere in (
        ("huolto.ita@example.fi", "Aki Huolto", ["maintenance"], ["east"], False),
        ("palvelu.lansi@example.fi", "Bea Palvelu", ["customer_service"], ["west"], False),
        (
            "kaksi@example.fi",
            "Cecilia Kaksi",
            ["customer_service", "maintenance"],
            ["east", "west"],
            False,
        ),
        ("paakonttori@example.fi", "Daniel Pää", ["lease_control"], [], True),
        ("lahtenyt@example.fi", "Eero Lähtenyt", ["maintenance"], ["east"], False),
    ):
        ids[name] = await create_staff_user(
            email=email, name=name, roles=roles, region_codes=regions, all_regions=everywhere
        )
    await StaffUser.update({StaffUser.active: False}).where(StaffUser.id == ids["Eero Lähtenyt"])
    return ids


async def _names(client: Client, query: str = "") -> list[str]:
    response = await client.get(f"/api/staff/users{query}")
    assert response.status_code == 200, response.text
    return [entry["name"] for entry in response.json()]


async def test_a_regional_user_sees_colleagues_who_share_a_region(client: Client) -> None:
    ids = await _staff_world()
    await enrolled_staff(client, roles=["customer_service"], region_codes=["east"])
    response = await client.get("/api/staff/users")
    assert response.status_code == 200
    by_name = {entry["name"]: entry for entry in response.json()}
    # Not Bea (west only), not Eero (no longer active); head office works everywhere.
    assert list(by_name) == ["Aki Huolto", "Cecilia Kaksi", "Daniel Pää", "Kaisa Virtanen"]
    assert by_name["Cecilia Kaksi"] == {
        "id": str(ids["Cecilia Kaksi"]),
        "name": "Cecilia Kaksi",
        "roles": ["customer_service", "maintenance"],
        "allRegions": False,
        "regionIds": sorted([str(ids["east"]), str(ids["west"])]),
    }
    assert by_name["Daniel Pää"]["allRegions"] is True
    assert by_name["Daniel Pää"]["regionIds"] == []
    assert "email" not in by_name["Aki Huolto"]


async def test_filters_by_region_and_role(client: Client) -> None:
    ids = await _staff_world()
    await enrolled_staff(client, roles=["admin"], region_codes=[], all_regions=True)
    everyone = await _names(client)
    assert "Bea Palvelu" in everyone
    assert "Eero Lähtenyt" not in everyone
    assert await _names(client, f"?regionId={ids['west']}") == [
        "Bea Palvelu",
        "Cecilia Kaksi",
        "Daniel Pää",
        "Kaisa Virtanen",
    ]
    assert await _names(client, "?role=maintenance") == ["Aki Huolto", "Cecilia Kaksi"]
    assert await _names(client, "?role=maintenance&role=lease_control") == [
        "Aki Huolto",
        "Cecilia Kaksi",
        "Daniel Pää",
    ]
    assert await _names(client, f"?role=maintenance&regionId={ids['west']}") == ["Cecilia Kaksi"]
    bad = await client.get("/api/staff/users?role=janitor")
    assert bad.status_code == 400


@pytest.mark.parametrize("roles", [["maintenance"], ["editor"], ["customer_service"]])
async def test_another_region_looks_missing(client: Client, roles: list[str]) -> None:
    ids = await _staff_world()
    await enrolled_staff(client, roles=roles, region_codes=["east"])
    inside = await client.get(f"/api/staff/users?regionId={ids['east']}")
    assert inside.status_code == 200
    outside = await client.get(f"/api/staff/users?regionId={ids['west']}")
    assert outside.status_code == 404
    assert outside.headers["content-type"].startswith("application/problem+json")
    assert "Bea" not in outside.text


async def test_regions_are_those_the_user_works_in_with_their_properties(client: Client) -> None:
    ids = await _staff_world()
    await enrolled_staff(client, roles=["maintenance"], region_codes=["east"])
    response = await client.get("/api/staff/regions")
    assert response.status_code == 200
    assert response.json() == [
        {
            "id": str(ids["east"]),
            "code": "east",
            "name": {"fi": "Itä", "sv": "Öster", "en": "East"},
            "properties": [
                {"id": str(ids["kontula"]), "code": "kontula", "name": "Kontulan Helmi"}
            ],
        }
    ]


async def test_head_office_works_every_region(client: Client) -> None:
    await _staff_world()
    await enrolled_staff(client, roles=["editor"], region_codes=[], all_regions=True)
    regions = (await client.get("/api/staff/regions")).json()
    assert [(r["code"], [p["code"] for p in r["properties"]]) for r in regions] == [
        ("east", ["kontula"]),
        ("west", ["kallio"]),
    ]
    assert regions[1]["name"] == {"fi": "Länsi"}


async def test_residents_and_visitors_get_no_directory(client: Client) -> None:
    await _staff_world()
    for path in ("/api/staff/users", "/api/staff/regions"):
        response = await client.get(path)
        assert response.status_code == 401
