"""HTTP controllers of the media feature."""

from typing import Any

CONTROLLERS: list[Any] = []
