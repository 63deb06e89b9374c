"""The staff queue's search by ticket number or address (``q``), and the audit trail of
staff opening a ticket's photos."""

from __future__ import annotations

from typing import Any

from backend.core.tables import AuditEvent
from backend.property.tables import Property
from tests.support.world import World
from tests.tickets.conftest import file_ticket, jpeg


async def _search(world: World, q: str, persona: str = "staff_in", **filters: str) -> list[str]:
    response = await world.clients[persona].get("/api/staff/tickets", params={"q": q, **filters})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"])
    return sorted(item["id"] for item in body["items"])


async def _tickets(world: World) -> dict[str, Any]:
    await Property.update(
        {Property.street_address: {"fi": "Kontulantie 5", "sv": "Gårdsvägen 5"}}
    ).where(Property.id == world.ids["P1"])
    await Property.update({Property.street_address: {"fi": "Jätkäsaarenkatu 2"}}).where(
        Property.id == world.ids["P2"]
    )
    main, other = world.clients["main"], world.clients["other"]
    return {
        "home": await file_ticket(main, world.ids["L1"], category="kitchen"),  # unit A 1
        "laundry": await file_ticket(main, world.ids["L1"], category="laundry_room"),
        "p2": await file_ticket(other, world.ids["L2"], category="kitchen"),  # unit A 2
    }


async def test_q_finds_tickets_by_address_or_home_ignoring_case(world: World) -> None:
    t = await _tickets(world)
    in_p1 = sorted([t["home"]["id"], t["laundry"]["id"]])
    assert await _search(world, "kontulantie") == in_p1
    assert await _search(world, "GÅRDSVÄGEN 5") == in_p1  # the Swedish street name
    assert await _search(world, "jätkäsaaren") == [t["p2"]["id"]]
    assert await _search(world, "JÄTKÄSAARENKATU 2 a 2") == [t["p2"]["id"]]
    # The home: the common-area ticket of the same building has no unit.
    assert await _search(world, "Kontulantie 5 A 1") == [t["home"]["id"]]
    assert await _search(world, "a2") == [t["p2"]["id"]]
    assert await _search(world, "Kontulantie 5", status="received") == in_p1
    assert await _search(world, "Kontulantie 5", status="done") == []
    assert await _search(world, "Kontulantie 7") == []
    assert await _search(world, "%") == []
    assert await _search(world, "_") == []
    assert await _search(world, "kontulantie", persona="staff_out") == []  # another region


async def test_q_finds_by_ticket_number_and_number_still_works(world: World) -> None:
    t = await _tickets(world)
    number = t["p2"]["number"]
    assert await _search(world, number.lower()) == [t["p2"]["id"]]
    assert await _search(world, f"  {number}  ") == [t["p2"]["id"]]
    by_number = await world.clients["staff_in"].get("/api/staff/tickets", params={"number": number})
    assert [item["id"] for item in by_number.json()["items"]] == [t["p2"]["id"]]
    everything = await world.clients["staff_in"].get("/api/staff/tickets", params={"q": ""})
    assert everything.json()["total"] == 3


async def _photo_reads() -> list[dict[str, Any]]:
    return list(
        await AuditEvent.select()
        .where(AuditEvent.action == "personal_data.read")
        .output(load_json=True)
    )


async def test_opening_a_photo_in_full_size_is_audit_logged(world: World) -> None:
    ticket = await file_ticket(world.clients["main"], world.ids["L1"])
    photo = await world.clients["main"].post(f"/api/tickets/{ticket['id']}/photos", content=jpeg())
    photo_id = photo.json()["id"]
    base = f"/api/staff/tickets/{ticket['id']}/photos/{photo_id}"
    staff = world.clients["staff_in"]

    assert (await staff.get(f"{base}/thumbnail")).status_code == 200
    assert await _photo_reads() == []  # previews are part of the (logged) detail view
    outside = await world.clients["staff_out"].get(base)
    assert outside.status_code == 404
    missing = await staff.get(f"/api/staff/tickets/{ticket['id']}/photos/{ticket['id']}")
    assert missing.status_code == 404
    assert await _photo_reads() == []

    original = await staff.get(base)
    assert original.status_code == 200
    assert original.headers["content-type"] == "image/jpeg"
    reads = await _photo_reads()
    assert [(r["actor_type"], r["entity_type"], str(r["entity_id"])) for r in reads] == [
        ("staff", "ticket", ticket["id"])
    ]
    assert reads[0]["details"] == {"what": "photo", "photoId": photo_id}
    assert reads[0]["actor_id"] is not None
