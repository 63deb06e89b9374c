"""Helpers for the sync tests: push and pull as a signed-in resident."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from backend.tickets.tables import TicketEvent
from sync import pull as pulling
from sync.protocol import SCHEMA_VERSION


def mutation(client_id: str, mutation_id: int, name: str, **args: Any) -> dict[str, Any]:
    return {"clientId": client_id, "id": mutation_id, "name": name, "args": args}


async def push(
    client: httpx.AsyncClient, group: str, mutations: list[dict[str, Any]]
) -> httpx.Response:
    return await client.post(
        "/api/sync/push",
        json={"schemaVersion": SCHEMA_VERSION, "clientGroupId": group, "mutations": mutations},
    )


async def pushed(
    client: httpx.AsyncClient, group: str, mutations: list[dict[str, Any]]
) -> dict[str, Any]:
    response = await push(client, group, mutations)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def pull(client: httpx.AsyncClient, group: str, cookie: int | None) -> httpx.Response:
    return await client.post(
        "/api/sync/pull",
        json={"schemaVersion": SCHEMA_VERSION, "clientGroupId": group, "cookie": cookie},
    )


async def pulled(client: httpx.AsyncClient, group: str, cookie: int | None) -> dict[str, Any]:
    response = await pull(client, group, cookie)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def apply_patch(state: dict[str, Any], patch: list[dict[str, Any]]) -> dict[str, Any]:
    """What the client does with a patch."""
    for op in patch:
        if op["op"] == "clear":
            state.clear()
        elif op["op"] == "put":
            state[op["key"]] = op["value"]
        else:
            state.pop(op["key"], None)
    return state


def new_group() -> str:
    return uuid.uuid4().hex


async def comments_on(ticket_id: str) -> list[str]:
    rows = await TicketEvent.select(TicketEvent.text).where(
        (TicketEvent.ticket == uuid.UUID(ticket_id)) & (TicketEvent.kind == "comment")
    )
    return [str(row["text"]) for row in rows]


@pytest.fixture
def view_builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts the builds of a client view (full pulls, whether prepared ahead or not)."""
    built: list[str] = []
    real = pulling.client_view

    async def counting(*args: Any, **kwargs: Any) -> dict[str, Any]:
        built.append("view")
        return await real(*args, **kwargs)

    monkeypatch.setattr(pulling, "client_view", counting)
    return built
