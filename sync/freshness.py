"""The no-op pull: "nothing changed" answered without building the client view.

Opening the app pulls, and almost always nothing has changed. Every write that may change
what a resident sees bumps a *view version*: the account's (profile, own pushes, passkeys,
sign-out), a lease's (the household's tickets, messages, occupants, rent) or ``everyone``'s
(news, property information, staff administration, imports). A full pull reads the versions
its view depends on *before* it reads the view and remembers them with the cookie it hands
out. The next pull of that client group with that cookie, by the same account and
credential, in the same language, is answered from memory while none of those versions
moved and the clock cannot have changed the view (UTC midnight: lease dates, due dates;
the next news publication or expiry; at most ``cache_max_age_seconds``). Anything else
takes the full pull, which is always right.

The versions are backend.core.versions; this module bumps them for every successful write
request, after its commit and before its response starts (``view_change_middleware``), so
a client that saw its write acknowledged never gets a stale "nothing changed". The
remembered answers are per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from backend.accounts.access import ResidentPrincipal, StaffPrincipal
from backend.core import clock
from backend.core import versions as view_versions
from backend.core.versions import (
    EVERYONE,
    VersionedMemo,
    VersionReads,
    account_key,
    lease_key,
)
from backend.news.services import next_visibility_change
from sync.poke import publish_pokes

_UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Route option: the handler's service bumps exactly the leases it changed (poke_leases),
# so the middleware must not bump everyone's version for this staff write.
POKED_OPT = "sync_view_poked"
# Route option: an unsafe method that changes no resident's view (the pull).
UNCHANGED_OPT = "sync_view_unchanged"
_UNCHANGED_STATE = "portal_view_unchanged"


def nothing_changed(scope_state: dict[str, Any]) -> None:
    """Marks this write request as one that changed nothing after all (a push whose every
    mutation was applied before): no versions move, no app is poked."""
    scope_state[_UNCHANGED_STATE] = True


@dataclass(frozen=True, slots=True)
class Remembered:
    """What a full pull answered: for whom, in which language, under which cookie."""

    account_id: str
    credential: str | None
    language: str
    cookie: int


class Freshness:
    def __init__(self, max_age_seconds: int) -> None:
        self._memo: VersionedMemo[str, Remembered] = VersionedMemo(max_age_seconds)
        # Which remembered groups depend on an account's or a lease's version (a superset:
        # groups forgotten or remembered anew are dropped when found).
        self._groups_by_key: dict[str, set[str]] = {}

    @staticmethod
    def keys_for(resident: ResidentPrincipal) -> tuple[str, ...]:
        homes = sorted(str(home.lease_id) for home in resident.homes)
        return (EVERYONE, account_key(resident.account_id), *(lease_key(h) for h in homes))

    async def remember(
        self,
        group_id: str,
        resident: ResidentPrincipal,
        language: str,
        cookie: int,
        keys: tuple[str, ...],
        versions: tuple[str, ...],
    ) -> None:
        """After a full pull: its cookie, and the versions read before its view was."""
        remembered = Remembered(
            account_id=str(resident.account_id),
            credential=str(resident.credential_id) if resident.credential_id else None,
            language=language,
            cookie=cookie,
        )
        # Time alone changes which news show at the next publication or expiry.
        news_change = await next_visibility_change(clock.now())
        self.keep(group_id, remembered, keys, versions, news_change)

    def keep(
        self,
        group_id: str,
        remembered: Remembered,
        keys: tuple[str, ...],
        versions: tuple[str, ...],
        not_after: datetime | None,
    ) -> None:
        """Remember an answer given (or prepared, sync.prepared) under these versions."""
        self._memo.remember(group_id, remembered, keys, versions, not_after=not_after)
        for key in keys:
            if key != EVERYONE:  # everyone's changes are not prepared: every group has it
                self._groups_by_key.setdefault(key, set()).add(group_id)

    def remembered(self, group_id: str) -> Remembered | None:
        """What the group was last answered, whether or not it is still current."""
        kept = self._memo.peek(group_id)
        return kept[0] if kept is not None else None

    def groups_depending_on(self, keys: tuple[str, ...]) -> set[str]:
        """The remembered groups whose view depends on any of these versions."""
        found: set[str] = set()
        for key in keys:
            groups = self._groups_by_key.get(key)
            if not groups:
                continue
            for group_id in list(groups):
                kept = self._memo.peek(group_id)
                if kept is None or key not in kept[1]:
                    groups.discard(group_id)
                else:
                    found.add(group_id)
            if not groups:
                del self._groups_by_key[key]
        return found

    async def unchanged(
        self,
        group_id: str,
        cookie: int,
        auth: dict[str, Any],
        language: str,
        reads: VersionReads = None,
    ) -> bool:
        """True when the client's view of ``cookie`` is still exactly the resident's view.
        ``auth`` is a resident session already checked for its time limits."""
        wanted = Remembered(auth.get("id", ""), auth.get("credential"), language, cookie)
        return await self._memo.recall(group_id, wanted.__eq__, reads) is not None


_current: list[Freshness] = []


def configure(max_age_seconds: int) -> Freshness:
    """The app's remembered pulls (the last app made, as with the channels plugin)."""
    freshness = Freshness(max_age_seconds)
    _current[:] = [freshness]
    return freshness


def current() -> Freshness | None:
    return _current[0] if _current else None


def view_change_middleware(app: ASGIApp) -> ASGIApp:
    """Bumps the view versions a successful write may have changed, before its response
    starts. Residents change their own account and homes (and their open apps are poked);
    staff writes change everyone's view unless the route's service bumps and pokes the
    exact leases itself (``POKED_OPT``)."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP or scope.get("method") not in _UNSAFE_METHODS:
            await app(scope, receive, send)
            return

        changes, collecting = view_versions.collect_changes()

        async def send_after_bump(message: Message) -> None:
            if message["type"] == "http.response.start":
                if message["status"] < 400:
                    await _bump_for(scope)
                # Pulls are prepared once per write request (sync.prepared), however many
                # bumps its services made.
                view_versions.announce(changes)
                changes.clear()
            await send(message)

        try:
            await app(scope, receive, send_after_bump)
        finally:
            view_versions.stop_collecting(collecting)
            view_versions.announce(changes)

    return middleware


async def _bump_for(scope: Scope) -> None:
    handler = scope.get("route_handler")
    opt: dict[str, Any] = handler.opt if handler is not None else {}
    state = scope.get("state", {})
    if opt.get(UNCHANGED_OPT) or state.get(_UNCHANGED_STATE):
        return
    principal = state.get("portal_principal")
    if isinstance(principal, ResidentPrincipal):
        mine = [principal.account_id]
        homes = [home.lease_id for home in principal.homes]
        await view_versions.view_changed(
            accounts=mine,
            leases=homes,
            principals=mine if view_versions.changes_principal(opt, state) else (),
        )
        # Then (never before the bump, or a poked app could pull "unchanged") the resident's
        # other devices and the household's open apps pull.
        publish_pokes(accounts=mine, leases=homes)
    elif isinstance(principal, StaffPrincipal) and not opt.get(POKED_OPT):
        await view_versions.view_changed(everyone=True)
