"""Exactly once under any replay (issue 5): a property test over generated push schedules.

A schedule is what an unreliable network does to one client group's outbox: batches of the
group's mutations (one or two clients) sent again, duplicated, reordered, overlapping, with
gaps, two at the same moment, and with responses lost (the client does not learn what
happened), interleaved with pulls. After it the client catches up: it re-sends, in order,
everything it has not seen acknowledged. Then every mutation took effect exactly once.

Each mutation is a comment with its own text on the example's own ticket, or (a permanent
error) a comment on a ticket that does not exist: its "effect" is one recorded rejection.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from litestar import Litestar

from sync.tables import RejectedMutation, SyncClient
from tests.support.world import World, build_world
from tests.sync.conftest import apply_patch, comments_on, mutation, new_group, pulled, pushed
from tests.tickets.conftest import ticket_body

Ref = tuple[int, int]  # (client index, mutation id)


@dataclass(frozen=True)
class Send:
    batches: tuple[tuple[Ref, ...], ...]  # two batches are sent at the same moment
    dropped: tuple[bool, ...]  # per batch: the client never sees the response


@dataclass(frozen=True)
class Pull:
    pass


@dataclass(frozen=True)
class Schedule:
    counts: tuple[int, ...]  # mutations per client, ids 1..count
    rejected: frozenset[Ref]  # the mutations that fail for good
    steps: tuple[Send | Pull, ...]

    def refs(self) -> list[Ref]:
        return [(c, n) for c, count in enumerate(self.counts) for n in range(1, count + 1)]


@st.composite
def schedules(draw: st.DrawFn) -> Schedule:
    counts = tuple(draw(st.lists(st.integers(1, 6), min_size=1, max_size=2)))
    refs = [(c, n) for c, count in enumerate(counts) for n in range(1, count + 1)]
    rejected = frozenset(draw(st.sets(st.sampled_from(refs), max_size=3)))

    @st.composite
    def run_of_one_client(draw_run: st.DrawFn) -> tuple[Ref, ...]:
        """Consecutive mutations of one client from any point: a retry, or an overlap."""
        c = draw_run(st.integers(0, len(counts) - 1))
        start = draw_run(st.integers(1, counts[c]))
        end = draw_run(st.integers(start, counts[c]))
        return tuple((c, n) for n in range(start, end + 1))

    # Any picks: duplicates, reorderings, gaps, mixed clients.
    picks = st.lists(st.sampled_from(refs), min_size=1, max_size=8).map(tuple)
    batch = st.one_of(run_of_one_client(), picks)
    send = st.lists(batch, min_size=1, max_size=2).flatmap(
        lambda batches: st.tuples(
            st.just(tuple(batches)), st.tuples(*(st.booleans() for _ in batches))
        ).map(lambda pair: Send(batches=pair[0], dropped=pair[1]))
    )
    step = st.one_of(send, send, send, st.just(Pull()))
    steps = tuple(draw(st.lists(step, max_size=6)))
    return Schedule(counts=counts, rejected=rejected, steps=steps)


@dataclass
class Run:
    """One example: the server's answers seen so far, and what the client knows."""

    schedule: Schedule
    client: httpx.AsyncClient
    group: str
    ticket_id: str
    clients: list[str]
    acknowledged: dict[str, int] = field(default_factory=dict)  # what the client learnt
    answered: Counter[Ref] = field(default_factory=Counter)  # applied/rejected answers
    cookie: int | None = None
    known_ids: dict[str, int] = field(default_factory=dict)  # from pulls
    state: dict[str, Any] = field(default_factory=dict)  # the client's pulled view

    def text(self, ref: Ref) -> str:
        return f"{self.group[:8]} {ref[0]}:{ref[1]}"

    def wire(self, ref: Ref) -> dict[str, Any]:
        c, n = ref
        if ref in self.schedule.rejected:
            # A ticket that does not exist: not-found, a permanent rejection.
            missing = str(uuid.uuid5(uuid.NAMESPACE_OID, self.text(ref)))
            return mutation(self.clients[c], n, "addTicketComment", ticketId=missing, text="x")
        return mutation(
            self.clients[c], n, "addTicketComment", ticketId=self.ticket_id, text=self.text(ref)
        )

    def ref_of(self, client_id: str, mutation_id: int) -> Ref:
        return (self.clients.index(client_id), mutation_id)

    async def send(self, batch: tuple[Ref, ...] | list[Ref], *, dropped: bool) -> dict[str, Any]:
        body = await pushed(self.client, self.group, [self.wire(ref) for ref in batch])
        # What the schedules exercise (shown by --hypothesis-show-statistics).
        event(f"stopped: {body['stopped']}")
        if dropped:
            event("a response dropped")
        if any(result["status"] == "skipped" for result in body["results"]):
            event("a replay skipped")
        for result in body["results"]:
            ref = self.ref_of(result["clientId"], result["id"])
            if result["status"] == "applied":
                assert ref not in self.schedule.rejected, result
                self.answered[ref] += 1
            elif result["status"] == "rejected":
                assert ref in self.schedule.rejected, result
                assert result["problem"]["code"] == "not-found"
                self.answered[ref] += 1
        if not dropped:
            for client_id, last in body["lastMutationIds"].items():
                self.acknowledged[client_id] = max(self.acknowledged.get(client_id, 0), last)
        return body

    async def pull(self) -> dict[str, Any]:
        body = await pulled(self.client, self.group, self.cookie)
        self.cookie = body["cookie"]
        self.known_ids.update(body["lastMutationIdChanges"])
        apply_patch(self.state, body["patch"])
        for client_id, last in self.known_ids.items():
            self.acknowledged[client_id] = max(self.acknowledged.get(client_id, 0), last)
        return body

    async def server_ids(self) -> dict[str, int]:
        rows = await SyncClient.select(SyncClient.id, SyncClient.last_mutation_id).where(
            SyncClient.client_group == self.group
        )
        return {row["id"]: int(row["last_mutation_id"]) for row in rows}

    def expected_effects(self, last: dict[str, int]) -> tuple[Counter[str], Counter[Ref]]:
        """Comments and rejections of mutations 1..lastMutationId of each client, once."""
        done = [ref for ref in self.schedule.refs() if ref[1] <= last.get(self.clients[ref[0]], 0)]
        comments = Counter(self.text(ref) for ref in done if ref not in self.schedule.rejected)
        return comments, Counter(ref for ref in done if ref in self.schedule.rejected)

    async def check_effects(self) -> dict[str, int]:
        """The database holds the effects of exactly 1..lastMutationId of each client."""
        last = await self.server_ids()
        comments, rejections = self.expected_effects(last)
        assert Counter(await comments_on(self.ticket_id)) == comments
        rows = await RejectedMutation.select(
            RejectedMutation.client, RejectedMutation.mutation_id
        ).where(RejectedMutation.client.is_in(self.clients))
        assert Counter(self.ref_of(r["client"], r["mutation_id"]) for r in rows) == rejections
        return last

    def pulled_comments(self) -> Counter[str]:
        ticket = self.state[f"ticket/{self.ticket_id}"]
        return Counter(e["text"] for e in ticket["timeline"] if e["kind"] == "comment")

    def pulled_rejections(self) -> Counter[Ref]:
        prefix = "rejected/"
        return Counter(
            self.ref_of(value["clientId"], value["id"])
            for key, value in self.state.items()
            if key.startswith(prefix) and value["clientId"] in self.clients
        )

    async def check_pull(self) -> None:
        """A pull reporting lastMutationId = n shows the effects of 1..n and none later."""
        comments, rejections = self.expected_effects(self.known_ids)
        assert self.pulled_comments() == comments
        assert self.pulled_rejections() == rejections


@pytest.fixture
async def world(db: None, app: Litestar) -> AsyncIterator[World]:
    """One cast for all examples; each example has its own ticket, group and clients."""
    async with build_world(app) as built:
        yield built


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,  # the same schedules on every run and in CI
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(schedule=schedules())
async def test_every_mutation_takes_effect_exactly_once(world: World, schedule: Schedule) -> None:
    main = world.clients["main"]
    ticket = ticket_body(world.ids["L1"])
    assert (await main.post("/api/tickets", json=ticket)).status_code == 201
    group = new_group()
    clients = [f"{group[:16]}-{c}" for c in range(len(schedule.counts))]
    run = Run(schedule, main, group, ticket["id"], clients)
    event(f"{len(clients)} client(s)")

    for step in schedule.steps:
        if isinstance(step, Pull):
            await run.pull()
            assert run.known_ids == await run.server_ids()
            await run.check_pull()
            continue
        if len(step.batches) > 1:
            event("two batches at once")
        await asyncio.gather(
            *(
                run.send(batch, dropped=dropped)
                for batch, dropped in zip(step.batches, step.dropped, strict=True)
            )
        )
        last = await run.check_effects()
        assert all(answers == 1 for answers in run.answered.values()), run.answered
        assert sum(run.answered.values()) == sum(last.values())

    # The client catches up: everything not acknowledged yet, in order.
    pending = [ref for ref in schedule.refs() if ref[1] > run.acknowledged.get(clients[ref[0]], 0)]
    if pending:
        body = await run.send(pending, dropped=False)
        assert body["stopped"] is None, body
    counts = {client_id: count for client_id, count in zip(clients, schedule.counts, strict=True)}
    assert await run.check_effects() == counts
    assert run.answered == Counter(schedule.refs())  # each answered applied/rejected once

    await run.pull()  # the client's own cookie: the changes since its last pull
    assert run.known_ids == counts
    await run.check_pull()
    fresh = await pulled(main, group, None)  # a new client of the group: everything
    assert fresh["lastMutationIdChanges"] == counts
    assert apply_patch({}, fresh["patch"]) == run.state
