"""``updateProfile`` offline: notification preferences and quiet hours change as over REST,
and what the REST API refuses is rejected with its reason, changing nothing."""

from __future__ import annotations

from litestar import Litestar

from tests.support.world import build_world
from tests.sync.conftest import mutation, new_group, pulled, pushed


async def test_preferences_and_quiet_hours_change_through_a_push(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        preferences = {"news": False, "quietHours": {"start": "22:00", "end": "07:00"}}
        result = await pushed(
            main,
            group,
            [mutation("c1", 1, "updateProfile", notificationPreferences=preferences)],
        )
        assert [r["status"] for r in result["results"]] == ["applied"]
        patch = (await pulled(main, group, None))["patch"]
        state = {op["key"]: op["value"] for op in patch if op["op"] == "put"}
        chosen = state["profile"]["notificationPreferences"]
        assert chosen["news"] is False
        assert chosen["ticket_updates"] is True  # what was not sent stays
        assert state["profile"]["quietHours"] == {"start": "22:00", "end": "07:00"}
        rest = (await main.get("/api/me/profile")).json()["notificationPreferences"]
        assert rest["news"] is False
        assert rest["quietHours"] == {"start": "22:00", "end": "07:00"}

        # Quiet hours removed with null; news back on.
        again = {"news": True, "quietHours": None}
        result = await pushed(
            main, group, [mutation("c1", 2, "updateProfile", notificationPreferences=again)]
        )
        assert [r["status"] for r in result["results"]] == ["applied"]
        rest = (await main.get("/api/me/profile")).json()["notificationPreferences"]
        assert rest["news"] is True
        assert rest["quietHours"] is None


async def test_urgent_notices_cannot_be_switched_off_offline_either(
    db: None, app: Litestar
) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        refused = {"urgent": False, "news": False}
        result = await pushed(
            main,
            group,
            [mutation("c1", 1, "updateProfile", notificationPreferences=refused)],
        )
        [outcome] = result["results"]
        assert outcome["status"] == "rejected"
        assert outcome["problem"]["code"] == "invalid-input"
        assert outcome["problem"]["detail"].startswith("Kiireellisiä tiedotteita")
        rest = (await main.get("/api/me/profile")).json()["notificationPreferences"]
        assert rest["urgent"] is True
        assert rest["news"] is True  # nothing of the refused change was written
        bad_time = {"quietHours": {"start": "25:00", "end": "07:00"}}
        result = await pushed(
            main, group, [mutation("c1", 2, "updateProfile", notificationPreferences=bad_time)]
        )
        assert [r["status"] for r in result["results"]] == ["rejected"]
