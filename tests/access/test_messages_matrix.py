"""The access matrix of messages and service requests: every endpoint, every persona."""

from __future__ import annotations

from uuid import UUID

from litestar import Litestar

from tests.conftest import api_client
from tests.messages.test_attachments import jpeg
from tests.support.flows import enrolled_staff
from tests.support.world import RESIDENTS, Case, World, build_world, check_matrix

SECRET = "Salainen aihe 7731"
STAFF_ONLY = {"staff_in": 200, "staff_out": 200}
RESIDENTS_REFUSED = {p: 403 for p in RESIDENTS if p != "ended"}


async def _thread(world: World, persona: str, category: str) -> UUID:
    response = await world.clients[persona].post(
        world.path("/api/homes/{L1}/messages"),
        json={"category": category, "subject": SECRET, "body": f"{SECRET}: viesti"},
    )
    assert response.status_code == 201, response.text
    return UUID(response.json()["id"])


async def _attachments(world: World) -> None:
    """A photo on the main tenant's first message of T, and a staff reply (SM) to attach to."""
    thread = (await world.clients["main"].get(world.path("/api/messages/{T}"))).json()
    world.ids["M"] = UUID(thread["messages"][0]["id"])
    photo = await world.clients["main"].post(
        world.path("/api/messages/{T}/messages/{M}/attachments"), content=jpeg()
    )
    assert photo.status_code == 201, photo.text
    world.ids["A"] = UUID(photo.json()["id"])
    reply = await world.clients["staff_in"].post(
        world.path("/api/staff/messages/{T}/messages"), json={"body": "Kiitos kuvasta."}
    )
    world.ids["SM"] = UUID(reply.json()["messages"][-1]["id"])


async def test_messages_endpoints(db: None, app: Litestar) -> None:
    signed_in = {p: 200 for p in (*RESIDENTS, "staff_in", "staff_out") if p != "ended"}
    residents = {p: 200 for p in RESIDENTS if p != "ended"}
    staff_refused = {"staff_in": 403, "staff_out": 403}
    async with build_world(app) as world:
        world.ids["T"] = await _thread(world, "main", "sauna")  # shared by the main tenants
        world.ids["TK"] = await _thread(world, "resident", "keys")  # personal
        world.ids["TC"] = await _thread(world, "main", "disturbance")
        world.ids["TS"] = await _thread(world, "main", "parking")
        await _attachments(world)
        thread_body = {"category": "sauna", "subject": "Sauna", "body": "Vuoro?"}
        keys_body = {"category": "keys", "subject": "Avain", "body": "Uusi avain?"}
        in_staff = {"staff_out": 404, **RESIDENTS_REFUSED}
        await check_matrix(
            world,
            [
                Case("GET", "/api/messages/categories", allowed=signed_in),
                Case("GET", "/api/messages/unread", allowed=residents, special=staff_refused),
                Case(
                    "GET",
                    "/api/homes/{L1}/messages",
                    allowed={"main": 200, "co": 200, "resident": 200},
                    special=staff_refused,
                ),
                Case(
                    "GET",
                    "/api/homes/{L3}/messages",
                    allowed={},
                    special={"before": 403, **staff_refused},
                ),
                Case(
                    "POST",
                    "/api/homes/{L1}/messages",
                    body=thread_body,
                    allowed={"main": 201, "co": 201},
                    special={"resident": 403, **staff_refused},
                ),
                Case(
                    "POST",
                    "/api/homes/{L1}/messages",
                    body=keys_body,
                    allowed={"main": 201, "co": 201, "resident": 201},
                    special=staff_refused,
                ),
                Case(
                    "POST",
                    "/api/homes/{L3}/messages",
                    body=keys_body,
                    allowed={},
                    special={"before": 403, **staff_refused},
                ),
                Case(
                    "GET",
                    "/api/messages/{T}",
                    allowed={"main": 200, "co": 200},
                    special=staff_refused,
                    secrets=(SECRET,),
                ),
                Case(
                    "GET",
                    "/api/messages/{TK}",
                    allowed={"resident": 200},
                    special=staff_refused,
                    secrets=(SECRET,),
                ),
                Case(
                    "POST",
                    "/api/messages/{T}/messages",
                    body={"body": "Lisätieto"},
                    allowed={"main": 201, "co": 201},
                    special=staff_refused,
                    secrets=(SECRET,),
                ),
                Case(
                    "POST",
                    "/api/messages/{TK}/messages",
                    body={"body": "Lisätieto"},
                    allowed={"resident": 201},
                    special=staff_refused,
                    secrets=(SECRET,),
                ),
                Case(
                    "POST",
                    "/api/messages/{TC}/close",
                    allowed={"main": 200},
                    special={"co": 403, **staff_refused},
                    secrets=(SECRET,),
                ),
                # Access passes for the author; the empty body is then refused (400).
                Case(
                    "POST",
                    "/api/messages/{T}/messages/{M}/attachments",
                    allowed={"main": 400},
                    special=staff_refused,
                    secrets=(SECRET,),
                ),
                Case(
                    "GET",
                    "/api/messages/{T}/attachments/{A}",
                    allowed={"main": 200, "co": 200},
                    special=staff_refused,
                ),
                Case(
                    "GET",
                    "/api/messages/{T}/attachments/{A}/thumbnail",
                    allowed={"main": 200, "co": 200},
                    special=staff_refused,
                ),
                Case(
                    "POST",
                    "/api/staff/messages/{T}/messages/{SM}/attachments",
                    allowed={"staff_in": 400},
                    special=in_staff,
                    secrets=(SECRET,),
                ),
                Case(
                    "GET",
                    "/api/staff/messages/{T}/attachments/{A}",
                    allowed={"staff_in": 200},
                    special=in_staff,
                ),
                Case(
                    "GET",
                    "/api/staff/messages/{T}/attachments/{A}/thumbnail",
                    allowed={"staff_in": 200},
                    special=in_staff,
                ),
                Case("GET", "/api/staff/messages", allowed=STAFF_ONLY, deny=403),
                Case("GET", "/api/staff/messages/unread", allowed=STAFF_ONLY, deny=403),
                Case(
                    "GET",
                    "/api/staff/messages/{T}",
                    allowed={"staff_in": 200},
                    special=in_staff,
                    secrets=(SECRET,),
                ),
                Case(
                    "POST",
                    "/api/staff/messages/{T}/messages",
                    body={"body": "Vastaus"},
                    allowed={"staff_in": 201},
                    special=in_staff,
                    secrets=(SECRET,),
                ),
                Case(
                    "POST",
                    "/api/staff/messages/{T}/assign",
                    body={"staffId": None},
                    allowed={"staff_in": 200},
                    special=in_staff,
                    secrets=(SECRET,),
                ),
                Case(
                    "POST",
                    "/api/staff/messages/{TS}/close",
                    allowed={"staff_in": 200},
                    special=in_staff,
                    secrets=(SECRET,),
                ),
            ],
        )
        # Staff outside the region get an inbox, without the region's threads.
        outside = await world.clients["staff_out"].get("/api/staff/messages")
        assert outside.json() == {"items": [], "total": 0}
        assert SECRET not in outside.text


async def test_staff_without_a_message_role_are_refused(db: None, app: Litestar) -> None:
    async with build_world(app) as world, api_client(app) as maintenance:
        await enrolled_staff(
            maintenance, roles=["maintenance", "editor"], region_codes=["r1"], email="h@example.fi"
        )
        thread = await _thread(world, "main", "sauna")
        for method, path in (
            ("GET", "/api/staff/messages"),
            ("GET", "/api/staff/messages/unread"),
            ("GET", f"/api/staff/messages/{thread}"),
            ("POST", f"/api/staff/messages/{thread}/close"),
        ):
            response = await maintenance.request(method, path)
            assert response.status_code == 403, (method, path)
            assert SECRET not in response.text
