"""HTTP controllers of the tickets feature."""

from typing import Any

CONTROLLERS: list[Any] = []
