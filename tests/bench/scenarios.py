"""The measurements, against a running server (``tests.bench.server``) and a seeded database.

Every client connection is signed in as a different resident (``POST /bench/login``), and
holds that resident's session and CSRF cookies, as the PWA would.
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

import msgspec

from sync.protocol import SCHEMA_VERSION
from tests.bench.loadgen import Answer, Connection, Result, encode, open_connections, run_load

HOST = "127.0.0.1"
CLIENTS = 64  # concurrent connections in every measurement
HELLO_REQUESTS, HELLO_WARMUP = 20_000, 2_000
NOOP_REQUESTS, NOOP_WARMUP = 5_000, 500
CHANGED_REQUESTS = int(os.environ.get("BENCH_CHANGED_PULLS", "384"))  # one-use residents
CHANGED_WARMUP = CLIENTS
RAW_REQUESTS, RAW_WARMUP = 5_000, 500
PUSH_REQUESTS, PUSH_WARMUP = 2_000, 2 * CLIENTS
SETUP_CONNECTIONS = 16
JSON = {"content-type": "application/json"}

Item = TypeVar("Item")


@dataclass
class Resident:
    account_id: str
    lease_id: str
    tickets: list[str]
    group: str = field(default_factory=lambda: uuid.uuid4().hex)
    client: str = field(default_factory=lambda: uuid.uuid4().hex)
    session: dict[str, str] = field(default_factory=dict)
    cookie: int | None = None
    since: str = ""


def changed_residents_needed() -> int:
    return CHANGED_REQUESTS + CHANGED_WARMUP


class Bench:
    """Requests to one server, signed in with the CSRF token the first answer set."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.csrf: dict[str, str] = {}

    async def start(self) -> None:
        connection = await Connection(HOST, self.port).open()
        try:
            answer = await connection.send(encode("GET", "/bench/hello"))
            self.csrf = {k: v for k, v in answer.cookies().items() if k == "portal_csrf"}
            if answer.status != 200 or not self.csrf:
                raise RuntimeError(f"no CSRF cookie from /bench/hello: {answer.head!r}")
        finally:
            connection.close()

    def request(self, method: str, path: str, resident: Resident, body: Any = None) -> bytes:
        unsafe = method != "GET"
        return encode(
            method,
            path,
            headers={**JSON, "x-csrf-token": self.csrf["portal_csrf"]} if unsafe else None,
            cookies={**self.csrf, **resident.session},
            body=msgspec.json.encode(body) if body is not None else None,
        )

    def pull(self, resident: Resident) -> bytes:
        body = {
            "schemaVersion": SCHEMA_VERSION,
            "clientGroupId": resident.group,
            "cookie": resident.cookie,
        }
        return self.request("POST", "/api/sync/pull", resident, body)

    def push(self, resident: Resident, mutations: list[dict[str, Any]]) -> bytes:
        body = {
            "schemaVersion": SCHEMA_VERSION,
            "clientGroupId": resident.group,
            "mutations": mutations,
        }
        return self.request("POST", "/api/sync/push", resident, body)

    async def sign_in(self, connection: Connection, resident: Resident) -> None:
        path = f"/bench/login/{resident.account_id}"
        answer = await connection.send(self.request("POST", path, resident))
        cookies = answer.cookies()
        if answer.status != 204 or "portal_session" not in cookies:
            raise RuntimeError(f"sign-in failed: {answer.status} {answer.body[:200]!r}")
        resident.session = {"portal_session": cookies["portal_session"]}

    async def post_admin(self, path: str, resident: Resident) -> Any:
        """A bench-only route (signed in as anyone: the CSRF check wants a session)."""
        connection = await Connection(HOST, self.port).open()
        try:
            answer = await connection.send(self.request("POST", path, resident))
            if answer.status not in (200, 204):
                raise RuntimeError(f"{path}: {answer.status} {answer.body[:200]!r}")
            return msgspec.json.decode(answer.body) if answer.status == 200 else None
        finally:
            connection.close()

    async def settled(self) -> int:
        """Until the server's prepared pulls are made; how many it has made since start."""
        resident = Resident("", "", [])
        return int((await self.post_admin("/bench/settled", resident))["prepared"])

    async def first_pull(self, connection: Connection, resident: Resident) -> None:
        answer = await connection.send(self.pull(resident))
        body = _ok(answer)
        resident.cookie = int(body["cookie"])


def _ok(answer: Answer) -> Any:
    if answer.status != 200:
        raise RuntimeError(f"HTTP {answer.status}: {answer.body[:300]!r}")
    return answer.json()


async def _each(
    port: int, items: Sequence[Item], work: Callable[[Connection, Item], Awaitable[None]]
) -> None:
    """``work`` for every item, over a few connections at once (setup, not measured)."""
    connections = await open_connections(HOST, port, min(SETUP_CONNECTIONS, len(items)))
    pending = iter(items)
    try:

        async def worker(connection: Connection) -> None:
            for item in pending:
                await work(connection, item)

        await asyncio.gather(*(worker(c) for c in connections))
    finally:
        for connection in connections:
            connection.close()


def _patch_check(expected_puts: int) -> Callable[[Answer], str | None]:
    def check(answer: Answer) -> str | None:
        body: Any = answer.json()
        puts = sum(1 for op in body["patch"] if op["op"] == "put")
        if puts != expected_puts or len(body["patch"]) != expected_puts:
            return f"expected {expected_puts} puts, got {len(body['patch'])} ops ({puts} puts)"
        return None

    return check


def _raw_check(answer: Answer) -> str | None:
    rows: Any = answer.json()
    return None if len(rows) == 10 else f"expected 10 rows, got {len(rows)}"


def _applied(answer: Answer) -> str | None:
    body: Any = answer.json()
    statuses = [result["status"] for result in body["results"]]
    return None if statuses == ["applied"] else f"push results {statuses}: {body}"


async def _measure(
    port: int, make: Callable[[int, int], bytes], requests: int, warmup: int, check: Any = None
) -> Result:
    connections = await open_connections(HOST, port, CLIENTS)
    try:
        return await run_load(connections, make, requests=requests, warmup=warmup, check=check)
    finally:
        for connection in connections:
            connection.close()


async def hello_vs_noop_pull(bench: Bench, residents: list[Resident]) -> dict[str, Result]:
    """a. The same signed-in clients: hello-world, then a pull where nothing changed."""
    assert len(residents) == CLIENTS

    async def prepare(connection: Connection, resident: Resident) -> None:
        await bench.sign_in(connection, resident)
        await bench.first_pull(connection, resident)

    await _each(bench.port, residents, prepare)
    hellos = [bench.request("GET", "/bench/hello", r) for r in residents]
    pulls = [bench.pull(r) for r in residents]
    hello = await _measure(bench.port, lambda c, i: hellos[c], HELLO_REQUESTS, HELLO_WARMUP)
    noop = await _measure(
        bench.port, lambda c, i: pulls[c], NOOP_REQUESTS, NOOP_WARMUP, _patch_check(0)
    )
    return {"hello": hello, "noop pull": noop}


async def changed_pull_vs_raw(bench: Bench, residents: list[Resident]) -> dict[str, Result]:
    """b. Pull once, comment on 10 tickets through a push, then time the pull with the old
    cookie (each resident once) against the raw-driver query returning the same tickets."""
    assert len(residents) == changed_residents_needed()

    async def prepare(connection: Connection, resident: Resident) -> None:
        await bench.sign_in(connection, resident)
        await bench.first_pull(connection, resident)
        resident.since = datetime.now(UTC).isoformat()
        mutations = [
            {
                "clientId": resident.client,
                "id": n,
                "name": "addTicketComment",
                "args": {"ticketId": ticket, "text": f"Bench comment {n}"},
            }
            for n, ticket in enumerate(resident.tickets, start=1)
        ]
        body = _ok(await connection.send(bench.push(resident, mutations)))
        if [r["status"] for r in body["results"]] != ["applied"] * len(mutations):
            raise RuntimeError(f"preparing push failed: {body}")

    started = time.monotonic()
    await _each(bench.port, residents, prepare)
    # The server prepares each group's next pull after its write (sync.prepared), in the
    # background: the pulls are measured once that work is done, and its cost is shown.
    count = await bench.settled()
    print(
        f"  {len(residents)} pushes of 10 comments and {count} pulls prepared after them in"
        f" {time.monotonic() - started:.2f} s",
        flush=True,
    )
    pulls = [bench.pull(r) for r in residents]
    raws = [bench.request("POST", "/bench/raw-rows", r, {"since": r.since}) for r in residents]
    changed = await _measure(
        bench.port, lambda c, i: pulls[i], CHANGED_REQUESTS, CHANGED_WARMUP, _patch_check(10)
    )
    raw = await _measure(
        bench.port, lambda c, i: raws[i % len(raws)], RAW_REQUESTS, RAW_WARMUP, _raw_check
    )
    await bench.post_admin("/bench/raw-close", residents[0])
    return {"changed pull": changed, "raw rows": raw}


async def push_latency(bench: Bench, residents: list[Resident]) -> Result:
    """c/d. 64 clients, each its own resident and client group, one createTicket per push."""
    assert len(residents) == CLIENTS
    await _each(bench.port, residents, bench.sign_in)
    next_id = [0] * CLIENTS

    def make(c: int, i: int) -> bytes:
        resident = residents[c]
        next_id[c] += 1
        args = {
            "id": str(uuid.uuid4()),
            "leaseId": resident.lease_id,
            "category": ("kitchen", "bathroom", "windows", "doors_locks")[i % 4],
            "description": "Keittiön hana vuotaa, lattialle kertyy vettä.",
            "location": "Keittiö",
            "masterKeyPermission": True,
            "pets": False,
            "contactPhone": "+358 40 000 0000",
        }
        mutation = {"clientId": resident.client, "id": next_id[c], "name": "createTicket"}
        return bench.push(resident, [{**mutation, "args": args}])

    return await _measure(bench.port, make, PUSH_REQUESTS, PUSH_WARMUP, _applied)


def residents(homes: list[dict[str, Any]], start: int, count: int) -> list[Resident]:
    """The first adult (a main tenant) of ``count`` homes from ``start``."""
    chosen = homes[start : start + count]
    if len(chosen) < count:
        raise RuntimeError(f"the seed has too few homes ({len(homes)}) for this run")
    return [Resident(h["accounts"][0], h["leaseId"], h["tickets"]) for h in chosen]


async def postgres_scenarios(port: int, homes: list[dict[str, Any]]) -> dict[str, Result]:
    bench = Bench(port)
    await bench.start()
    changed = changed_residents_needed()  # the seed gave these homes their 11 tickets
    results = await hello_vs_noop_pull(bench, residents(homes, changed, CLIENTS))
    print_results(results)
    step = await changed_pull_vs_raw(bench, residents(homes, 0, changed))
    print_results(step)
    results.update(step)
    results["push"] = await push_latency(bench, residents(homes, changed + CLIENTS, CLIENTS))
    print_results({"push": results["push"]})
    return results


async def sqlite_scenarios(port: int, homes: list[dict[str, Any]]) -> dict[str, Result]:
    bench = Bench(port)
    await bench.start()
    result = {"push": await push_latency(bench, residents(homes, 0, CLIENTS))}
    print_results(result)
    return result


def print_results(results: dict[str, Result]) -> None:
    for name, result in results.items():
        print(f"  {name:<14} {result.summary()}", flush=True)
