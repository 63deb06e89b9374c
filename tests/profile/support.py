"""Until the lead lists ``backend.accounts.profile_controllers`` in app.py, the tests
register the profile controller on their app themselves (a no-op once it is listed)."""

from __future__ import annotations

from litestar import Litestar

from backend.accounts.profile_controllers import CONTROLLERS


def ensure_profile_routes(app: Litestar) -> None:
    if not any(route.path == "/api/me/profile" for route in app.routes):
        for controller in CONTROLLERS:
            app.register(controller)
