"""Finding the person at the office desk in the register, to issue a registration code:
by name or home address, adults of current and starting leases, in the staff user's
regions; birth year only, never the identity code; every person shown is audit-logged."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from backend.core.tables import AuditEvent
from backend.demo.identity_codes import test_identity_code
from tests.factories import TODAY, make_lease, make_occupant, make_property, make_region, make_unit
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import enrolled_staff, register

Client = httpx.AsyncClient
BORN = date(TODAY.year - 40, 3, 14)


async def _register_of_occupants() -> dict[str, Any]:
    east = await make_region(code="east")
    west = await make_region(code="west")
    kontula = await make_property(
        east, street_address={"fi": "Kontulantie 5", "sv": "Gårdsvägen 5"}
    )
    jatka = await make_property(east, street_address={"fi": "Jätkäsaarenlaituri 3"})
    far = await make_property(west, street_address={"fi": "Länsitie 9"})
    home = await make_lease(await make_unit(kontula, staircase="B", number="12"))
    starting = await make_lease(
        await make_unit(jatka, staircase="", number="7"), starts_on=TODAY + timedelta(days=10)
    )
    ended = await make_lease(
        await make_unit(kontula, number="1"),
        starts_on=TODAY - timedelta(days=900),
        ends_on=TODAY - timedelta(days=1),
    )
    west_home = await make_lease(await make_unit(far, number="2"))
    people = {
        "mikko": (home, "Mikko", "Laine", "main_tenant", BORN, None),
        "anna": (home, "Anna", "Laine", "co_tenant", BORN, None),
        "venla": (home, "Venla", "Laine", "occupant", TODAY - timedelta(days=12 * 365), None),
        "joonas": (home, "Joonas", "Laine", "occupant", BORN, TODAY - timedelta(days=3)),
        "oskari": (starting, "Oskari", "Äijälä", "main_tenant", BORN, None),
        "pekka": (ended, "Pekka", "Laine", "main_tenant", BORN, None),
        "lasse": (west_home, "Lasse", "Laine", "main_tenant", BORN, None),
    }
    ids: dict[str, Any] = {}
    for key, (lease, first, last, role, born, moved_out) in people.items():
        code = test_identity_code(born, 900 + len(ids))
        occupant = await make_occupant(
            lease,
            identity_code=code,
            first_name=first,
            last_name=last,
            role=role,
            birth_date=born,
            moved_out_on=moved_out,
        )
        ids[key] = occupant.id
        ids[f"{key}_code"] = code
    return ids


async def _search(client: Client, q: str, status: int = 200, **headers: str) -> Any:
    response = await client.get("/api/staff/occupants", params={"q": q}, headers=headers)
    assert response.status_code == status, response.text
    return response.json()


async def test_finds_current_adults_by_name_with_what_the_desk_needs(
    client: Client, other_device: Client
) -> None:
    ids = await _register_of_occupants()
    await register(other_device, SoftAuthenticator(), ids["anna_code"], email="anna@example.fi")
    await enrolled_staff(client, roles=["customer_service"], region_codes=["east"])
    found = await _search(client, "laine", **{"accept-language": "sv"})
    # Not Venla (12), Joonas (moved out), Pekka (lease ended) or Lasse (another region).
    assert found == [
        {
            "occupantId": str(ids["anna"]),
            "firstName": "Anna",
            "lastName": "Laine",
            "birthYear": BORN.year,
            "address": "Gårdsvägen 5",
            "unit": "B 12",
            "role": "co_tenant",
            "registered": True,
            "canRegister": True,
        },
        {
            "occupantId": str(ids["mikko"]),
            "firstName": "Mikko",
            "lastName": "Laine",
            "birthYear": BORN.year,
            "address": "Gårdsvägen 5",
            "unit": "B 12",
            "role": "main_tenant",
            "registered": False,
            "canRegister": True,
        },
    ]
    assert "birthDate" not in found[0]
    assert ids["mikko_code"] not in str(found)
    assert [p["firstName"] for p in await _search(client, "Mikko Laine")] == ["Mikko"]
    assert [p["firstName"] for p in await _search(client, "LAINE ANNA")] == ["Anna"]


async def test_finds_by_address_and_home_ignoring_case_beyond_ascii(client: Client) -> None:
    await _register_of_occupants()
    await enrolled_staff(client, roles=["lease_control"], region_codes=["east"])

    def names(found: Any) -> list[str]:
        return sorted(p["firstName"] for p in found)

    assert names(await _search(client, "kontulantie 5")) == ["Anna", "Mikko"]
    assert names(await _search(client, "gårdsvägen")) == ["Anna", "Mikko"]  # Swedish name
    assert names(await _search(client, "Kontulantie 5 B 12")) == ["Anna", "Mikko"]
    assert names(await _search(client, "b12")) == ["Anna", "Mikko"]
    # A lease that starts in ten days: the person may already register.
    starting = await _search(client, "JÄTKÄSAAREN")
    assert [(p["firstName"], p["unit"]) for p in starting] == [("Oskari", "7")]
    assert names(await _search(client, "äijälä")) == ["Oskari"]
    assert await _search(client, "Kontulantie 6") == []
    assert await _search(client, "%%") == []
    assert await _search(client, "_a") == []
    assert await _search(client, "a") == []  # one letter would list half the register


async def test_each_person_shown_is_audit_logged(client: Client) -> None:
    ids = await _register_of_occupants()
    await enrolled_staff(client, roles=["customer_service"], region_codes=["east"])
    await _search(client, "Laine")
    reads = await AuditEvent.select().where(AuditEvent.action == "personal_data.read")
    assert sorted((r["entity_type"], r["entity_id"]) for r in reads) == sorted(
        [("occupant", ids["anna"]), ("occupant", ids["mikko"])]
    )
    assert all("Laine" in str(r["details"]) for r in reads)
    await _search(client, "Nobody Here")
    assert await AuditEvent.count().where(AuditEvent.action == "personal_data.read") == 2


@pytest.mark.parametrize(
    ("roles", "region", "expected"),
    [
        (["customer_service"], "east", 200),
        (["lease_control"], "east", 200),
        (["admin"], "east", 200),
        (["customer_service"], "west", 200),  # finds nobody in east
        (["lease_control"], "west", 200),
        (["admin"], "west", 200),
        (["maintenance"], "east", 403),
        (["editor"], "east", 403),
        (["maintenance"], "west", 403),
        (["editor"], "west", 403),
    ],
)
async def test_roles_and_regions(
    client: Client, roles: list[str], region: str, expected: int
) -> None:
    ids = await _register_of_occupants()
    await enrolled_staff(client, roles=roles, region_codes=[region])
    found = await _search(client, "Laine", expected)
    if expected != 200:
        assert "Laine" not in str(found)
        return
    inside = {str(ids["anna"]), str(ids["mikko"])} if region == "east" else {str(ids["lasse"])}
    assert {p["occupantId"] for p in found} == inside


async def test_residents_cannot_search(client: Client) -> None:
    ids = await _register_of_occupants()
    await register(client, SoftAuthenticator(), ids["mikko_code"])
    response = await client.get("/api/staff/occupants", params={"q": "Laine"})
    assert response.status_code == 403
    assert "Anna" not in response.text
