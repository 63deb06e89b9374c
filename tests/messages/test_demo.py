"""The demo threads load idempotently and show up for the demo residents as intended."""

from __future__ import annotations

import httpx
import pytest

from backend.demo import loader
from backend.messages.demo import thread_ids
from backend.messages.tables import MessageThread, ThreadMessage
from backend.settings import Settings
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import register

MIKKO = "020880-901E"
EETU = "160907A903H"


async def test_demo_threads(
    client: httpx.AsyncClient,
    other_device: httpx.AsyncClient,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Only the base set and this feature's threads: the other features' demo sets are
    # tested by their own tests.
    monkeypatch.setattr(loader, "FEATURE_DEMOS", ("messages",))
    first = await loader.load_demo_data(settings.identity_code_key)
    second = await loader.load_demo_data(settings.identity_code_key)
    assert first["message_thread"] == second["message_thread"] == len(thread_ids())
    assert await MessageThread.count() == len(thread_ids())
    assert await ThreadMessage.count() == first["thread_message"]

    session = await register(client, SoftAuthenticator(), MIKKO, email="mikko@example.fi")
    lease_id = session["principal"]["homes"][0]["leaseId"]
    threads = (await client.get(f"/api/homes/{lease_id}/messages")).json()
    by_subject = {thread["subject"]: thread for thread in threads}
    # His own sauna request (read) and his wife's disturbance report (shared, unread);
    # not the adult son's personal question about keys.
    assert set(by_subject) == {"Oma saunavuoro torstaisin", "Yöllistä meteliä B-portaassa"}
    assert by_subject["Oma saunavuoro torstaisin"]["status"] == "answered"
    assert by_subject["Oma saunavuoro torstaisin"]["unread"] == 0
    assert by_subject["Yöllistä meteliä B-portaassa"]["unread"] == 1
    assert by_subject["Yöllistä meteliä B-portaassa"]["startedByMe"] is False

    await register(other_device, SoftAuthenticator(), EETU, email="eetu@example.fi")
    own = (await other_device.get(f"/api/homes/{lease_id}/messages")).json()
    assert [(t["subject"], t["status"]) for t in own] == [("Lisäavain", "closed")]

    # Loading again after a resident wrote in a demo thread keeps what he wrote.
    sauna = by_subject["Oma saunavuoro torstaisin"]["id"]
    posted = await client.post(f"/api/messages/{sauna}/messages", json={"body": "Kiitos!"})
    assert posted.status_code == 201
    await loader.load_demo_data(settings.identity_code_key)
    after = (await client.get(f"/api/messages/{sauna}")).json()
    assert [m["seq"] for m in after["messages"]] == [1, 2, 3]
    assert after["status"] == "open"
