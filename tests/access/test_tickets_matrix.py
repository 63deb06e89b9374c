"""The access matrix of every defect-notification endpoint, resident and staff side."""

from __future__ import annotations

from litestar import Litestar

from tests.support.world import PERSONAS, RESIDENTS, Case, World, build_world, check_matrix
from tests.tickets.conftest import file_ticket, jpeg, staff_move, ticket_body

HOUSEHOLD = ("main", "co", "resident")  # the adults of L1
STAFF_ONLY = {"staff_out": 404}  # outside the region: looks missing
RESIDENT_ONLY = {"staff_in": 403, "staff_out": 403}
SECRET = "Salainen kuvaus: ovikoodi 1234"


async def _tickets(world: World) -> None:
    main, staff = world.clients["main"], world.clients["staff_in"]
    for key, category in (("T", "bathroom"), ("TC", "kitchen"), ("TD", "rooms"), ("TR", "sauna")):
        ticket = await file_ticket(main, world.ids["L1"], category=category, description=SECRET)
        world.ids[key] = ticket["id"]
    await file_ticket(main, world.ids["L1"], category="laundry_room")
    for key in ("TD", "TR"):
        assert (await staff_move(staff, str(world.ids[key]), "done")).status_code == 200
    photo = await main.post(f"/api/tickets/{world.ids['T']}/photos", content=jpeg())
    world.ids["PH"] = photo.json()["id"]


async def test_ticket_endpoints(db: None, app: Litestar) -> None:
    household = {persona: 200 for persona in HOUSEHOLD}
    async with build_world(app) as world:
        await _tickets(world)
        await check_matrix(
            world,
            [
                Case(
                    "GET",
                    "/api/tickets/categories",
                    allowed={persona: 200 for persona in PERSONAS},
                ),
                Case(
                    "POST",
                    "/api/tickets",
                    body=ticket_body(world.ids["L1"]),
                    # The first files it; the household's retries answer the same ticket.
                    allowed={"main": 201, "co": 200, "resident": 200},
                    special=RESIDENT_ONLY,
                ),
                Case(
                    "GET",
                    "/api/tickets",
                    allowed={p: 200 for p in RESIDENTS if p != "ended"},
                    special=RESIDENT_ONLY,
                ),
                Case(
                    "GET",
                    "/api/tickets?leaseId={L1}",
                    allowed=household,
                    special=RESIDENT_ONLY,
                    secrets=(SECRET,),
                ),
                Case(
                    "GET",
                    "/api/tickets/common-area-open?leaseId={L1}&area=laundry_room",
                    allowed=household,
                    special=RESIDENT_ONLY,
                ),
                Case(
                    "GET",
                    "/api/tickets/{T}",
                    allowed=household,
                    special=RESIDENT_ONLY,
                    secrets=(SECRET,),
                ),
                Case(
                    "GET", "/api/tickets/{T}/photos/{PH}", allowed=household, special=RESIDENT_ONLY
                ),
                Case(
                    "GET",
                    "/api/tickets/{T}/photos/{PH}/thumbnail",
                    allowed=household,
                    special=RESIDENT_ONLY,
                ),
                Case(
                    "POST",
                    "/api/tickets/{T}/comments",
                    body={"text": "Olemme kotona iltaisin."},
                    allowed={p: 201 for p in HOUSEHOLD},
                    special=RESIDENT_ONLY,
                ),
                Case(
                    "POST",
                    "/api/tickets/{TC}/cancel",
                    body={},
                    # The first cancels; then there is nothing left to cancel.
                    allowed={"main": 200},
                    special={"co": 409, "resident": 409, **RESIDENT_ONLY},
                ),
                Case(
                    "POST",
                    "/api/tickets/{TD}/rating",
                    body={"stars": 5, "comment": "Kiitos!"},
                    allowed=household,
                    special=RESIDENT_ONLY,
                ),
                Case(
                    "POST",
                    "/api/tickets/{TR}/reopen",
                    body={"reason": "Vuotaa taas."},
                    allowed={"main": 200},
                    special={"co": 409, "resident": 409, **RESIDENT_ONLY},
                ),
                Case(
                    "GET",
                    "/api/staff/tickets",
                    allowed={"staff_in": 200, "staff_out": 200},
                    deny=403,
                ),
                Case(
                    "GET",
                    "/api/staff/tickets/{T}",
                    allowed={"staff_in": 200},
                    deny=403,
                    special=STAFF_ONLY,
                    secrets=(SECRET,),
                ),
                Case(
                    "POST",
                    "/api/staff/tickets/{T}/assign",
                    body={"assigneeId": None},
                    allowed={"staff_in": 200},
                    deny=403,
                    special=STAFF_ONLY,
                ),
                Case(
                    "POST",
                    "/api/staff/tickets/{T}/comments",
                    body={"text": "Huoltomies tulee.", "visibility": "public"},
                    allowed={"staff_in": 201},
                    deny=403,
                    special=STAFF_ONLY,
                ),
                Case(
                    "GET",
                    "/api/staff/tickets/{T}/photos/{PH}",
                    allowed={"staff_in": 200},
                    deny=403,
                    special=STAFF_ONLY,
                ),
                Case(
                    "GET",
                    "/api/staff/tickets/{T}/photos/{PH}/thumbnail",
                    allowed={"staff_in": 200},
                    deny=403,
                    special=STAFF_ONLY,
                ),
                Case(
                    "POST",
                    "/api/staff/tickets/{T}/transition",
                    body={"to": "in_progress"},
                    allowed={"staff_in": 200},
                    deny=403,
                    special=STAFF_ONLY,
                ),
            ],
        )
        await _photo_upload_matrix(world)


async def _photo_upload_matrix(world: World) -> None:
    """Uploading a photo (a binary body, which check_matrix does not send)."""
    expected = {
        "main": 201,
        "co": 201,
        "resident": 201,
        "other": 404,
        "before": 404,
        "ended": 401,
        "staff_in": 403,
        "staff_out": 403,
        "anonymous": 401,
    }
    failures = []
    for shade, persona in enumerate(PERSONAS):
        response = await world.clients[persona].post(
            world.path("/api/tickets/{T}/photos"), content=jpeg((shade * 20, 90, 90))
        )
        if response.status_code != expected[persona]:
            failures.append(f"{persona}: {response.status_code}, expected {expected[persona]}")
    assert not failures, "\n".join(failures)
