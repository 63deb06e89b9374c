"""Resident principals reused between requests while nothing they depend on has changed.

Loading a resident (account, credential, the register's homes) takes several queries on
every request. A principal depends on its own version (bumped by the identity routes that
change a profile, passkeys, a password or sessions — ``CHANGES_PRINCIPAL`` — and by a
change of who lives in one of its homes, those moving out included: sync.poke.poke_leases),
on everyone's version (imports, staff changes) and on the date (leases start and end at
midnight). So a principal is reused while those versions are unchanged,
within the day and within ``cache_max_age_seconds``.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from uuid import UUID

from backend.core import clock
from backend.core import versions as view_versions
from backend.core.versions import EVERYONE, next_utc_midnight, principal_key

if TYPE_CHECKING:
    from backend.accounts.access import ResidentPrincipal

KEPT_PRINCIPALS = 100_000  # the least recently used are forgotten first


@dataclass(frozen=True, slots=True)
class _Remembered:
    principal: ResidentPrincipal
    sessions_valid_after: datetime | None
    versions: tuple[str, ...]
    valid_until: float


class PrincipalCache:
    def __init__(self, max_age_seconds: int) -> None:
        self.max_age_seconds = max_age_seconds
        self._kept: OrderedDict[tuple[UUID, UUID | None], _Remembered] = OrderedDict()

    @staticmethod
    def keys(account_id: UUID) -> tuple[str, ...]:
        return (EVERYONE, principal_key(account_id))

    async def reuse(
        self, account_id: UUID, credential_id: UUID | None, started: datetime
    ) -> ResidentPrincipal | None:
        kept = self._kept.get((account_id, credential_id))
        if kept is None or clock.timestamp() >= kept.valid_until:
            return None
        if kept.sessions_valid_after is not None and started <= kept.sessions_valid_after:
            return None  # a session from before "sign out everywhere"
        if await view_versions.read(self.keys(account_id)) != kept.versions:
            return None
        self._kept.move_to_end((account_id, credential_id))
        return kept.principal

    def remember(
        self,
        principal: ResidentPrincipal,
        sessions_valid_after: datetime | None,
        versions: tuple[str, ...],
    ) -> None:
        """``versions`` were read before the principal was loaded from the database."""
        now = clock.now()
        until = min(next_utc_midnight(now), now + timedelta(seconds=self.max_age_seconds))
        key = (principal.account_id, principal.credential_id)
        self._kept[key] = _Remembered(principal, sessions_valid_after, versions, until.timestamp())
        self._kept.move_to_end(key)
        while len(self._kept) > KEPT_PRINCIPALS:
            self._kept.popitem(last=False)


_current: list[PrincipalCache] = []


def configure(max_age_seconds: int) -> PrincipalCache:
    """The app's cache (the last app made): a new app remembers nothing of an old one."""
    cache = PrincipalCache(max_age_seconds)
    _current[:] = [cache]
    return cache


def current() -> PrincipalCache | None:
    return _current[0] if _current else None
