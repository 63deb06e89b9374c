"""What the app needs to work offline besides the resident's own records: the building of
each home (emergency number first) and the defect categories, in the resident's language."""

from __future__ import annotations

from typing import Any

from litestar import Litestar

from tests.support.world import build_world
from tests.sync.conftest import new_group, pulled


def _puts(body: dict[str, Any]) -> dict[str, Any]:
    return {op["key"]: op["value"] for op in body["patch"] if op["op"] == "put"}


async def test_each_home_brings_its_building_and_the_categories(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main = world.clients["main"]
        state = _puts(await pulled(main, new_group(), None))
        building = state[f"property/{world.ids['L1']}"]
        rest = (await main.get(f"/api/homes/{world.ids['L1']}/property")).json()
        assert building == rest  # the same as the REST answer, emergency number included
        assert building["emergencyPhone"]
        groups = {group["code"] for group in state["ticketCategories"]["groups"]}
        assert groups == {"apartment", "common_area", "emergency"}
        assert state["ticketCategories"] == (await main.get("/api/tickets/categories")).json()


async def test_the_building_shows_from_signing_but_not_the_tickets(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        before = world.clients["before"]
        before.headers["accept-language"] = "sv"  # the app sends the language it shows
        state = _puts(await pulled(before, new_group(), None))
        assert f"property/{world.ids['L3']}" in state
        assert state[f"property/{world.ids['L3']}"]["language"] == "sv"
        names = {
            category["code"]: category["name"]
            for group in state["ticketCategories"]["groups"]
            for category in group["categories"]
        }
        assert names["bathroom"] == "Badrum och toalett"
        assert not [key for key in state if key.startswith("ticket/")]
