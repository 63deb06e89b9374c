"""HTTP controllers of the rent feature."""

from typing import Any

CONTROLLERS: list[Any] = []
