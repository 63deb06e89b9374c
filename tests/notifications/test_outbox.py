"""The transactional outbox: the change and its notification rows commit together.

The cast (tests/support/world.py): main, co and resident live in L1 (P1, region R1); other
is L2's main tenant in the same region; before's lease L3 (P1) has not started; ended's
lease L4 ended yesterday. staff_in works every role in R1.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest
from litestar import Litestar

from backend.accounts.tables import ResidentAccount
from backend.core import clock
from backend.news.audience import news_audience
from backend.news.tables import News
from backend.notifications import services
from backend.notifications.access import news_recipients
from backend.notifications.tables import Notification
from backend.staff.tables import StaffUser
from backend.tickets.tables import Ticket
from tests.support.world import World, build_world


@pytest.fixture
async def world(db: None, app: Litestar) -> AsyncIterator[World]:
    async with build_world(app) as cast:
        yield cast


async def accounts(world: World) -> dict[UUID, str]:
    """Account id → persona, by the e-mail each persona registered with."""
    rows = await ResidentAccount.select(ResidentAccount.id, ResidentAccount.email)
    return {row["id"]: row["email"].split("@")[0] for row in rows}


async def outbox(world: World, **where: Any) -> list[dict[str, Any]]:
    names = await accounts(world)
    rows = await Notification.select().output(load_json=True)
    rows = [row for row in rows if all(row[key] == value for key, value in where.items())]
    return [{**row, "persona": names[row["account"]]} for row in rows]


def personas(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(row["persona"] for row in rows)


async def file_ticket(world: World) -> dict[str, Any]:
    body = {
        "id": str(uuid.uuid4()),
        "leaseId": str(world.ids["L1"]),
        "category": "bathroom",
        "location": "Kylpyhuone",
        "description": "Suihkun hana vuotaa, lattialla on vettä aamuisin.",
        "masterKeyPermission": True,
        "pets": False,
        "contactPhone": "+358 40 000 0123",
    }
    response = await world.clients["resident"].post("/api/tickets", json=body)
    assert response.status_code == 201, response.text
    ticket: dict[str, Any] = response.json()
    return ticket


async def test_a_staff_transition_notifies_the_household_only(world: World) -> None:
    ticket = await file_ticket(world)
    assert await outbox(world) == []  # the resident's own filing tells nobody
    moved = await world.clients["staff_in"].post(
        f"/api/staff/tickets/{ticket['id']}/transition",
        json={"to": "in_progress", "note": "Avain haettu.", "visibility": "internal"},
    )
    assert moved.status_code == 200, moved.text
    rows = await outbox(world)
    assert personas(rows) == ["co", "main", "resident"]  # not the neighbour, not L3 or L4
    ticket_id = UUID(ticket["id"])
    for row in rows:
        assert row["kind"] == "ticket_update"
        assert row["params"] == {
            "ticketId": str(ticket_id),
            "number": ticket["number"],
            "status": "in_progress",
        }
        assert row["topic"] == f"ticket-{ticket_id.hex[:24]}"
        assert len(row["topic"]) <= 32
        assert row["status"] == "pending"
        assert row["kind"] != "urgent"  # not urgent: preferences and quiet hours apply
        assert row["due_at"] <= clock.now()
        assert row["attempts"] == 0


async def test_public_comments_notify_and_internal_notes_do_not(world: World) -> None:
    ticket = await file_ticket(world)
    staff = world.clients["staff_in"]
    path = f"/api/staff/tickets/{ticket['id']}/comments"
    note = await staff.post(path, json={"text": "Vain henkilökunnalle.", "visibility": "internal"})
    assert note.status_code == 201, note.text
    assert await outbox(world) == []
    comment = await staff.post(path, json={"text": "Tulemme huomenna.", "visibility": "public"})
    assert comment.status_code == 201, comment.text
    rows = await outbox(world)
    assert personas(rows) == ["co", "main", "resident"]
    assert {row["params"]["status"] for row in rows} == {"received"}


async def test_a_refused_transition_writes_no_row(world: World) -> None:
    ticket = await file_ticket(world)
    refused = await world.clients["staff_in"].post(
        f"/api/staff/tickets/{ticket['id']}/transition", json={"to": "rejected"}
    )
    assert refused.status_code == 422  # a rejection needs a reason
    cancelled = await world.clients["staff_in"].post(
        f"/api/staff/tickets/{ticket['id']}/transition", json={"to": "cancelled"}
    )
    assert cancelled.status_code == 409  # only the resident cancels
    assert await outbox(world) == []


async def test_a_transition_that_fails_after_the_outbox_write_leaves_nothing(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The notification rows are in the transition's transaction: a failure after they were
    written (here the audit record) rolls them back with the status change."""
    ticket = await file_ticket(world)

    async def broken_audit(**_: Any) -> None:
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr("backend.tickets.staff_services.record_event", broken_audit)
    failed = await world.clients["staff_in"].post(
        f"/api/staff/tickets/{ticket['id']}/transition", json={"to": "in_progress"}
    )
    assert failed.status_code == 500
    assert await outbox(world) == []
    row = await Ticket.select(Ticket.status).where(Ticket.id == UUID(ticket["id"])).first()
    assert row == {"status": "received"}


async def test_preferences_are_not_applied_in_the_outbox(world: World) -> None:
    """The resident who turned ticket updates off still gets a row: the delivery decides,
    with the preferences as they are then."""
    off = await world.clients["co"].patch(
        "/api/me/profile", json={"notificationPreferences": {"ticketUpdates": False}}
    )
    assert off.status_code == 200, off.text
    ticket = await file_ticket(world)
    await world.clients["staff_in"].post(
        f"/api/staff/tickets/{ticket['id']}/transition", json={"to": "done"}
    )
    assert "co" in personas(await outbox(world))


async def _thread(world: World, persona: str, category: str) -> str:
    response = await world.clients[persona].post(
        world.path("/api/homes/{L1}/messages"),
        json={"category": category, "subject": "Asia", "body": "Hei, kysyisin yhtä asiaa."},
    )
    assert response.status_code == 201, response.text
    thread_id: str = response.json()["id"]
    return thread_id


async def _reply(world: World, thread_id: str) -> None:
    response = await world.clients["staff_in"].post(
        f"/api/staff/messages/{thread_id}/messages", json={"body": "Hoidamme asian."}
    )
    assert response.status_code == 201, response.text


async def test_a_staff_reply_notifies_whoever_sees_the_thread(world: World) -> None:
    personal = await _thread(world, "resident", "keys")  # only its starter sees it
    shared = await _thread(world, "co", "sauna")  # every main tenant of the lease sees it
    assert await outbox(world) == []  # residents' own messages tell nobody
    await _reply(world, personal)
    await _reply(world, shared)
    to_personal = await outbox(world, topic=f"thread-{UUID(personal).hex[:24]}")
    to_shared = await outbox(world, topic=f"thread-{UUID(shared).hex[:24]}")
    assert personas(to_personal) == ["resident"]
    assert personas(to_shared) == ["co", "main"]
    for row in to_personal + to_shared:
        assert row["kind"] == "message_reply"
        assert row["params"] in ({"threadId": personal}, {"threadId": shared})


async def _news(world: World, **values: Any) -> str:
    body = {"title": {"fi": "Vesikatko"}, "body": {"fi": "Vesi on poikki."}, **values}
    created = await world.clients["staff_in"].post("/api/staff/news", json=body)
    assert created.status_code == 201, created.text
    news_id: str = created.json()["id"]
    return news_id


async def _publish(world: World, news_id: str, at: str | None = None) -> None:
    response = await world.clients["staff_in"].post(
        f"/api/staff/news/{news_id}/publish", json={"at": at}
    )
    assert response.status_code == 200, response.text


async def test_urgent_news_reaches_the_started_homes_of_its_region(world: World) -> None:
    news_id = await _news(world, audience="region", regionId=str(world.ids["R1"]), urgent=True)
    assert await outbox(world) == []  # a draft tells nobody
    await _publish(world, news_id)
    rows = await outbox(world)
    assert personas(rows) == ["co", "main", "other", "resident"]  # not before (L3 not started)
    for row in rows:
        assert row["kind"] == "urgent"
        assert row["params"] == {"newsId": news_id}
        assert row["topic"] == f"news-{UUID(news_id).hex[:24]}"
        assert row["due_at"] <= clock.now()


async def test_news_to_one_property_is_plain_news_for_its_residents(world: World) -> None:
    news_id = await _news(world, audience="property", propertyId=str(world.ids["P2"]))
    await _publish(world, news_id)
    rows = await outbox(world)
    assert personas(rows) == ["other"]
    assert rows[0]["kind"] == "news"


async def test_scheduled_news_is_due_when_published_and_announced_once(world: World) -> None:
    news_id = await _news(world, audience="property", propertyId=str(world.ids["P1"]))
    tomorrow = clock.now() + timedelta(days=1)
    await _publish(world, news_id, tomorrow.isoformat())
    rows = await outbox(world)
    assert personas(rows) == ["co", "main", "resident"]
    assert {row["due_at"] for row in rows} == {tomorrow}
    # Rescheduled, then published at once: still one notification each, due now.
    later = tomorrow + timedelta(hours=5)
    await _publish(world, news_id, later.isoformat())
    assert {row["due_at"] for row in await outbox(world)} == {later}
    await _publish(world, news_id)
    rows = await outbox(world)
    assert personas(rows) == ["co", "main", "resident"]
    assert all(row["due_at"] <= clock.now() for row in rows)


async def test_editing_a_scheduled_item_changes_who_will_hear_of_it(world: World) -> None:
    news_id = await _news(world, audience="property", propertyId=str(world.ids["P1"]))
    await _publish(world, news_id, (clock.now() + timedelta(days=1)).isoformat())
    edited = await world.clients["staff_in"].patch(
        f"/api/staff/news/{news_id}",
        json={"audience": "property", "propertyId": str(world.ids["P2"]), "urgent": True},
    )
    assert edited.status_code == 200, edited.text
    rows = await outbox(world)
    assert personas(rows) == ["other"]
    assert rows[0]["kind"] == "urgent"


async def test_a_deleted_scheduled_item_tells_nobody(world: World) -> None:
    news_id = await _news(world, audience="region", regionId=str(world.ids["R1"]))
    await _publish(world, news_id, (clock.now() + timedelta(days=2)).isoformat())
    assert len(await outbox(world)) == 4
    deleted = await world.clients["staff_in"].delete(f"/api/staff/news/{news_id}")
    assert deleted.status_code == 204, deleted.text
    assert await outbox(world) == []


async def test_the_recipients_of_news_are_its_audience(world: World) -> None:
    """The bulk recipients agree with the news feature's own audience rule."""
    staff = await StaffUser.select(StaffUser.id).first()
    assert staff is not None
    for audience, region, prop in (
        ("everyone", None, None),
        ("region", world.ids["R1"], None),
        ("region", world.ids["R2"], None),
        ("property", None, world.ids["P1"]),
        ("property", None, world.ids["P3"]),
    ):
        news = News(
            id=uuid.uuid4(),
            title={"fi": "Tiedote"},
            body={"fi": "Sisältö."},
            audience=audience,
            region=region,
            property=prop,
            created_by=staff["id"],
            created_at=clock.now(),
            updated_at=clock.now(),
        )
        await news.save()
        expected = await news_audience(news.id, clock.today())
        assert await news_recipients(audience, region, prop, clock.today()) == expected
    everyone = await news_recipients("everyone", None, None, clock.today())
    assert len(everyone) == 4  # main, co, resident, other: not before, not ended


async def test_enqueue_writes_large_fan_outs_in_batches(world: World) -> None:
    everyone = [uuid.uuid4() for _ in range(services.INSERT_BATCH * 2 + 7)]
    await ResidentAccount.insert(
        *(
            ResidentAccount(
                id=account_id,
                identity_code_hmac=account_id.hex * 2,
                user_handle=account_id.hex,
                language="fi",
                created_at=clock.now(),
            )
            for account_id in everyone
        )
    )
    written = await services.enqueue(
        [*everyone, everyone[0]], kind="urgent", params={"newsId": "x"}, topic="news-x"
    )
    assert written == len(everyone)  # the duplicate collapsed
    assert await Notification.count().where(Notification.topic == "news-x") == len(everyone)
