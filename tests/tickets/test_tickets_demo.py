"""The demo tickets load idempotently and Mikko Laine sees his household's tickets."""

from __future__ import annotations

import httpx

from backend.core import clock
from backend.demo.content_people import people
from backend.demo.loader import demo_id, load_demo_data
from backend.settings import get_settings
from backend.tickets.tables import Ticket, TicketEvent
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import register


async def test_demo_tickets(client: httpx.AsyncClient) -> None:
    today = clock.today()
    key = get_settings().identity_code_key
    first = await load_demo_data(key, today)
    await load_demo_data(key, today)
    assert await Ticket.count() == first["ticket"] >= 8
    assert await TicketEvent.count() == first["ticket_event"]
    statuses = {row["status"] for row in await Ticket.select(Ticket.status)}
    assert statuses >= {"received", "in_progress", "scheduled", "waiting_for_parts", "done"}

    mikko = next(p for p in people(today) if p.key == "main_tenant")
    assert mikko.identity_code is not None
    await register(client, SoftAuthenticator(), mikko.identity_code)
    listed = (await client.get("/api/tickets")).json()
    assert {t["leaseId"] for t in listed} == {str(demo_id("lease", "VS-2019-00418"))}
    assert len(listed) == 5
    shower = await client.get(f"/api/tickets/{demo_id('ticket', 'laine-shower')}")
    assert shower.status_code == 200
    assert "tiiviste" not in shower.text.lower()  # the internal note stays internal
    assert shower.json()["status"] == "in_progress"
