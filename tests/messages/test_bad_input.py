"""Bad input: clear problem details, never a 500, nothing half-written."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Litestar

from backend.messages.tables import MessageThread, ThreadMessage
from tests.support.world import build_world

VALID = {"category": "other", "subject": "Kysymys", "body": "Hei!"}


BAD_THREADS: list[tuple[dict[str, Any], int]] = [
    ({**VALID, "subject": "x" * 201}, 400),
    ({**VALID, "body": "x" * 4001}, 400),
    ({**VALID, "subject": ""}, 400),
    ({**VALID, "body": ""}, 400),
    ({**VALID, "subject": "   "}, 422),
    ({**VALID, "body": " \n\t "}, 422),
    ({**VALID, "category": "plumbing"}, 400),
    ({**VALID, "category": 3}, 400),
    ({**VALID, "body": ["Hei"]}, 400),
    ({**VALID, "extra": True}, 400),
    ({"category": "other", "subject": "Kysymys"}, 400),
]


async def test_creating_a_thread_refuses_bad_input(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        for body, status in BAD_THREADS:
            response = await world.clients["main"].post(
                world.path("/api/homes/{L1}/messages"), json=body
            )
            assert response.status_code == status, (body, response.text)
            assert response.headers["content-type"].startswith("application/problem+json")
        not_json = await world.clients["main"].post(
            world.path("/api/homes/{L1}/messages"), content=b"{not json"
        )
        assert not_json.status_code == 400
        assert await MessageThread.count() == 0
        assert await ThreadMessage.count() == 0


async def test_bad_messages_ids_and_filters(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, staff = world.clients["main"], world.clients["staff_in"]
        created = await main.post(world.path("/api/homes/{L1}/messages"), json=VALID)
        thread_id = created.json()["id"]
        for body, status in (
            ({"body": "x" * 4001}, 400),
            ({"body": "   "}, 422),
            ({"text": "Hei"}, 400),
            ({"body": 12}, 400),
        ):
            for client, path in (
                (main, f"/api/messages/{thread_id}/messages"),
                (staff, f"/api/staff/messages/{thread_id}/messages"),
            ):
                response = await client.post(path, json=body)
                assert response.status_code == status, (path, body, response.text)
        assert await ThreadMessage.count() == 1
        unknown = uuid.uuid4()
        assert (await main.get(f"/api/messages/{unknown}")).status_code == 404
        assert (await main.get("/api/messages/not-a-uuid")).status_code == 404
        assert (await main.get(f"/api/homes/{unknown}/messages")).status_code == 404
        assert (await staff.get(f"/api/staff/messages/{unknown}")).status_code == 404
        for query in ("status=pending", "category=plumbing", "limit=0", "limit=500", "unread=x"):
            response = await staff.get(f"/api/staff/messages?{query}")
            assert response.status_code == 400, query
        assigned = await staff.post(
            f"/api/staff/messages/{thread_id}/assign", json={"staffId": str(unknown)}
        )
        assert assigned.status_code == 422
        assert assigned.json()["type"] == "/problems/unknown-staff"


async def test_staff_inbox_filters_and_assignment(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, staff = world.clients["main"], world.clients["staff_in"]
        path = world.path("/api/homes/{L1}/messages")
        sauna = (await main.post(path, json={**VALID, "category": "sauna"})).json()
        keys = (await main.post(path, json={**VALID, "category": "keys"})).json()
        other = (
            await world.clients["other"].post(
                world.path("/api/homes/{L2}/messages"), json={**VALID, "category": "parking"}
            )
        ).json()
        await staff.post(f"/api/staff/messages/{keys['id']}/messages", json={"body": "Selvä."})

        async def ids(query: str) -> set[str]:
            response = await staff.get(f"/api/staff/messages?{query}")
            assert response.status_code == 200, response.text
            return {item["id"] for item in response.json()["items"]}

        assert await ids("") == {sauna["id"], keys["id"], other["id"]}
        assert await ids("status=answered") == {keys["id"]}
        assert await ids("category=sauna") == {sauna["id"]}
        assert await ids(world.path("propertyId={P2}")) == {other["id"]}
        assert await ids("unread=true") == {sauna["id"], other["id"]}
        assert await ids("unread=false") == {keys["id"]}
        page = (await staff.get("/api/staff/messages?limit=1&offset=1")).json()
        assert page["total"] == 3
        assert len(page["items"]) == 1

        me = (await staff.get("/api/session")).json()["principal"]["id"]
        assigned = await staff.post(
            f"/api/staff/messages/{sauna['id']}/assign", json={"staffId": me}
        )
        assert assigned.status_code == 200
        assert assigned.json()["assignedTo"] == me
        assert await ids(f"assignedTo={me}") == {sauna["id"]}
        outside = (await world.clients["staff_out"].get("/api/session")).json()["principal"]["id"]
        refused = await staff.post(
            f"/api/staff/messages/{sauna['id']}/assign", json={"staffId": outside}
        )
        assert refused.status_code == 422
