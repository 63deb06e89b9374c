"""Server-side sessions over a Litestar store (files by default, Redis at scale).

Litestar's backend would store (and set a cookie for) even an empty anonymous session on
every response; ours stores only sessions with content that changed, and gives a session a
fresh id when someone signs in, so that an id planted before sign-in is worthless
(fixation). A session's "last seen" moves at most once a minute (accounts.access), so most
requests write nothing.

Requests of one browser overlap (the sign-in page's passkey challenge and the start of bank
identification, a sync pull and a settings change), so a request writes back only the keys
it changed, merged into what is stored by then; a whole-session write would drop what an
overlapping request stored meanwhile. For the same reason reading never writes: Litestar's
"renew on access" rewrites the stored value on every read (in the file store), which can
undo a write that lands between the read and the rewrite. The idle limits are kept by the
session's own "last seen" instead, and every write starts the store's lifetime again.
"""

from __future__ import annotations

import asyncio
import weakref
from dataclasses import dataclass
from typing import Any

from litestar.connection import ASGIConnection
from litestar.datastructures import Cookie, MutableScopeHeaders
from litestar.middleware.session.server_side import (
    ServerSideSessionBackend,
    ServerSideSessionConfig,
)
from litestar.types import Empty, Message, ScopeSession
from litestar.utils.dataclass import extract_dataclass_items

from backend.settings import Settings

SESSION_COOKIE = "portal_session"
_ROTATE_KEY = "portal_rotate_session"
_NEW_ID_KEY = "portal_new_session_id"
_LOADED_KEY = "portal_session_loaded"

# One merge at a time per session in this process: re-read, merge and write are one step.
_merge_locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()


def _merge_lock(session_id: str) -> asyncio.Lock:
    lock = _merge_locks.get(session_id)
    if lock is None:
        lock = asyncio.Lock()
        _merge_locks[session_id] = lock
    return lock


def rotate_session_id(connection: ASGIConnection[Any, Any, Any, Any]) -> None:
    """Give the session a new id when the response is sent (call on sign-in)."""
    connection.scope.setdefault("state", {})[_ROTATE_KEY] = True


def merge_changes(
    stored: dict[str, Any], loaded: dict[str, Any], current: dict[str, Any]
) -> dict[str, Any]:
    """What is stored now, with this request's changes (``loaded`` → ``current``) applied."""
    merged = {key: value for key, value in stored.items() if key in current or key not in loaded}
    for key, value in current.items():
        if key not in loaded or loaded[key] != value:
            merged[key] = value
    return merged


class PortalSessionBackend(ServerSideSessionBackend):
    async def load_from_connection(
        self, connection: ASGIConnection[Any, Any, Any, Any]
    ) -> dict[str, Any]:
        data = await super().load_from_connection(connection)
        if data:  # what was stored, to store again only what changed
            state = connection.scope.setdefault("state", {})
            state[_LOADED_KEY] = self.serialize_data(data, connection.scope)
        return data

    def get_session_id(self, connection: ASGIConnection[Any, Any, Any, Any]) -> str:
        state = connection.scope.setdefault("state", {})
        if state.get(_ROTATE_KEY):
            if _NEW_ID_KEY not in state:
                state[_NEW_ID_KEY] = self.generate_session_id()
            return str(state[_NEW_ID_KEY])
        return super().get_session_id(connection)

    def _clear_cookie(self, message: Message) -> None:
        headers = MutableScopeHeaders.from_message(message)
        params = dict(
            extract_dataclass_items(self.config, exclude_none=True, include=Cookie.__dict__.keys())
        )
        params.pop("max_age", None)
        headers.add(
            "Set-Cookie",
            Cookie(value="null", key=self.config.key, expires=0, max_age=0, **params).to_header(
                header=""
            ),
        )

    async def store_in_message(
        self,
        scope_session: ScopeSession,
        message: Message,
        connection: ASGIConnection[Any, Any, Any, Any],
    ) -> None:
        old_id = connection.cookies.get(self.config.key)
        cookie_id = old_id if old_id and old_id != "null" else None
        if not scope_session and cookie_id is None:
            return  # nothing to keep, nothing to clear: no store write, no cookie
        store = self.config.get_store_from_app(connection.scope["app"])
        state = connection.scope.get("state", {})
        if state.get(_ROTATE_KEY) or scope_session is Empty:
            # Sign-in (a new id for exactly this content) or sign-out: the whole session.
            if cookie_id is not None:
                await self.delete(cookie_id, store=store)
            if scope_session is Empty or not scope_session:
                self._clear_cookie(message)
            else:
                await super().store_in_message(scope_session, message, connection)
            return
        loaded: bytes | None = state.get(_LOADED_KEY)
        serialized = self.serialize_data(scope_session, connection.scope)
        if loaded is not None and serialized == loaded:
            return  # unchanged: no store write, and the cookie the browser has stays valid
        if cookie_id is None:  # a new session: nothing stored to merge with
            await super().store_in_message(scope_session, message, connection)
            return
        async with _merge_lock(cookie_id):
            stored = await self.get(cookie_id, store=store)
            if stored is None and loaded is not None:
                return  # ended meanwhile (signed out, say): a change must not bring it back
            merged = merge_changes(
                self.deserialize_data(stored) if stored is not None else {},
                self.deserialize_data(loaded) if loaded is not None else {},
                self.deserialize_data(serialized),
            )
            if not merged:
                await self.delete(cookie_id, store=store)
                self._clear_cookie(message)
                return
            await super().store_in_message(merged, message, connection)


@dataclass
class PortalSessionConfig(ServerSideSessionConfig):
    _backend_class = PortalSessionBackend


def session_config(settings: Settings) -> PortalSessionConfig:
    longest_idle = max(settings.session_idle_minutes, settings.staff_session_idle_minutes)
    return PortalSessionConfig(
        key=SESSION_COOKIE,
        store="sessions",
        max_age=longest_idle * 60,
        httponly=True,
        secure=settings.is_https,
        samesite="lax",  # the strong-identification callback is a cross-site top-level GET
        renew_on_access=False,  # see the module docstring; "last seen" writes renew instead
    )
