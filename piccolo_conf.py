"""For the ``piccolo`` CLI, e.g. ``piccolo migrations new property --auto``.

The engine and the app registry live in backend/core/db.py.
"""

from backend.core.db import APP_REGISTRY, DB

__all__ = ["APP_REGISTRY", "DB"]
