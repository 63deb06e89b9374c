"""Pull: the resident's client view now, diffed against the view of the client's cookie."""

from __future__ import annotations

import uuid
from typing import Any

import asyncpg
from piccolo.engine.postgres import PostgresEngine

from backend.accounts.access import ResidentPrincipal
from backend.core import clock
from backend.core import versions as view_versions
from backend.core.db import DB
from backend.core.i18n import Language
from sync import freshness
from sync.protocol import ClearOp, DelOp, PatchOp, PullRequest, PullResponse, PutOp
from sync.push import claim_group
from sync.tables import KEPT_REJECTIONS, ClientGroup, ClientView, RejectedMutation, SyncClient
from sync.view import client_view, version_of

KEPT_VIEWS = 5  # older cookies get clear + the full state, which is always correct
SNAPSHOT_ATTEMPTS = 3


def diff(
    previous: dict[str, str] | None, view: dict[str, Any], versions: dict[str, str]
) -> list[PatchOp]:
    if previous is None:
        return [ClearOp(), *(PutOp(key=key, value=view[key]) for key in sorted(view))]
    patch: list[PatchOp] = [DelOp(key=key) for key in sorted(previous) if key not in versions]
    patch.extend(
        PutOp(key=key, value=view[key])
        for key in sorted(versions)
        if previous.get(key) != versions[key]
    )
    return patch


async def _rejections(group_id: str) -> dict[str, Any]:
    """The group's recent rejected mutations, ``rejected/<clientId>/<id>``: the client
    shows them even when the push's own response was lost."""
    rows = await (
        RejectedMutation.select(
            RejectedMutation.client,
            RejectedMutation.mutation_id,
            RejectedMutation.name,
            RejectedMutation.problem,
            RejectedMutation.created_at,
        )
        .where(RejectedMutation.client.client_group == group_id)
        .order_by(RejectedMutation.created_at, ascending=False)
        .limit(KEPT_REJECTIONS)
        .output(load_json=True)
    )
    return {
        f"rejected/{row['client']}/{row['mutation_id']}": {
            "clientId": row["client"],
            "id": row["mutation_id"],
            "name": row["name"],
            "problem": row["problem"],
            "createdAt": row["created_at"].isoformat(),
        }
        for row in rows
    }


async def _next_cookie(group_id: str, at_least: int) -> int:
    [row] = await (
        ClientGroup.update({ClientGroup.last_cookie: ClientGroup.last_cookie + 1})
        .where(ClientGroup.id == group_id)
        .returning(ClientGroup.last_cookie)
    )
    cookie = int(row["last_cookie"])
    if cookie <= at_least:  # a client ahead of us (a restored database): never go back
        cookie = at_least + 1
        await ClientGroup.update({ClientGroup.last_cookie: cookie}).where(
            ClientGroup.id == group_id
        )
    return cookie


async def pull(
    resident: ResidentPrincipal, request: PullRequest, language: Language
) -> PullResponse:
    await claim_group(resident, request.client_group_id)
    tracker = freshness.current()
    keys = freshness.Freshness.keys_for(resident)
    # Read before the view: a write that commits after this bumps past what is remembered.
    versions = await view_versions.read(keys)
    response = await answer(resident, request, language)
    if tracker is not None and versions is not None:
        await tracker.remember(
            request.client_group_id, resident, language, response.cookie, keys, versions
        )
    return response


async def answer(
    resident: ResidentPrincipal, request: PullRequest, language: Language
) -> PullResponse:
    """The full pull of a claimed group: the view now, diffed against the cookie's."""
    for attempt in range(SNAPSHOT_ATTEMPTS):
        try:
            return await _pull_once(resident, request, language)
        except asyncpg.exceptions.SerializationError:
            # Two pulls of one group at once on PostgreSQL: the later one reads again.
            if attempt == SNAPSHOT_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


async def _pull_once(
    resident: ResidentPrincipal, request: PullRequest, language: Language
) -> PullResponse:
    group_id = request.client_group_id
    # One transaction: the lastMutationIds and the view are read at the same point, so a
    # pull reporting lastMutationId = n holds the effects of 1..n and none later. (SQLite's
    # transactions are serialized; PostgreSQL needs a snapshot for the whole transaction.)
    async with DB.transaction():
        if isinstance(DB, PostgresEngine):
            await DB.run_ddl("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        clients = await SyncClient.select(SyncClient.id, SyncClient.last_mutation_id).where(
            SyncClient.client_group == group_id
        )
        view = await client_view(resident, language)
        view.update(await _rejections(group_id))
        previous = None
        if request.cookie is not None:
            previous = (
                await ClientView.select(ClientView.versions, ClientView.last_mutation_ids)
                .where(
                    (ClientView.client_group == group_id) & (ClientView.cookie == request.cookie)
                )
                .output(load_json=True)
                .first()
            )
        versions = {key: version_of(value) for key, value in view.items()}
        last_ids = {row["id"]: int(row["last_mutation_id"]) for row in clients}
        patch = diff(previous["versions"] if previous else None, view, versions)
        known = previous["last_mutation_ids"] if previous else {}
        changes = {key: value for key, value in last_ids.items() if known.get(key) != value}
        if previous is not None and request.cookie is not None and not patch and not changes:
            return PullResponse(cookie=request.cookie, last_mutation_id_changes={}, patch=[])
    # The snapshot transaction above only reads. The cookie and the client-view record are
    # written in a short transaction of their own, so concurrent pulls of one group never
    # conflict over the group row; each still gets its own, growing cookie.
    async with DB.transaction():
        cookie = await _next_cookie(group_id, request.cookie or 0)
        await ClientView.insert(
            ClientView(
                id=uuid.uuid4(),
                client_group=group_id,
                cookie=cookie,
                versions=versions,
                last_mutation_ids=last_ids,
                created_at=clock.now(),
            )
        )
        # The asking cookie stays: an answer prepared ahead (sync.prepared) is not the
        # client's until it pulls, and several may be prepared before it does.
        await ClientView.delete().where(
            (ClientView.client_group == group_id)
            & (ClientView.cookie <= cookie - KEPT_VIEWS)
            & (ClientView.cookie != (request.cookie or 0))
        )
    return PullResponse(cookie=cookie, last_mutation_id_changes=changes, patch=patch)
