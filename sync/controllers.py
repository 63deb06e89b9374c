"""HTTP endpoints of the sync protocol (resident principal only)."""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec
from litestar import Controller, Request, Response, get, post, put
from litestar.channels import ChannelsPlugin
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.response import ServerSentEvent

from backend.accounts.access import ResidentDep, provide_resident, resident_session
from backend.core.errors import InvalidInputError, UnavailableError
from backend.core.problems import problem_response, request_language
from backend.core.versions import VersionReads, principal_changed
from backend.media.http import UPLOAD_BODY_LIMIT
from backend.settings import Settings
from sync import blobs, freshness, prepared
from sync import pull as pulling
from sync import push as pushing
from sync.poke import poke_events
from sync.protocol import (
    SCHEMA_VERSION,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
)

AnyRequest = Request[Any, Any, Any]
T = TypeVar("T")
NO_STORE = {"cache-control": "private, no-store"}
# Mutations that change who the resident is (the principal: contact details, language).
PRINCIPAL_MUTATIONS = frozenset({"updateProfile"})


def schema_version_problem(request: AnyRequest) -> Response[Any]:
    """409 for an app too old (or new) for this server: the client tells its user to update
    (the body is a ``SchemaVersionProblem``, the type the generated client knows)."""
    return problem_response(request, 409, "sync-schema-version", headers=NO_STORE)


def parsed(kind: type[T], data: dict[str, Any]) -> T:
    """The request in ``kind``, after the schema version was found acceptable: an app of
    another version may send another shape, and must hear "update" rather than "invalid"."""
    try:
        return msgspec.convert(data, kind)
    except msgspec.ValidationError as error:
        raise InvalidInputError(errors=[{"field": "body", "message": str(error)}]) from None


def supported(data: dict[str, Any]) -> bool:
    return data.get("schemaVersion") == SCHEMA_VERSION


class SyncController(Controller):
    path = "/api/sync"
    tags = ("sync",)

    @post("/push", status_code=200)
    async def push(
        self, request: AnyRequest, data: JSONBody[dict[str, Any]], resident: ResidentDep
    ) -> Response[Any]:
        """Apply the client's pending mutations (a ``PushRequest``), each exactly once."""
        if not supported(data):
            return schema_version_problem(request)
        push_request = parsed(PushRequest, data)
        result: PushResponse = await pushing.push(resident, push_request, request_language(request))
        applied = {(item.client_id, item.id) for item in result.results if item.status == "applied"}
        if not any(item.status in ("applied", "rejected") for item in result.results):
            freshness.nothing_changed(request.scope.setdefault("state", {}))  # a replay
        if any(
            (m.client_id, m.id) in applied and m.name in PRINCIPAL_MUTATIONS
            for m in push_request.mutations
        ):
            principal_changed(request.scope.setdefault("state", {}))
        # The views are bumped and the household poked by sync.freshness's middleware.
        return Response(result, headers=NO_STORE)

    @post("/pull", status_code=200, opt={freshness.UNCHANGED_OPT: True})
    async def pull(
        self,
        request: AnyRequest,
        data: JSONBody[dict[str, Any]],
        settings: NamedDependency[Settings],
    ) -> Response[Any]:
        """What changed in the resident's view since the client's cookie (``PullRequest``)."""
        language = request_language(request)
        known = await _known_answer(request, data, settings, language)
        if known is not None:
            return Response(known, headers=NO_STORE)
        resident = await provide_resident(request, settings)
        if not supported(data):
            return schema_version_problem(request)
        pull_request = parsed(PullRequest, data)
        result: PullResponse = await pulling.pull(resident, pull_request, language)
        return Response(result, headers=NO_STORE)

    @get("/poke")
    async def poke(self, request: AnyRequest, resident: ResidentDep) -> ServerSentEvent:
        """Server-sent events: ``poke`` whenever the resident's view may have changed."""
        try:
            plugin = request.app.plugins.get(ChannelsPlugin)
        except KeyError:
            raise UnavailableError() from None  # the app was built without sync.poke's plugin
        return ServerSentEvent(
            poke_events(plugin, resident.account_id, [home.lease_id for home in resident.homes]),
            headers={**NO_STORE, "x-accel-buffering": "no"},
        )


async def _known_answer(
    request: AnyRequest, data: dict[str, Any], settings: Settings, language: str
) -> PullResponse | None:
    """The pull's fast paths, with no principal load and no view: nothing changed since the
    cookie (sync.freshness), or an answer prepared right after the write (sync.prepared)."""
    tracker = freshness.current()
    group_id, cookie = data.get("clientGroupId"), data.get("cookie")
    if (
        tracker is None
        or not supported(data)
        or not isinstance(group_id, str)
        or type(cookie) is not int
    ):
        return None
    auth = resident_session(request, settings)
    if auth is None:
        return None
    reads: VersionReads = {}  # both answers depend on the same versions: read them once
    if await tracker.unchanged(group_id, cookie, auth, language, reads):
        return PullResponse(cookie=cookie, last_mutation_id_changes={}, patch=[])
    preparer = prepared.current()
    if preparer is None:
        return None
    return await preparer.answer(group_id, cookie, auth, language, reads)


class BlobsController(Controller):
    path = "/api/blobs"
    tags = ("sync",)

    @put("/{sha256:str}", status_code=201, request_max_body_size=UPLOAD_BODY_LIMIT)
    async def upload(
        self,
        request: AnyRequest,
        sha256: FromPath[str],
        resident: ResidentDep,
        settings: NamedDependency[Settings],
    ) -> Response[None]:
        """Upload a photo as the raw body, named by the sha256 of those bytes (201 new,
        200 again). Mutations reference it by that hash and may come before it."""
        # A pending photo may have been attached: the middleware pokes the household.
        created = await blobs.put_blob(resident, sha256, await request.body(), settings)
        return Response(None, status_code=201 if created else 200, headers=NO_STORE)

    @get("/{sha256:str}")
    async def download(
        self, sha256: FromPath[str], resident: ResidentDep, settings: NamedDependency[Settings]
    ) -> Response[bytes]:
        """The stored (re-encoded) photo of one's own upload; anyone else's: 404."""
        data, media_type = await blobs.read_upload(resident, sha256, settings)
        return Response(
            data,
            media_type=media_type,
            headers={**NO_STORE, "x-content-type-options": "nosniff"},
        )


CONTROLLERS: list[type[Controller]] = [SyncController, BlobsController]
