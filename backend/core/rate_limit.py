"""Fixed-window attempt counters for the identity endpoints, per IP and per account.

With Redis the counters are shared by every replica (INCR + EXPIRE); without it they live
in this process, which is what the one-process embedded default needs.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from typing import Any

from redis.asyncio import Redis

from backend.core.errors import RateLimitedError


class RateLimiter:
    def __init__(self, redis: Redis | None = None) -> None:
        self.redis = redis
        self._counters: dict[str, tuple[int, float]] = {}
        self._lock = asyncio.Lock()

    async def hit(self, scope: str, subject: str, *, limit: int, window_seconds: int) -> None:
        """Count one attempt; refuse with Retry-After once ``limit`` is passed in the window."""
        # Subjects (IPs, e-mail addresses) are hashed: counters hold no personal data.
        key = f"ratelimit:{scope}:{hashlib.sha256(subject.encode()).hexdigest()[:32]}"
        count, retry_after = await self._increment(key, window_seconds)
        if count > limit:
            raise RateLimitedError(retry_after=max(1, retry_after))

    async def _increment(self, key: str, window_seconds: int) -> tuple[int, int]:
        if self.redis is not None:
            pipeline: Any = self.redis.pipeline()
            pipeline.incr(key)
            pipeline.expire(key, window_seconds, nx=True)
            pipeline.ttl(key)
            count, _, ttl = await pipeline.execute()
            return int(count), int(ttl if ttl and ttl > 0 else window_seconds)
        async with self._lock:
            now = time.monotonic()
            count, resets_at = self._counters.get(key, (0, now + window_seconds))
            if resets_at <= now:
                count, resets_at = 0, now + window_seconds
            self._counters[key] = (count + 1, resets_at)
            if len(self._counters) > 100_000:
                self._counters = {k: v for k, v in self._counters.items() if v[1] > now}
            return count + 1, int(resets_at - now + 0.999)
