"""Messages and service requests through the API: threads, replies, unread counts, closing."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import httpx
from litestar import Litestar

from backend.core.tables import AuditEvent
from tests.support.world import World, build_world

Json = dict[str, Any]


async def start(client: httpx.AsyncClient, world: World, **values: Any) -> Json:
    body = {"category": "sauna", "subject": "Saunavuoro", "body": "Saisinko lauantain vuoron?"}
    response = await client.post(world.path("/api/homes/{L1}/messages"), json={**body, **values})
    assert response.status_code == 201, response.text
    thread: Json = response.json()
    return thread


async def test_categories_are_localized_and_say_which_need_main_tenant_rights(
    db: None, app: Litestar
) -> None:
    async with build_world(app) as world:
        response = await world.clients["resident"].get("/api/messages/categories?lang=sv")
        assert response.status_code == 200
        by_code = {item["code"]: item for item in response.json()}
        assert len(by_code) == 11
        assert by_code["sauna"] == {
            "code": "sauna",
            "name": "Bastutur",
            "mainTenantOnly": True,
            "serviceRequest": True,
        }
        assert by_code["diy_renovation"]["name"] == "Tillstånd för ändringsarbete"
        assert by_code["keys"]["mainTenantOnly"] is False
        assert by_code["lease_termination"]["mainTenantOnly"] is True
        assert by_code["lease_termination"]["serviceRequest"] is False
        finnish = await world.clients["staff_in"].get("/api/messages/categories")
        assert {i["code"]: i["name"] for i in finnish.json()}["diy_renovation"] == "Muutostyölupa"


async def test_a_conversation_with_customer_service_and_unread_counts_on_both_sides(
    db: None, app: Litestar
) -> None:
    async with build_world(app) as world:
        main, staff = world.clients["main"], world.clients["staff_in"]
        thread = await start(main, world)
        assert thread["status"] == "open"
        assert thread["statusName"] == "Avoin"
        assert thread["categoryName"] == "Saunavuoro"
        assert thread["unread"] == 0
        assert thread["startedByMe"] is True
        assert [m["body"] for m in thread["messages"]] == ["Saisinko lauantain vuoron?"]
        assert thread["messages"][0]["mine"] is True
        assert thread["messages"][0]["authorName"] == "Main Asukas"

        assert (await staff.get("/api/staff/messages/unread")).json() == {
            "threads": 1,
            "messages": 1,
        }
        inbox = (await staff.get("/api/staff/messages?unread=true")).json()
        assert inbox["total"] == 1
        item = inbox["items"][0]
        assert item["unread"] == 1
        assert item["subject"] == "Saunavuoro"
        assert item["leaseId"] == str(world.ids["L1"])
        assert item["unit"] == "A 1"

        opened = await staff.get(f"/api/staff/messages/{thread['id']}")
        assert opened.status_code == 200
        assert opened.json()["startedByName"] == "Main Asukas"
        assert opened.json()["unread"] == 0
        assert (await staff.get("/api/staff/messages/unread")).json()["threads"] == 0
        reads = await AuditEvent.select(AuditEvent.action, AuditEvent.entity_id).where(
            AuditEvent.action == "personal_data.read"
        )
        assert {"action": "personal_data.read", "entity_id": UUID(thread["id"])} in reads

        reply = await staff.post(
            f"/api/staff/messages/{thread['id']}/messages",
            json={"body": "Lauantain klo 18 vuoro on vapaa, varasin sen teille."},
        )
        assert reply.status_code == 201, reply.text
        assert reply.json()["status"] == "answered"
        assert reply.json()["messages"][1]["mine"] is True

        listed = (await main.get(world.path("/api/homes/{L1}/messages"))).json()
        assert [(t["id"], t["status"], t["unread"]) for t in listed] == [
            (thread["id"], "answered", 1)
        ]
        unread = (await main.get("/api/messages/unread")).json()
        assert unread == {"total": 1, "homes": [{"leaseId": str(world.ids["L1"]), "unread": 1}]}
        # The co-tenant shares main-tenant matters of the lease, with their own read state.
        assert (await world.clients["co"].get("/api/messages/unread")).json()["total"] == 2

        seen = (await main.get(f"/api/messages/{thread['id']}")).json()
        assert seen["status"] == "answered"
        assert seen["messages"][1]["authorKind"] == "staff"
        assert seen["messages"][1]["mine"] is False
        assert (await main.get("/api/messages/unread")).json()["total"] == 0
        assert (await world.clients["co"].get("/api/messages/unread")).json()["total"] == 2

        again = await main.post(f"/api/messages/{thread['id']}/messages", json={"body": "Kiitos!"})
        assert again.status_code == 201
        assert again.json()["status"] == "open"
        assert (await staff.get("/api/staff/messages/unread")).json() == {
            "threads": 1,
            "messages": 1,
        }


async def test_personal_threads_stay_personal_and_lease_matters_are_shared(
    db: None, app: Litestar
) -> None:
    async with build_world(app) as world:
        keys = await start(world.clients["resident"], world, category="keys", subject="Avain")
        rent = await start(world.clients["main"], world, category="rent_and_payments")
        other = await start(world.clients["main"], world, category="other", subject="Kysymys")

        def ids(response: httpx.Response) -> set[str]:
            return {thread["id"] for thread in response.json()}

        path = world.path("/api/homes/{L1}/messages")
        assert ids(await world.clients["resident"].get(path)) == {keys["id"]}
        assert ids(await world.clients["main"].get(path)) == {rent["id"], other["id"]}
        assert ids(await world.clients["co"].get(path)) == {rent["id"]}
        co_view = await world.clients["co"].get(f"/api/messages/{rent['id']}")
        assert co_view.json()["startedByMe"] is False
        answer = await world.clients["co"].post(
            f"/api/messages/{rent['id']}/messages", json={"body": "Lisään tähän vielä."}
        )
        assert answer.status_code == 201
        assert answer.json()["messages"][1]["authorName"] == "Co Asukas"
        for persona, thread in (("co", other), ("main", keys), ("resident", rent)):
            response = await world.clients[persona].get(f"/api/messages/{thread['id']}")
            assert response.status_code == 404, persona
            assert thread["subject"] not in response.text


async def test_closing(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        thread = await start(world.clients["main"], world, category="parking")
        path = f"/api/messages/{thread['id']}"
        refused = await world.clients["co"].post(f"{path}/close")
        assert refused.status_code == 403
        assert refused.json()["type"] == "/problems/thread-close-not-starter"
        closed = await world.clients["main"].post(f"{path}/close")
        assert closed.status_code == 200
        assert closed.json()["status"] == "closed"
        assert closed.json()["closedAt"] is not None
        for client, url in (
            (world.clients["main"], f"{path}/messages"),
            (world.clients["staff_in"], f"/api/staff/messages/{thread['id']}/messages"),
        ):
            late = await client.post(url, json={"body": "Vielä yksi asia"})
            assert late.status_code == 409
            assert late.json()["type"] == "/problems/thread-closed"
        again = await world.clients["main"].post(f"{path}/close")
        assert again.status_code == 409
        staff_close = await world.clients["staff_in"].post(
            f"/api/staff/messages/{thread['id']}/close"
        )
        assert staff_close.status_code == 409
        second = await start(world.clients["main"], world)
        by_staff = await world.clients["staff_in"].post(f"/api/staff/messages/{second['id']}/close")
        assert by_staff.status_code == 200
        assert by_staff.json()["status"] == "closed"
        count = await AuditEvent.count().where(AuditEvent.action == "message_thread.closed")
        assert count == 2
