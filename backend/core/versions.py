"""View versions: a counter per account, per lease and for everyone, bumped by every write
that may change what a resident sees (or who they are: homes, rights, sign-in state).

Readers remember the versions they depended on and reuse what they computed while those
are unchanged: the sync pull's "nothing changed" (sync.freshness) and the resident
principal (accounts.access). A write bumps *after* it commits and before its response is
sent, and a reader reads the versions *before* it reads the database, so a remembered
result can only be too old by a bump, never newer than its versions say.

In process memory for one server process; in Redis, shared by all workers and replicas.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping
from contextvars import ContextVar, Token
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import Any, Generic, Protocol, TypeVar
from uuid import UUID

from redis.asyncio import Redis

from backend.core import clock

EVERYONE = "everyone"


def account_key(account_id: UUID | str) -> str:
    return f"account:{account_id}"


def lease_key(lease_id: UUID | str) -> str:
    return f"lease:{lease_id}"


def principal_key(account_id: UUID | str) -> str:
    """Who the account is: profile, passkeys, password, sign-out, homes (not its data)."""
    return f"principal:{account_id}"


# Route option: a successful write here may change who the signed-in resident is
# (their profile, passkeys, password, sessions), not only what they see.
CHANGES_PRINCIPAL = "changes_principal"
PRINCIPAL_ROUTES: Mapping[str, Any] = MappingProxyType({CHANGES_PRINCIPAL: True})  # as ``opt``
_PRINCIPAL_CHANGED = "portal_principal_changed"


def principal_changed(scope_state: dict[str, Any]) -> None:
    """Marks the request's write as one that changed who the resident is (for routes that
    only sometimes do, such as a sync push with an ``updateProfile``)."""
    scope_state[_PRINCIPAL_CHANGED] = True


def changes_principal(opt: dict[str, Any], scope_state: dict[str, Any]) -> bool:
    return bool(opt.get(CHANGES_PRINCIPAL) or scope_state.get(_PRINCIPAL_CHANGED))


class VersionStore(Protocol):
    async def read(self, keys: tuple[str, ...]) -> tuple[str, ...]: ...

    async def bump(self, keys: Iterable[str]) -> None: ...


class MemoryVersions:
    """One process: a counter per key (a process restart forgets what was remembered)."""

    def __init__(self) -> None:
        self._counters: dict[str, int] = {}

    async def read(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(str(self._counters.get(key, 0)) for key in keys)

    async def bump(self, keys: Iterable[str]) -> None:
        for key in keys:
            self._counters[key] = self._counters.get(key, 0) + 1


class RedisVersions:
    """Shared by every process. An epoch key guards against Redis losing its data (it may
    keep nothing on disk): counters restarting from zero could repeat a remembered version,
    but the new epoch never matches a remembered one."""

    PREFIX = "portal:view:"

    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def read(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        epoch_key = self.PREFIX + "epoch"
        values = await self._redis.mget([epoch_key, *(self.PREFIX + key for key in keys)])
        epoch = values[0]
        if epoch is None:
            await self._redis.set(epoch_key, secrets.token_hex(8), nx=True)
            epoch = await self._redis.get(epoch_key)
        return tuple(_text(value) for value in (epoch, *values[1:]))

    async def bump(self, keys: Iterable[str]) -> None:
        pipe = self._redis.pipeline(transaction=False)
        for key in keys:
            pipe.incr(self.PREFIX + key)
        await pipe.execute()


def _text(value: Any) -> str:
    if value is None:
        return "0"
    return value.decode() if isinstance(value, bytes) else str(value)


_stores: list[VersionStore] = []
_listeners: list[Callable[[tuple[str, ...]], None]] = []
# The bumps of the request being served, told to the listeners once, as its response starts.
_collected: ContextVar[list[str] | None] = ContextVar("portal_view_changes", default=None)


def configure(redis: Redis | None) -> VersionStore:
    """The app's store (the last app made, as with the channels plugin)."""
    store: VersionStore = RedisVersions(redis) if redis is not None else MemoryVersions()
    _stores[:] = [store]
    return store


def on_view_change(listener: Callable[[tuple[str, ...]], None] | None) -> None:
    """Who hears of each bump, after it (the app's sync.prepared; the last app made)."""
    _listeners[:] = [listener] if listener is not None else []


def collect_changes() -> tuple[list[str], Token[list[str] | None]]:
    """From now on in this context, bumps are collected (for ``announce``), not told."""
    changes: list[str] = []
    return changes, _collected.set(changes)


def stop_collecting(token: Token[list[str] | None]) -> None:
    _collected.reset(token)


def announce(keys: Iterable[str]) -> None:
    """Tell the listeners of these bumps (once per request, however many it made)."""
    bumped = tuple(dict.fromkeys(keys))
    if bumped:
        for listener in _listeners:
            listener(bumped)


def current() -> VersionStore | None:
    return _stores[0] if _stores else None


async def read(keys: tuple[str, ...]) -> tuple[str, ...] | None:
    """The versions of ``keys`` now; None without a configured store (nothing may be
    remembered then)."""
    store = current()
    return await store.read(keys) if store is not None else None


async def view_changed(
    *,
    accounts: Iterable[UUID] = (),
    leases: Iterable[UUID] = (),
    principals: Iterable[UUID] = (),
    everyone: bool = False,
) -> None:
    """Call after the write committed: what these accounts and homes see has changed (and
    who these ``principals`` are)."""
    keys = [account_key(a) for a in accounts] + [lease_key(lease) for lease in leases]
    keys += [principal_key(a) for a in principals]
    if everyone:
        keys.append(EVERYONE)
    store = current()
    if store is not None and keys:
        bumped = tuple(dict.fromkeys(keys))
        await store.bump(bumped)
        collected = _collected.get()
        if collected is not None:
            collected.extend(bumped)
        else:
            announce(bumped)


def next_utc_midnight(now: datetime) -> datetime:
    """Dates change there (lease starts and ends, due dates): time alone changes views."""
    tomorrow = now.astimezone(UTC).date() + timedelta(days=1)
    return datetime(tomorrow.year, tomorrow.month, tomorrow.day, tzinfo=UTC)


# Versions read during one request, by the keys read (see VersionedMemo.recall).
VersionReads = dict[tuple[str, ...], tuple[str, ...] | None] | None
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class _Kept(Generic[V]):
    value: V
    keys: tuple[str, ...]
    versions: tuple[str, ...]
    valid_until: float


class VersionedMemo(Generic[K, V]):
    """Answers remembered with the versions they were computed under (read *before*
    computing them). One is reused while those versions are unchanged and until its
    deadline: the next UTC midnight at the latest, and ``max_age_seconds``. The least
    recently used are forgotten first."""

    def __init__(self, max_age_seconds: int, size: int = 100_000) -> None:
        self.max_age_seconds = max_age_seconds
        self.size = size
        self._kept: OrderedDict[K, _Kept[V]] = OrderedDict()

    def remember(
        self,
        key: K,
        value: V,
        keys: tuple[str, ...],
        versions: tuple[str, ...],
        *,
        not_after: datetime | None = None,
    ) -> None:
        now = clock.now()
        limits = [next_utc_midnight(now), now + timedelta(seconds=self.max_age_seconds)]
        if not_after is not None:
            limits.append(not_after)
        self._kept[key] = _Kept(value, keys, versions, min(limits).timestamp())
        self._kept.move_to_end(key)
        while len(self._kept) > self.size:
            self._kept.popitem(last=False)

    def peek(self, key: K) -> tuple[V, tuple[str, ...]] | None:
        """The remembered value and the keys it depends on, before its deadline, whether or
        not those versions have moved since."""
        kept = self._kept.get(key)
        if kept is None or clock.timestamp() >= kept.valid_until:
            return None
        return kept.value, kept.keys

    def forget(self, key: K) -> None:
        self._kept.pop(key, None)

    async def recall(
        self, key: K, accept: Callable[[V], bool] = lambda _: True, reads: VersionReads = None
    ) -> V | None:
        """The remembered value if ``accept`` takes it and it is still current. ``reads``:
        versions already read for the same request (by keys), filled as this one reads, so
        that asking two memos reads each set of versions once."""
        kept = self._kept.get(key)
        if kept is None or clock.timestamp() >= kept.valid_until or not accept(kept.value):
            return None
        if reads is None or kept.keys not in reads:
            now = await read(kept.keys)
            if reads is not None:
                reads[kept.keys] = now
        else:
            now = reads[kept.keys]
        if now != kept.versions:
            return None
        self._kept.move_to_end(key)
        return kept.value
