"""The time, from one place, so that tests can move it instead of sleeping."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

_offset_seconds = 0.0


def timestamp() -> float:
    return time.time() + _offset_seconds


def now() -> datetime:
    return datetime.now(UTC) + timedelta(seconds=_offset_seconds)


def today() -> date:
    return now().date()


@contextmanager
def travel(seconds: float) -> Iterator[None]:
    """Tests only: the clock runs ``seconds`` ahead inside the block."""
    global _offset_seconds
    _offset_seconds += seconds
    try:
        yield
    finally:
        _offset_seconds -= seconds
