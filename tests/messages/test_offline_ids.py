"""Client-chosen ids (offline drafts): sending the same thread or message again creates
nothing; a different one under a used id is a conflict."""

from __future__ import annotations

import uuid

from litestar import Litestar

from backend.messages.tables import MessageThread, ThreadMessage
from tests.support.world import build_world


async def test_threads_and_messages_sent_twice_are_stored_once(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main = world.clients["main"]
        path = world.path("/api/homes/{L1}/messages")
        thread_id = str(uuid.uuid4())
        draft = {"id": thread_id, "category": "keys", "subject": "Avain", "body": "Hukkasin."}
        first = await main.post(path, json=draft)
        assert first.status_code == 201, first.text
        assert first.json()["id"] == thread_id
        again = await main.post(path, json=draft)
        assert again.status_code == 200
        assert again.json()["messageCount"] == 1
        changed = await main.post(path, json={**draft, "body": "Toinen viesti"})
        assert changed.status_code == 409
        assert changed.json()["type"] == "/problems/message-id-taken"
        # Another resident cannot take over (or read) the thread through its id.
        taken = await world.clients["co"].post(path, json=draft)
        assert taken.status_code == 409
        assert "Hukkasin" not in taken.text
        assert await MessageThread.count() == 1

        message_id = str(uuid.uuid4())
        message = {"id": message_id, "body": "Löytyi sittenkin."}
        url = f"/api/messages/{thread_id}/messages"
        assert (await main.post(url, json=message)).status_code == 201
        replay = await main.post(url, json=message)
        assert replay.status_code == 200
        assert [m["id"] for m in replay.json()["messages"]][-1] == message_id
        assert (await main.post(url, json={**message, "body": "Muu"})).status_code == 409
        staff_url = f"/api/staff/messages/{thread_id}/messages"
        staff_reuse = await world.clients["staff_in"].post(staff_url, json=message)
        assert staff_reuse.status_code == 409
        assert await ThreadMessage.count() == 2
        staff_reply = {"id": str(uuid.uuid4()), "body": "Hyvä kuulla!"}
        assert (
            await world.clients["staff_in"].post(staff_url, json=staff_reply)
        ).status_code == 201
        assert (
            await world.clients["staff_in"].post(staff_url, json=staff_reply)
        ).status_code == 200
        # A replay is still answered after the thread was closed.
        assert (await main.post(f"/api/messages/{thread_id}/close")).status_code == 200
        assert (await main.post(url, json=message)).status_code == 200
        assert await ThreadMessage.count() == 3
