"""Key-value stores (sessions, rate limits, challenges): files by default, Redis at scale."""

from __future__ import annotations

from pathlib import Path

from litestar.stores.base import Store
from litestar.stores.file import FileStore
from litestar.stores.redis import RedisStore
from litestar.stores.registry import StoreRegistry
from redis.asyncio import Redis

from backend.settings import Settings


class Stores:
    """One per app: builds namespaced stores on demand and knows how to ping their backend."""

    def __init__(self, settings: Settings) -> None:
        self.redis: Redis | None = (
            Redis.from_url(settings.redis_url) if settings.redis_url else None
        )
        self.root = Path(settings.var_dir) / "stores"
        self._redis_root = RedisStore(self.redis, namespace="portal") if self.redis else None

    def make(self, name: str) -> Store:
        if self._redis_root is not None:
            return self._redis_root.with_namespace(name)
        folder = self.root / name
        folder.mkdir(parents=True, exist_ok=True)
        return FileStore(folder, create_directories=True)

    def registry(self) -> StoreRegistry:
        return StoreRegistry(default_factory=self.make)

    async def ping(self) -> None:
        if self.redis is not None:
            await self.redis.ping()

    async def close(self) -> None:
        if self.redis is not None:
            await self.redis.aclose()
