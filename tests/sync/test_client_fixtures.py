"""The PWA's golden sync fixtures (pwa/src/offline/fixtures), recorded from this server.

The scenario below sends the exact requests the Vitest tests send, as a resident of a
fixed home, with the clock moved to a fixed moment. Each exchange is normalized (uuids →
placeholders numbered by first appearance, timestamps → one fixed moment, request ids →
a constant) and compared with the committed file. To re-record after a deliberate change:

    PORTAL_RECORD_FIXTURES=1 .tools/bin/uv run --locked pytest tests/sync/test_client_fixtures.py

then review the diff and run the PWA's tests (`cd pwa && npx vitest run src/offline`).
"""

from __future__ import annotations

import difflib
import json
import re
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx
import msgspec
from litestar import Litestar

from backend.core import clock
from backend.demo.identity_codes import test_identity_code
from sync import prepared
from sync.protocol import PullResponse, PushResponse, SchemaVersionProblem
from tests.conftest import api_client
from tests.factories import make_lease, make_occupant, make_property, make_region, make_unit
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import enrolled_staff, register
from tests.sync.conftest import mutation
from tests.tickets.conftest import staff_move, ticket_body

FIXTURES = Path(__file__).resolve().parents[2] / "pwa" / "src" / "offline" / "fixtures"
RECORD_VARIABLE = "PORTAL_RECORD_FIXTURES"
RERECORD = (
    f"{RECORD_VARIABLE}=1 .tools/bin/uv run --locked pytest tests/sync/test_client_fixtures.py"
)

# A Monday morning: every date the server derives from "today" is fixed with it.
MOMENT = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
FIXED_TIMESTAMP = "2026-03-02T08:00:00Z"
FIXED_REQUEST_ID = "request-id"
# The client's own ids (what the PWA keeps in IndexedDB): not uuids, so kept as they are.
GROUP = "g7f3c2a9d1e84b6a"
CLIENT = "c5e1a0b2f9d34c71"

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def record_requested() -> bool:
    """Read before tests/conftest.py removes every ``PORTAL_*`` variable (settings refuse
    unknown ones)."""
    from tests.conftest import RECORD_FIXTURES

    return RECORD_FIXTURES


class Normalizer:
    """Volatile values → stable ones, the same for the same value across the whole chain
    (a lease id in the first pull and in a later push get the same placeholder)."""

    def __init__(self) -> None:
        self.uuids: dict[str, str] = {}

    def _uuid(self, match: re.Match[str]) -> str:
        found = match.group(0)
        if found not in self.uuids:
            self.uuids[found] = f"00000000-0000-4000-8000-{len(self.uuids) + 1:012d}"
        return self.uuids[found]

    def __call__(self, value: Any, key: str | None = None) -> Any:
        if isinstance(value, dict):
            return {self(name): self(item, name) for name, item in value.items()}
        if isinstance(value, list):
            return [self(item) for item in value]
        if not isinstance(value, str):
            return value
        if key == "requestId":
            return FIXED_REQUEST_ID
        if _TIMESTAMP.match(value):
            return FIXED_TIMESTAMP
        return _UUID.sub(self._uuid, value)


def to_json(value: Any, indent: int = 0, prefix: int = 0) -> str:
    """JSON laid out as Biome formats it (objects expanded, arrays of scalars on one line
    when they fit in 100 columns), so `npm run check` accepts recorded files as they are."""
    pad = " " * (indent + 2)
    if isinstance(value, dict) and value:
        items = [
            f"{pad}{json.dumps(k, ensure_ascii=False)}: "
            + to_json(v, indent + 2, len(pad) + len(json.dumps(k, ensure_ascii=False)) + 2)
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(value, list) and value:
        flat = not any(isinstance(item, dict | list) and item for item in value)
        inline = "[" + ", ".join(to_json(item) for item in value) + "]"
        if flat and prefix + len(inline) + 1 <= 100:
            return inline
        items = [pad + to_json(item, indent + 2, len(pad)) for item in value]
        return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"
    return json.dumps(value, ensure_ascii=False)


class Recorder:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.exchanges: dict[str, dict[str, Any]] = {}
        self.normalize = Normalizer()

    async def send(
        self, name: str, description: str, given: dict[str, Any], path: str, body: Any
    ) -> dict[str, Any]:
        """One exchange, kept under ``name``; returns the server's raw answer."""
        # Pulls prepared after the previous write have been made (their cookies are taken):
        # the recorded cookies are the same on every run.
        preparer = prepared.current()
        assert preparer is not None
        await preparer.settled()
        response = await self.client.post(path, json=body)
        answer: dict[str, Any] = response.json()
        _fits_the_wire_types(response.status_code, path, answer)
        request = {"method": "POST", "path": path, "body": body}
        self.exchanges[name] = self.normalize(
            {
                "description": description,
                "given": {"clientGroupId": GROUP, "clientIds": [CLIENT], **given},
                "request": request,
                "response": {
                    "status": response.status_code,
                    "headers": {"content-type": response.headers["content-type"]},
                    "body": answer,
                },
            }
        )
        return answer


def _fits_the_wire_types(status: int, path: str, body: Any) -> None:
    if status == 409:
        msgspec.convert(body, SchemaVersionProblem)
    else:
        assert status == 200, body
        msgspec.convert(body, PullResponse if path.endswith("/pull") else PushResponse)


async def _home() -> tuple[uuid.UUID, uuid.UUID, str]:
    """One home with fixed names and dates: its property, lease and tenant's code."""
    region = await make_region(code="r1", name={"fi": "Itä-Helsinki"})
    prop = await make_property(
        region,
        code="kontula-1",
        name="Kontulankaari 5",
        street_address={"fi": "Kontulankaari 5", "sv": "Gamlasgränden 5"},
    )
    unit = await make_unit(prop, staircase="B", number="12")
    lease = await make_lease(unit, starts_on=date(2024, 6, 1), number="VS-2024-000612")
    born = date(1988, 8, 2)
    code = test_identity_code(born, 951)
    await make_occupant(
        lease,
        identity_code=code,
        role="main_tenant",
        birth_date=born,
        first_name="Aino",
        last_name="Asukas",
    )
    return prop.id, lease.id, code


async def _scenario(app: Litestar) -> dict[str, dict[str, Any]]:
    """The chain of exchanges the Vitest tests replay (fixtures/README.md)."""
    async with api_client(app) as resident, api_client(app) as staff:
        property_id, lease_id, code = await _home()
        await register(resident, SoftAuthenticator(), code, email="aino@example.fi")
        await enrolled_staff(
            staff, roles=["maintenance", "editor"], region_codes=["r1"], email="kaisa@example.fi"
        )
        # Before the app's first sync: a ticket being worked on, and a news item.
        earlier = ticket_body(
            lease_id,
            category="kitchen",
            location="Keittiö",
            description="Astianpesukone vuotaa.",
        )
        assert (await resident.post("/api/tickets", json=earlier)).status_code == 201
        assert (await staff_move(staff, earlier["id"], "in_progress")).status_code == 200
        news = {
            "title": {"fi": "Vesikatko 2.12."},
            "body": {"fi": "Vesi on poikki klo 9–12."},
            "audience": "property",
            "propertyId": str(property_id),
        }
        created = await staff.post("/api/staff/news", json=news)
        assert created.status_code == 201, created.text
        news_id = created.json()["id"]
        assert (await staff.post(f"/api/staff/news/{news_id}/publish", json={})).is_success

        recorder = Recorder(resident)
        await recorder.send(
            "pull-full-clear",
            "First pull of a new client group: unknown (null) cookie → clear + the whole "
            "client view.",
            {"account": "main tenant of one home, with one ticket in progress and one news item"},
            "/api/sync/pull",
            {"schemaVersion": 1, "clientGroupId": GROUP, "cookie": None},
        )
        new_ticket = ticket_body(
            lease_id,
            category="rooms",
            location="",
            description="Kylpyhuoneen lattiakaivo haisee.",
            masterKeyPermission=False,
            contactWindow="Arkisin klo 8–16",
        )
        batch = {
            "schemaVersion": 1,
            "clientGroupId": GROUP,
            "mutations": [
                mutation(CLIENT, 1, "createTicket", **new_ticket),
                mutation(
                    CLIENT, 2, "addTicketComment", ticketId=str(uuid.uuid4()), text="Lisätietoa"
                ),
            ],
        }
        await recorder.send(
            "push-applied-and-rejected",
            "A batch of two: createTicket applied; addTicketComment on a ticket the resident "
            "cannot see is rejected (permanent error) and still advances lastMutationId.",
            {"lastMutationIds": {CLIENT: 0}, "after": "pull-full-clear.json"},
            "/api/sync/push",
            batch,
        )
        await recorder.send(
            "push-replay-skipped",
            "The same batch sent again (its response was lost): both ids are <= "
            "lastMutationId and skipped; nothing is applied twice.",
            {"lastMutationIds": {CLIENT: 2}, "after": "push-applied-and-rejected.json"},
            "/api/sync/push",
            batch,
        )
        assert (await staff.post(f"/api/staff/news/{news_id}/expire")).is_success
        await recorder.send(
            "pull-incremental",
            "Pull after the push: the new ticket and the rejection arrive, the news item an "
            "editor took down is deleted; lastMutationIdChanges reports mutations 1..2.",
            {"after": "push-replay-skipped.json"},
            "/api/sync/pull",
            {"schemaVersion": 1, "clientGroupId": GROUP, "cookie": 1},
        )
        await recorder.send(
            "push-schema-version",
            "An app speaking an unsupported schemaVersion: 409 problem; the client must "
            "update (the PWA sends the same body with its own schemaVersion).",
            {"lastMutationIds": {CLIENT: 2}, "after": "pull-incremental.json"},
            "/api/sync/push",
            {
                "schemaVersion": 99,
                "clientGroupId": GROUP,
                "mutations": [mutation(CLIENT, 3, "markNewsRead", newsId=news_id)],
            },
        )
        return recorder.exchanges


async def test_recorded_fixtures_are_what_the_server_answers(db: None, app: Litestar) -> None:
    with clock.travel(MOMENT.timestamp() - time.time()):
        exchanges = await _scenario(app)
    texts = {f"{name}.json": to_json(exchange) + "\n" for name, exchange in exchanges.items()}
    if record_requested():
        for stale in FIXTURES.glob("*.json"):
            if stale.name not in texts:
                stale.unlink()
        for name, text in texts.items():
            (FIXTURES / name).write_text(text, encoding="utf-8")
        return
    problems: list[str] = []
    for stale in sorted(FIXTURES.glob("*.json")):
        if stale.name not in texts:
            problems.append(f"{stale.name}: no longer recorded")
    for name, text in texts.items():
        path = FIXTURES / name
        if not path.exists():
            problems.append(f"{name}: missing")
            continue
        committed = json.loads(path.read_text(encoding="utf-8"))
        if committed != exchanges[path.stem]:
            diff = difflib.unified_diff(
                to_json(committed).splitlines(),
                text.splitlines(),
                "committed",
                "server",
                lineterm="",
                n=2,
            )
            problems.append(f"{name} differs:\n" + "\n".join(diff))
    assert not problems, (
        "The server's sync answers no longer match pwa/src/offline/fixtures:\n\n"
        + "\n\n".join(problems)
        + f"\n\nIf the change is intended, re-record with\n    {RERECORD}\n"
        "review the diff, and run `cd pwa && npx vitest run src/offline`."
    )
