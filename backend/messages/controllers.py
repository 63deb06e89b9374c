"""HTTP controllers of the messages feature."""

from typing import Any

CONTROLLERS: list[Any] = []
