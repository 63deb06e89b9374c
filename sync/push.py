"""Push: apply a batch of mutations exactly once, in order, each in its own transaction."""

from __future__ import annotations

import logging
import uuid
from collections import OrderedDict
from typing import Any
from uuid import UUID

import msgspec

from backend.accounts.access import ResidentPrincipal
from backend.core import clock
from backend.core.db import DB
from backend.core.errors import AccessDeniedError, DomainError
from backend.core.i18n import Language, translate
from sync.mutators import mutator
from sync.protocol import Mutation, MutationResult, PushRequest, PushResponse, SyncProblem
from sync.tables import KEPT_REJECTIONS, ClientGroup, RejectedMutation, SyncClient

logger = logging.getLogger("sync.push")


class _AlreadyApplied(Exception):
    """Another push applied this mutation first (a retried batch racing its original)."""


# Who owns a group never changes once claimed: remembered, so a push or pull of a known
# group asks the database nothing about it.
_owners: OrderedDict[str, UUID] = OrderedDict()
KEPT_OWNERS = 100_000


def forget_owners() -> None:
    """A new app remembers nothing of an old one's database (tests start each afresh)."""
    _owners.clear()


async def claim_group(resident: ResidentPrincipal, group_id: str) -> None:
    """A client group belongs to the account that used it first; any other gets 403."""
    owner = _owners.get(group_id)
    if owner is None:
        owner = await _claim(resident, group_id)
        _owners[group_id] = owner
        while len(_owners) > KEPT_OWNERS:
            _owners.popitem(last=False)
    if owner != resident.account_id:
        raise AccessDeniedError()


async def _claim(resident: ResidentPrincipal, group_id: str) -> UUID:
    row = await ClientGroup.select(ClientGroup.account).where(ClientGroup.id == group_id).first()
    if row is None:
        try:
            await ClientGroup.insert(
                ClientGroup(id=group_id, account=resident.account_id, created_at=clock.now())
            )
            return resident.account_id
        except Exception:  # claimed at the same moment by another request: look again
            row = (
                await ClientGroup.select(ClientGroup.account)
                .where(ClientGroup.id == group_id)
                .first()
            )
    if row is None:
        raise AccessDeniedError()
    owner: UUID = row["account"]
    return owner


async def _client(group_id: str, client_id: str) -> int:
    """The client's lastMutationId; a new client of this group starts at 0."""
    row = (
        await SyncClient.select(SyncClient.client_group, SyncClient.last_mutation_id)
        .where(SyncClient.id == client_id)
        .first()
    )
    if row is None:
        try:
            await SyncClient.insert(SyncClient(id=client_id, client_group=group_id))
        except Exception:
            return await _client(group_id, client_id)
        return 0
    if row["client_group"] != group_id:
        raise AccessDeniedError()  # a client id of another group: nothing through it
    return int(row["last_mutation_id"])


# Hand-written: it runs once per mutation, and building it with the ORM cost more CPU than
# the mutation itself (filing a ticket).
_ADVANCE = (
    "UPDATE sync_client SET last_mutation_id = {} "
    "WHERE id = {} AND client_group = {} AND last_mutation_id = {} RETURNING id"
)


async def _advance(group_id: str, client_id: str, mutation_id: int) -> None:
    """Moves lastMutationId from ``mutation_id - 1`` to ``mutation_id``; first in the
    transaction, so that on PostgreSQL the client row's lock orders concurrent pushes."""
    updated = await SyncClient.raw(_ADVANCE, mutation_id, client_id, group_id, mutation_id - 1)
    if not updated:
        raise _AlreadyApplied()


def problem_of(error: Exception, language: Language) -> SyncProblem:
    if isinstance(error, DomainError):
        code = error.code
        detail = translate(error.detail_key, language, **error.params)
    else:
        code = "invalid-input"
        detail = translate(f"problem.{code}.detail", language)
        # msgspec ends its message with the field ("... - at `$.text`"): language-neutral.
        _, at, where = str(error).rpartition(" - at ")
        if at:
            detail = f"{detail} ({where.strip('`')})"
    title = translate(f"problem.{code}.title", language)
    return SyncProblem(code=code, title=title, detail=detail)


def is_permanent(error: Exception) -> bool:
    if isinstance(error, msgspec.ValidationError):
        return True
    return isinstance(error, DomainError) and 400 <= error.status < 500 and error.status != 429


async def _apply(resident: ResidentPrincipal, group_id: str, mutation: Mutation) -> None:
    async with DB.transaction():
        await _advance(group_id, mutation.client_id, mutation.id)
        await mutator(mutation.name)(resident, mutation.args)


async def _reject(group_id: str, mutation: Mutation, problem: SyncProblem) -> None:
    async with DB.transaction():
        await _advance(group_id, mutation.client_id, mutation.id)
        await RejectedMutation.insert(
            RejectedMutation(
                id=uuid.uuid4(),
                client=mutation.client_id,
                mutation_id=mutation.id,
                name=mutation.name,
                problem=msgspec.to_builtins(problem),
                created_at=clock.now(),
            )
        )
        await _prune_rejections(group_id)


async def _prune_rejections(group_id: str) -> None:
    """Keeps the group's newest KEPT_REJECTIONS (what the pull shows). Pruned on every
    rejection, a group holds at most one more than that, so reading all ids is cheap."""
    rows = await (
        RejectedMutation.select(RejectedMutation.id)
        .where(RejectedMutation.client.client_group == group_id)
        .order_by(RejectedMutation.created_at, RejectedMutation.mutation_id, ascending=False)
    )
    older = [row["id"] for row in rows[KEPT_REJECTIONS:]]
    if older:
        await RejectedMutation.delete().where(RejectedMutation.id.is_in(older))


async def push(
    resident: ResidentPrincipal, request: PushRequest, language: Language
) -> PushResponse:
    group_id = request.client_group_id
    await claim_group(resident, group_id)
    last: dict[str, int] = {}
    results: list[MutationResult] = []
    stopped: Any = None
    for mutation in request.mutations:
        client_id = mutation.client_id
        if client_id not in last:
            # Usually the next one: try it first, and read where the client stands only
            # when the compare-and-set says it is not (new client, replay, gap).
            status = await _run(resident, group_id, mutation, language, results, first_try=True)
            if status is None:
                stopped = "temporary-error"
                break
            if status != NOT_NEXT:
                last[client_id] = mutation.id
                continue
            last[client_id] = await _client(group_id, client_id)
        expected = last[client_id] + 1
        if mutation.id < expected:
            results.append(MutationResult(client_id=client_id, id=mutation.id, status="skipped"))
            continue
        if mutation.id > expected:
            stopped = "gap"
            break
        status = await _run(resident, group_id, mutation, language, results)
        if status is None:
            stopped = "temporary-error"
            break
        last[client_id] = mutation.id
    return PushResponse(results=results, last_mutation_ids=last, stopped=stopped)


NOT_NEXT = "not-next"


async def _run(
    resident: ResidentPrincipal,
    group_id: str,
    mutation: Mutation,
    language: Language,
    results: list[MutationResult],
    *,
    first_try: bool = False,
) -> str | None:
    """Applies or rejects one mutation; None on a temporary error (nothing advanced).
    On a ``first_try`` whose compare-and-set fails, NOT_NEXT (nothing recorded)."""
    try:
        await _apply(resident, group_id, mutation)
        status = "applied"
        problem = None
    except _AlreadyApplied:
        if first_try:
            return NOT_NEXT
        status, problem = "skipped", None
    except Exception as error:
        if not is_permanent(error):
            logger.warning("Mutation %s failed for now: %r", mutation.name, error)
            return None
        problem = problem_of(error, language)
        try:
            await _reject(group_id, mutation, problem)
            status = "rejected"
        except _AlreadyApplied:
            if first_try:
                return NOT_NEXT
            status, problem = "skipped", None
    results.append(
        MutationResult(client_id=mutation.client_id, id=mutation.id, status=status, problem=problem)  # type: ignore[arg-type]
    )
    return status
