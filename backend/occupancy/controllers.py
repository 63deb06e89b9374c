"""HTTP controllers of the occupancy feature."""

from typing import Any

CONTROLLERS: list[Any] = []
