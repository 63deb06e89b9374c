"""HTTP endpoints of the sync protocol."""

from typing import Any

CONTROLLERS: list[Any] = []
