"""Wire types of the sync protocol (DESIGN §5), camelCase JSON.

These structs are the contract with the PWA's offline library; ``sync.typescript``
generates ``pwa/src/offline/protocol.gen.ts`` from their JSON Schema.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec

from backend.accounts.schemas import Wire

SCHEMA_VERSION = 1

ClientGroupId = Annotated[
    str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
]
ClientId = Annotated[str, msgspec.Meta(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
MutationId = Annotated[int, msgspec.Meta(ge=1, le=2**53 - 1)]
MutationName = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]


class Mutation(Wire, forbid_unknown_fields=True):
    client_id: ClientId
    id: MutationId
    name: MutationName
    args: dict[str, Any]


class PushRequest(Wire, forbid_unknown_fields=True):
    schema_version: int
    client_group_id: ClientGroupId
    mutations: Annotated[list[Mutation], msgspec.Meta(max_length=100)]


class SyncProblem(Wire):
    """An RFC 9457-like problem the client can show (title and detail localized)."""

    code: str
    title: str
    detail: str


class MutationResult(Wire):
    client_id: str
    id: int
    status: Literal["applied", "rejected", "skipped"]
    problem: SyncProblem | None = None


class PushResponse(Wire):
    """Results in batch order; mutations after a gap or a temporary error are absent."""

    results: list[MutationResult]
    last_mutation_ids: dict[str, int]
    stopped: Literal["gap", "temporary-error"] | None = None


class PullRequest(Wire, forbid_unknown_fields=True):
    schema_version: int
    client_group_id: ClientGroupId
    cookie: Annotated[int, msgspec.Meta(ge=0)] | None


class ClearOp(Wire, tag_field="op", tag="clear"):
    pass


class PutOp(Wire, tag_field="op", tag="put"):
    key: str
    value: Any


class DelOp(Wire, tag_field="op", tag="del"):
    key: str


PatchOp = ClearOp | PutOp | DelOp


class PullResponse(Wire):
    cookie: int
    last_mutation_id_changes: dict[str, int]
    patch: list[PatchOp]


class SchemaVersionProblem(Wire):
    """The body of the 409 answer to an unsupported ``schemaVersion``: update the app.

    The client recognizes it by ``type``; title and detail are in the reader's language.
    """

    type: Literal["/problems/sync-schema-version"]
    title: str
    status: int
    detail: str
    instance: str
    request_id: str


class PokeEvent(Wire):
    """The data of a server-sent ``poke`` event: pull now."""

    reason: Literal["push", "change"]


WIRE_TYPES: tuple[type[Any], ...] = (
    PushRequest,
    PushResponse,
    PullRequest,
    PullResponse,
    SchemaVersionProblem,
    PokeEvent,
)
