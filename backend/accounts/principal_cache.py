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

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from backend.core.versions import EVERYONE, VersionedMemo, principal_key

if TYPE_CHECKING:
    from backend.accounts.access import ResidentPrincipal


@dataclass(frozen=True, slots=True)
class _Checked:
    principal: ResidentPrincipal
    sessions_valid_after: datetime | None


class PrincipalCache:
    def __init__(self, max_age_seconds: int) -> None:
        self._memo: VersionedMemo[tuple[UUID, UUID | None], _Checked] = VersionedMemo(
            max_age_seconds
        )

    @staticmethod
    def keys(account_id: UUID) -> tuple[str, ...]:
        return (EVERYONE, principal_key(account_id))

    async def reuse(
        self, account_id: UUID, credential_id: UUID | None, started: datetime
    ) -> ResidentPrincipal | None:
        def not_signed_out(checked: _Checked) -> bool:  # a session from before "sign out
            after = checked.sessions_valid_after  # everywhere" is not the same session
            return after is None or started > after

        checked = await self._memo.recall((account_id, credential_id), not_signed_out)
        return checked.principal if checked else None

    def remember(
        self,
        principal: ResidentPrincipal,
        sessions_valid_after: datetime | None,
        versions: tuple[str, ...],
    ) -> None:
        """``versions`` were read before the principal was loaded from the database."""
        key = (principal.account_id, principal.credential_id)
        checked = _Checked(principal, sessions_valid_after)
        self._memo.remember(key, checked, self.keys(principal.account_id), versions)


_current: list[PrincipalCache] = []


def configure(max_age_seconds: int) -> PrincipalCache:
    """The app's cache (the last app made): a new app remembers nothing of an old one."""
    cache = PrincipalCache(max_age_seconds)
    _current[:] = [cache]
    return cache


def current() -> PrincipalCache | None:
    return _current[0] if _current else None
