"""HTTP controllers of the property feature."""

from typing import Any

CONTROLLERS: list[Any] = []
