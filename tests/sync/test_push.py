"""Push: exactly once, in order, atomically; permanent errors recorded, temporary ones not."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from litestar import Litestar

from backend.core.errors import NotFoundError
from backend.tickets import services as tickets
from sync import mutators
from sync.tables import RejectedMutation, SyncClient
from tests.support.world import build_world
from tests.sync.conftest import comments_on, mutation, new_group, pull, push, pushed
from tests.tickets.conftest import ticket_body


async def _last_mutation_id(client_id: str) -> int:
    row = await SyncClient.select(SyncClient.last_mutation_id).where(SyncClient.id == client_id)
    return int(row[0]["last_mutation_id"]) if row else 0


async def test_mutators_call_the_services_and_pull_shows_their_effects(
    db: None, app: Litestar
) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        body = ticket_body(world.ids["L1"])
        lease = str(world.ids["L1"])
        batch = [
            mutation("c1", 1, "createTicket", **body),
            mutation("c1", 2, "addTicketComment", ticketId=body["id"], text="Vielä tippuu."),
            mutation("c1", 3, "updateProfile", phone="+358 40 123 4567"),
            mutation(
                "c1",
                4,
                "sendMessage",
                leaseId=lease,
                id=str(uuid.uuid4()),
                category="other",
                subject="Pihan valot",
                body="Pihan valot eivät syty illalla.",
            ),
            mutation("c1", 5, "cancelTicket", ticketId=body["id"], reason="Korjasin itse."),
        ]
        result = await pushed(main, group, batch)
        assert [r["status"] for r in result["results"]] == ["applied"] * 5, result
        assert result["lastMutationIds"] == {"c1": 5}
        view = await pull(main, group, None)
        data = view.json()
        assert data["lastMutationIdChanges"] == {"c1": 5}
        assert data["patch"][0] == {"op": "clear"}
        state = {op["key"]: op["value"] for op in data["patch"][1:]}
        ticket = state[f"ticket/{body['id']}"]
        assert ticket["status"] == "cancelled"
        assert state["profile"]["phone"] == "+358 40 123 4567"
        assert f"home/{lease}" in state
        [thread] = [value for key, value in state.items() if key.startswith("thread/")]
        assert thread["subject"] == "Pihan valot"
        # the adult occupant of the same home sees the ticket too, not the profile of main
        resident_view = (await pull(world.clients["resident"], new_group(), None)).json()
        keys = {op.get("key") for op in resident_view["patch"]}
        assert f"ticket/{body['id']}" in keys
        other_view = (await pull(world.clients["other"], new_group(), None)).json()
        assert f"ticket/{body['id']}" not in {op.get("key") for op in other_view["patch"]}


async def test_permanent_errors_are_recorded_and_advance(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, other, group = world.clients["main"], world.clients["other"], new_group()
        theirs = ticket_body(world.ids["L2"])
        assert (await other.post("/api/tickets", json=theirs)).status_code == 201
        mine = ticket_body(world.ids["L1"])
        batch = [
            mutation("c1", 1, "createTicket", **mine),
            mutation("c1", 2, "addTicketComment", ticketId=theirs["id"], text="Minun!"),
            mutation("c1", 3, "addTicketComment", ticketId=mine["id"], text="x" * 4001),
            mutation("c1", 4, "addTicketComment", ticketId=mine["id"], text=5),
            mutation("c1", 5, "launchRocket", target="moon"),
            mutation("c1", 6, "cancelTicket", ticketId="not-a-uuid"),
            mutation("c1", 7, "addTicketComment", ticketId=mine["id"], text="Kiitos."),
            mutation("c1", 9, "addTicketComment", ticketId=mine["id"], text="Aukon jälkeen"),
        ]
        result = await pushed(main, group, batch)
        statuses = [r["status"] for r in result["results"]]
        assert statuses == ["applied", *["rejected"] * 5, "applied"]
        assert result["stopped"] == "gap"
        assert result["lastMutationIds"] == {"c1": 7}
        problems = [r["problem"] for r in result["results"] if r["problem"]]
        assert problems[0]["code"] == "not-found"
        assert "Minun" not in str(problems[0])
        assert problems[1]["code"] == "invalid-input"
        assert problems[1]["detail"].endswith("($.text)")
        assert problems[3]["code"] == "sync-unknown-mutator"
        assert all(p["title"] and p["detail"] for p in problems)
        assert await comments_on(theirs["id"]) == []
        assert await comments_on(mine["id"]) == ["Kiitos."]
        rejected = await RejectedMutation.select(RejectedMutation.mutation_id).order_by(
            RejectedMutation.mutation_id
        )
        assert [row["mutation_id"] for row in rejected] == [2, 3, 4, 5, 6]
        assert await _last_mutation_id("c1") == 7
        # the rejections are in the pull too (the push's response may have been lost)
        view = (await pull(main, group, None)).json()
        rejected = {
            op["key"]: op["value"]
            for op in view["patch"]
            if op.get("key", "").startswith("rejected/")
        }
        assert sorted(rejected) == [f"rejected/c1/{n}" for n in (2, 3, 4, 5, 6)]
        assert rejected["rejected/c1/5"]["problem"]["code"] == "sync-unknown-mutator"
        assert rejected["rejected/c1/5"]["name"] == "launchRocket"


async def test_a_failing_mutator_leaves_nothing(db: None, app: Litestar) -> None:
    """Atomicity: a mutator that wrote and then failed leaves neither its effect nor the
    lastMutationId change (temporary error), or only the rejection (permanent error)."""

    async def comment_then_fail(resident: Any, args: dict[str, Any]) -> None:
        await tickets.comment(resident, uuid.UUID(args["ticketId"]), args["text"])
        if args.get("permanent"):
            raise NotFoundError()
        raise RuntimeError("the disk is full")

    mutators.MUTATORS["commentThenFail"] = comment_then_fail
    try:
        async with build_world(app) as world:
            main, group = world.clients["main"], new_group()
            mine = ticket_body(world.ids["L1"])
            await pushed(main, group, [mutation("c1", 1, "createTicket", **mine)])
            failing = mutation("c1", 2, "commentThenFail", ticketId=mine["id"], text="Puolikas")
            result = await pushed(main, group, [failing])
            assert result["results"] == []
            assert result["stopped"] == "temporary-error"
            assert await comments_on(mine["id"]) == []
            assert await _last_mutation_id("c1") == 1
            failing["args"]["permanent"] = True
            result = await pushed(main, group, [failing])
            assert [r["status"] for r in result["results"]] == ["rejected"]
            assert await comments_on(mine["id"]) == []
            assert await _last_mutation_id("c1") == 2
    finally:
        del mutators.MUTATORS["commentThenFail"]


async def test_another_accounts_group_gets_nothing(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, other, group = world.clients["main"], world.clients["other"], new_group()
        mine = ticket_body(world.ids["L1"], description="Salainen kuvaus")
        await pushed(main, group, [mutation("c1", 1, "createTicket", **mine)])
        assert (await pull(main, group, None)).status_code == 200
        stolen = await push(other, group, [mutation("c1", 2, "cancelTicket", ticketId=mine["id"])])
        assert stolen.status_code == 403
        assert stolen.headers["content-type"].startswith("application/problem+json")
        read = await pull(other, group, None)
        assert read.status_code == 403
        assert "Salainen" not in read.text
        # a client id of main's group cannot be used from another group either
        elsewhere = await push(other, new_group(), [mutation("c1", 2, "updateProfile")])
        assert elsewhere.status_code == 403
        assert await _last_mutation_id("c1") == 1
        anonymous = await push(world.clients["anonymous"], new_group(), [])
        assert anonymous.status_code == 401
        staff = await pull(world.clients["staff_in"], new_group(), None)
        assert staff.status_code == 403


async def test_unsupported_schema_version_says_update_the_app(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main = world.clients["main"]
        bodies = {
            "/api/sync/push": {"schemaVersion": 2, "clientGroupId": "g1", "mutations": []},
            "/api/sync/pull": {"schemaVersion": 0, "clientGroupId": "g1", "newField": 1},
        }
        for path, body in bodies.items():
            response = await main.post(path, json=body, headers={"accept-language": "en"})
            assert response.status_code == 409, response.text
            problem = response.json()
            assert problem["type"] == "/problems/sync-schema-version"
            assert problem["title"] == "Please update the app"
        bad = await main.post("/api/sync/pull", json={"schemaVersion": 1, "clientGroupId": "g"})
        assert bad.status_code == 422
        assert bad.json()["type"] == "/problems/invalid-input"


async def test_overlapping_pushes_at_once_apply_each_mutation_once(db: None, app: Litestar) -> None:
    """The same batch sent several times at the same moment (a retry racing the original)."""
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        mine = ticket_body(world.ids["L1"])
        await pushed(main, group, [mutation("c1", 1, "createTicket", **mine)])
        batch = [
            mutation("c1", n, "addTicketComment", ticketId=mine["id"], text=f"kommentti {n}")
            for n in range(2, 7)
        ]
        responses = await asyncio.gather(*(push(main, group, batch) for _ in range(4)))
        assert all(response.status_code == 200 for response in responses)
        applied = [
            item["id"]
            for response in responses
            for item in response.json()["results"]
            if item["status"] == "applied"
        ]
        assert sorted(applied) == [2, 3, 4, 5, 6]
        assert sorted(await comments_on(mine["id"])) == [f"kommentti {n}" for n in range(2, 7)]
        assert await _last_mutation_id("c1") == 6
