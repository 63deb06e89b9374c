"""HTTP controllers of the news feature."""

from typing import Any

CONTROLLERS: list[Any] = []
