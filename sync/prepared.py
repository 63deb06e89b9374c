"""Changed pulls prepared right after the write that changed them.

A write that changes what residents see pokes their open apps, and each pulls at once: the
pull that follows a write is predictable. So for every client group this process answered
lately (the memo of sync.freshness) whose view depends on an account or a lease that a
write just changed, the full pull from the group's cookie is computed right away, in the
background, after the write's commit. The client's pull with that cookie takes the
prepared answer while the versions it was computed under are still current (the rule of
the no-op pull), and computes its own otherwise; a pull arriving while its answer is being
prepared waits for it instead of doing the same work twice.

A prepared answer is exactly a full pull made a moment earlier: its client-view record and
cookie are stored like any other (the cookie the client asks with is kept until it does).
Changes to everyone's view (news, property information) are not prepared: every group
depends on them, and their pulls are spread over time anyway.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, cast
from uuid import UUID

from backend.accounts.access import resident_now, signed_out_everywhere
from backend.core import clock
from backend.core import versions as view_versions
from backend.core.i18n import Language
from backend.core.versions import VersionedMemo, VersionReads
from backend.news.services import next_visibility_change
from backend.settings import Settings
from sync import freshness
from sync import pull as pulling
from sync.protocol import SCHEMA_VERSION, PullRequest, PullResponse

logger = logging.getLogger("sync.prepared")

PARALLEL_PREPARATIONS = 2  # background work must leave room for the requests themselves
# Answers kept until their pull comes (most are taken within seconds, after the poke); the
# least recently prepared go first.
KEPT_ANSWERS = 5_000


@dataclass(frozen=True, slots=True)
class PreparedPull:
    asked: freshness.Remembered  # for whom, in which language, from which cookie
    response: PullResponse
    keys: tuple[str, ...]
    versions: tuple[str, ...]
    not_after: datetime | None
    sessions_valid_after: datetime | None  # sessions started before then were signed out


class Preparer:
    def __init__(self, tracker: freshness.Freshness, settings: Settings) -> None:
        self._tracker = tracker
        self._memo: VersionedMemo[str, PreparedPull] = VersionedMemo(
            settings.cache_max_age_seconds, size=KEPT_ANSWERS
        )
        self._running: dict[str, asyncio.Task[None]] = {}
        self._again: set[str] = set()
        self._slots = asyncio.Semaphore(PARALLEL_PREPARATIONS)
        self.prepared_count = 0  # answers prepared since start (for `make bench`)

    def changed(self, keys: tuple[str, ...]) -> None:
        """After a bump of these versions: prepare the pulls of the groups depending on them."""
        for group_id in self._tracker.groups_depending_on(keys):
            if group_id in self._running:
                self._again.add(group_id)  # it may have read the view before this write
            else:
                self._running[group_id] = asyncio.create_task(self._prepare(group_id))

    async def answer(
        self,
        group_id: str,
        cookie: int,
        auth: dict[str, Any],
        language: str,
        reads: VersionReads = None,
    ) -> PullResponse | None:
        """The prepared answer to this pull, if there is one and it is still current.
        ``auth`` is a resident session already checked for its time limits."""
        asked = freshness.Remembered(auth.get("id", ""), auth.get("credential"), language, cookie)
        running = self._running.get(group_id)
        if running is not None and self._tracker.remembered(group_id) == asked:
            await asyncio.shield(running)
        prepared = await self._memo.recall(group_id, lambda kept: kept.asked == asked, reads)
        if prepared is None:
            return None
        started = datetime.fromtimestamp(float(auth.get("authAt", 0)), UTC)
        if signed_out_everywhere(prepared.sessions_valid_after, started):
            return None  # the full pull answers this session (with 401)
        self._memo.forget(group_id)
        answered = replace(asked, cookie=prepared.response.cookie)
        self._tracker.keep(group_id, answered, prepared.keys, prepared.versions, prepared.not_after)
        return prepared.response

    async def settled(self) -> None:
        """Until no preparation runs (the app's shutdown; tests)."""
        while self._running:
            await asyncio.gather(*self._running.values(), return_exceptions=True)

    async def _prepare(self, group_id: str) -> None:
        try:
            while True:
                self._again.discard(group_id)
                async with self._slots:
                    await self._prepare_once(group_id)
                if group_id not in self._again:
                    return
        except Exception:  # the client's own pull computes its answer: nothing is lost
            logger.warning("Preparing a pull failed", exc_info=True)
        finally:
            self._running.pop(group_id, None)
            self._again.discard(group_id)

    async def _prepare_once(self, group_id: str) -> None:
        asked = self._tracker.remembered(group_id)
        if asked is None:
            return
        credential = UUID(asked.credential) if asked.credential else None
        found = await resident_now(UUID(asked.account_id), credential)
        if found is None:
            return  # signed out, moved out: the pull will say so itself
        resident, sessions_valid_after = found
        keys = freshness.Freshness.keys_for(resident)
        versions = await view_versions.read(keys)  # before the view, as in every pull
        if versions is None:
            return
        request = PullRequest(
            schema_version=SCHEMA_VERSION, client_group_id=group_id, cookie=asked.cookie
        )
        response = await pulling.answer(resident, request, cast(Language, asked.language))
        not_after = await next_visibility_change(clock.now())
        prepared = PreparedPull(asked, response, keys, versions, not_after, sessions_valid_after)
        self._memo.remember(group_id, prepared, keys, versions, not_after=not_after)
        self.prepared_count += 1


_current: list[Preparer] = []


def configure(tracker: freshness.Freshness, settings: Settings) -> Preparer:
    """The app's preparer, told of every bump (the last app made, as with the memo)."""
    preparer = Preparer(tracker, settings)
    _current[:] = [preparer]
    view_versions.on_view_change(preparer.changed)
    return preparer


def current() -> Preparer | None:
    return _current[0] if _current else None
