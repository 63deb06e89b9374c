"""Defect notifications from the resident's side: filing, idempotency, emergencies, photos,
comments, cancel, rating and reopening, common-area lookups."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

from PIL import Image

from backend.core import clock
from backend.media.tables import Blob
from backend.tickets.tables import Ticket, TicketEvent, TicketPhoto
from tests.support.world import World
from tests.tickets.conftest import file_ticket, jpeg, staff_move, ticket_body


async def test_categories_are_a_localized_tree(world: World) -> None:
    response = await world.clients["anonymous"].get("/api/tickets/categories?lang=sv")
    assert response.status_code == 200
    body = response.json()
    groups = {group["code"]: group for group in body["groups"]}
    assert list(groups) == ["apartment", "common_area", "emergency"]
    apartment = {c["code"]: c for c in groups["apartment"]["categories"]}
    assert apartment["bathroom"]["name"] == "Badrum och toalett"
    assert apartment["bathroom"]["expectedDays"] == 7
    common = {c["code"]: c["name"] for c in groups["common_area"]["categories"]}
    assert common["laundry_room"] == "Tvättstuga"
    assert all(c["emergency"] for c in groups["emergency"]["categories"])
    assert {c["code"] for c in groups["emergency"]["categories"]} == {
        "water_leak",
        "no_heating_winter",
        "lockout",
        "fire_smoke",
    }
    statuses = {s["code"]: s["name"] for s in body["statuses"]}
    assert statuses["waiting_for_parts"] == "Väntar på delar"


async def test_filing_a_ticket(world: World) -> None:
    main = world.clients["main"]
    ticket = await file_ticket(main, world.ids["L1"], category="kitchen", pets=True)
    assert re.fullmatch(rf"VI-{clock.today().year}-\d{{6}}", ticket["number"])
    assert ticket["status"] == "received"
    assert ticket["statusName"] == "Vastaanotettu"
    assert ticket["expectedBy"] == str(clock.today() + timedelta(days=14))
    assert ticket["pets"] is True
    assert ticket["canCancel"] is True
    assert [e["toStatus"] for e in ticket["timeline"]] == ["received"]
    second = await file_ticket(main, world.ids["L1"])
    assert int(second["number"][-6:]) == int(ticket["number"][-6:]) + 1
    listed = (await main.get("/api/tickets")).json()
    assert [t["id"] for t in listed] == [second["id"], ticket["id"]]


async def test_the_same_client_id_twice_is_one_ticket(world: World) -> None:
    main = world.clients["main"]
    body = ticket_body(world.ids["L1"])
    first = await main.post("/api/tickets", json=body)
    again = await main.post("/api/tickets", json=body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["number"] == first.json()["number"]
    changed = await main.post("/api/tickets", json={**body, "description": "Jotain muuta."})
    assert changed.status_code == 409
    assert changed.json()["type"] == "/problems/ticket-id-conflict"
    assert await Ticket.count() == 1


async def test_every_adult_of_the_household_files_and_sees_the_homes_tickets(
    world: World,
) -> None:
    by_co = await file_ticket(world.clients["co"], world.ids["L1"])
    by_resident = await file_ticket(world.clients["resident"], world.ids["L1"])
    listed = (await world.clients["main"].get(f"/api/tickets?leaseId={world.ids['L1']}")).json()
    assert {t["id"] for t in listed} == {by_co["id"], by_resident["id"]}
    assert (await world.clients["other"].get("/api/tickets")).json() == []


async def test_not_before_the_lease_starts(world: World) -> None:
    response = await world.clients["before"].post("/api/tickets", json=ticket_body(world.ids["L3"]))
    assert response.status_code == 403
    assert (await world.clients["before"].get("/api/tickets")).json() == []


async def test_an_emergency_is_a_phone_number_not_a_ticket(world: World) -> None:
    for category in ("water_leak", "no_heating_winter", "lockout", "fire_smoke"):
        response = await world.clients["main"].post(
            "/api/tickets?lang=en", json=ticket_body(world.ids["L1"], category=category)
        )
        assert response.status_code == 409
        problem = response.json()
        assert problem["type"] == "/problems/emergency"
        assert "+358 40 000 0000" in problem["detail"]  # the property's 24/7 line
    assert await Ticket.count() == 0


async def test_someone_elses_ticket_looks_missing(world: World) -> None:
    ticket = await file_ticket(world.clients["main"], world.ids["L1"])
    photo = await world.clients["main"].post(f"/api/tickets/{ticket['id']}/photos", content=jpeg())
    missing = await world.clients["other"].get(f"/api/tickets/{uuid.uuid4()}")
    for path in (
        f"/api/tickets/{ticket['id']}",
        f"/api/tickets/{ticket['id']}/photos/{photo.json()['id']}",
        f"/api/tickets/{ticket['id']}/photos/{photo.json()['id']}/thumbnail",
    ):
        response = await world.clients["other"].get(path)
        assert response.status_code == 404
        assert ticket["number"] not in response.text
        assert response.json()["detail"] == missing.json()["detail"]
    for action, body in (
        ("comments", {"text": "Hei"}),
        ("cancel", {}),
        ("reopen", {"reason": "x"}),
        ("rating", {"stars": 1}),
    ):
        response = await world.clients["other"].post(
            f"/api/tickets/{ticket['id']}/{action}", json=body
        )
        assert response.status_code == 404, action
    upload = await world.clients["other"].post(
        f"/api/tickets/{ticket['id']}/photos", content=jpeg((0, 0, 255))
    )
    assert upload.status_code == 404
    assert await TicketEvent.count() == 1


async def test_photos(world: World) -> None:
    main = world.clients["main"]
    ticket = await file_ticket(main, world.ids["L1"])
    raw = await main.post(
        f"/api/tickets/{ticket['id']}/photos",
        content=jpeg(),
        headers={"content-type": "image/jpeg"},
    )
    assert raw.status_code == 201, raw.text
    form = await main.post(
        f"/api/tickets/{ticket['id']}/photos",
        files={"file": ("kuva.png", jpeg((0, 200, 0)), "image/png")},
    )
    assert form.status_code == 201, form.text
    assert form.json()["mediaType"] == "image/jpeg"  # sniffed, not the client's word
    assert [raw.json()["position"], form.json()["position"]] == [1, 2]
    again = await main.post(f"/api/tickets/{ticket['id']}/photos", content=jpeg())
    assert again.json()["id"] == raw.json()["id"]  # the same picture is not added twice
    original = await world.clients["co"].get(
        f"/api/tickets/{ticket['id']}/photos/{raw.json()['id']}"
    )
    assert original.status_code == 200
    assert original.headers["content-type"] == "image/jpeg"
    thumbnail = await main.get(f"/api/tickets/{ticket['id']}/photos/{raw.json()['id']}/thumbnail")
    assert thumbnail.status_code == 200
    assert max(Image.open(__import__("io").BytesIO(thumbnail.content)).size) <= 400
    detail = (await main.get(f"/api/tickets/{ticket['id']}")).json()
    assert [p["position"] for p in detail["photos"]] == [1, 2]


async def test_at_most_five_photos_of_allowed_types(world: World) -> None:
    main = world.clients["main"]
    ticket = await file_ticket(main, world.ids["L1"])
    path = f"/api/tickets/{ticket['id']}/photos"
    text = await main.post(
        path, content=b"just text, named photo.jpg", headers={"content-type": "image/jpeg"}
    )
    assert text.status_code == 415
    assert text.json()["type"] == "/problems/upload-type"
    big = await main.post(path, content=jpeg() + b"\0" * (11 * 1024 * 1024))
    assert big.status_code == 413
    for shade in range(5):
        assert (await main.post(path, content=jpeg((shade * 40, 0, 0)))).status_code == 201
    sixth = await main.post(path, content=jpeg((0, 0, 99)))
    assert sixth.status_code == 409
    assert sixth.json()["type"] == "/problems/ticket-photo-limit"
    assert await TicketPhoto.count() == 5
    assert await Blob.count() == 5  # the refused ones left nothing behind


async def test_comments_both_ways_and_internal_notes_stay_internal(world: World) -> None:
    main, staff = world.clients["main"], world.clients["staff_in"]
    ticket = await file_ticket(main, world.ids["L1"])
    assert (
        await main.post(f"/api/tickets/{ticket['id']}/comments", json={"text": "Koira on kotona."})
    ).status_code == 201
    await staff.post(
        f"/api/staff/tickets/{ticket['id']}/comments",
        json={"text": "Tulemme huomenna.", "visibility": "public"},
    )
    await staff.post(
        f"/api/staff/tickets/{ticket['id']}/comments",
        json={"text": "SALAINEN: asukas valittaa usein", "visibility": "internal"},
    )
    await staff_move(
        staff, ticket["id"], "in_progress", note="SISÄINEN: tilaa osa", visibility="internal"
    )
    detail = await main.get(f"/api/tickets/{ticket['id']}")
    texts = [e["text"] for e in detail.json()["timeline"]]
    assert "Koira on kotona." in texts
    assert "Tulemme huomenna." in texts
    assert "SALAINEN" not in detail.text
    assert "SISÄINEN" not in detail.text
    assert detail.json()["status"] == "in_progress"
    staff_view = (await staff.get(f"/api/staff/tickets/{ticket['id']}")).json()
    kinds = [(e["kind"], e["visibility"]) for e in staff_view["timeline"]]
    assert ("note", "internal") in kinds


async def test_cancel_only_while_received(world: World) -> None:
    main = world.clients["main"]
    first = await file_ticket(main, world.ids["L1"])
    cancelled = await main.post(f"/api/tickets/{first['id']}/cancel", json={"reason": "Korjasin"})
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    assert cancelled.json()["closedAt"] is not None
    second = await file_ticket(main, world.ids["L1"])
    await staff_move(world.clients["staff_in"], second["id"], "in_progress")
    refused = await main.post(f"/api/tickets/{second['id']}/cancel", json={})
    assert refused.status_code == 409
    assert refused.json()["type"] == "/problems/ticket-transition"


async def test_rate_and_reopen_done_work(world: World) -> None:
    main, staff = world.clients["main"], world.clients["staff_in"]
    ticket = await file_ticket(main, world.ids["L1"])
    early = await main.post(f"/api/tickets/{ticket['id']}/rating", json={"stars": 5})
    assert early.status_code == 409
    assert (
        await staff_move(staff, ticket["id"], "done", note="Hana vaihdettu.")
    ).status_code == 200
    rated = await main.post(
        f"/api/tickets/{ticket['id']}/rating", json={"stars": 4, "comment": "Nopeaa!"}
    )
    assert rated.status_code == 200
    assert rated.json()["rating"]["stars"] == 4
    assert rated.json()["canReopen"] is True
    bad = await main.post(f"/api/tickets/{ticket['id']}/rating", json={"stars": 6})
    assert bad.status_code == 400
    reopened = await main.post(
        f"/api/tickets/{ticket['id']}/reopen", json={"reason": "Vuotaa taas."}
    )
    assert reopened.status_code == 200
    assert reopened.json()["status"] == "in_progress"
    assert reopened.json()["closedAt"] is None


async def test_reopen_only_within_fourteen_days(world: World) -> None:
    main = world.clients["main"]
    ticket = await file_ticket(main, world.ids["L1"])
    await staff_move(world.clients["staff_in"], ticket["id"], "done")
    # (The clock cannot travel two weeks: the session would expire. The work is done earlier.)
    for days, status in ((15, 409), (13, 200)):
        await Ticket.update({Ticket.closed_at: clock.now() - timedelta(days=days)}).where(
            Ticket.id == ticket["id"]
        )
        answer = await main.post(f"/api/tickets/{ticket['id']}/reopen", json={"reason": "Taas"})
        assert answer.status_code == status
        if status == 409:
            assert answer.json()["type"] == "/problems/ticket-reopen-window"


async def test_common_area_open_tickets_show_nothing_personal(world: World) -> None:
    main = world.clients["main"]
    laundry = await file_ticket(
        main,
        world.ids["L1"],
        category="laundry_room",
        description="Kuivausrumpu 2 ei lämpene.",
        contactPhone="+358 40 000 0999",
    )
    assert laundry["area"] == "laundry_room"
    await file_ticket(main, world.ids["L1"], category="elevator")
    path = f"/api/tickets/common-area-open?leaseId={world.ids['L1']}&area=laundry_room"
    response = await world.clients["resident"].get(path)
    assert response.status_code == 200
    [item] = response.json()
    assert set(item) == {"number", "category", "categoryName", "status", "statusName", "createdOn"}
    assert item["number"] == laundry["number"]
    assert "0999" not in response.text
    assert "Kuivausrumpu" not in response.text
    other = await world.clients["other"].get(
        f"/api/tickets/common-area-open?leaseId={world.ids['L2']}&area=laundry_room"
    )
    assert other.json() == []  # another property
    unknown = await main.get(f"/api/tickets/common-area-open?leaseId={world.ids['L1']}&area=roof")
    assert unknown.status_code == 422
