"""Server-side sessions over a Litestar store (files by default, Redis at scale).

Litestar's backend would store (and set a cookie for) even an empty anonymous session on
every response; ours stores only sessions with content that changed, and gives a session a
fresh id when someone signs in, so that an id planted before sign-in is worthless
(fixation). A session's "last seen" moves at most once a minute (accounts.access), so most
requests write nothing.
"""

from __future__ import annotations

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


def rotate_session_id(connection: ASGIConnection[Any, Any, Any, Any]) -> None:
    """Give the session a new id when the response is sent (call on sign-in)."""
    connection.scope.setdefault("state", {})[_ROTATE_KEY] = True


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

    async def store_in_message(
        self,
        scope_session: ScopeSession,
        message: Message,
        connection: ASGIConnection[Any, Any, Any, Any],
    ) -> None:
        old_id = connection.cookies.get(self.config.key)
        has_cookie = bool(old_id) and old_id != "null"
        if not scope_session and not has_cookie:
            return  # nothing to keep, nothing to clear: no store write, no cookie
        store = self.config.get_store_from_app(connection.scope["app"])
        rotating = bool(connection.scope.get("state", {}).get(_ROTATE_KEY))
        if rotating and has_cookie and old_id:
            await self.delete(old_id, store=store)
        if scope_session is Empty or not scope_session:
            if has_cookie and old_id:
                await self.delete(old_id, store=store)
            headers = MutableScopeHeaders.from_message(message)
            params = dict(
                extract_dataclass_items(
                    self.config, exclude_none=True, include=Cookie.__dict__.keys()
                )
            )
            params.pop("max_age", None)
            headers.add(
                "Set-Cookie",
                Cookie(value="null", key=self.config.key, expires=0, max_age=0, **params).to_header(
                    header=""
                ),
            )
            return
        loaded = connection.scope.get("state", {}).get(_LOADED_KEY)
        if (
            not rotating
            and loaded is not None
            and self.serialize_data(scope_session, connection.scope) == loaded
        ):
            return  # unchanged: no store write, and the cookie the browser has stays valid
        await super().store_in_message(scope_session, message, connection)


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
        renew_on_access=True,
    )
