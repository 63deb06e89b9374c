"""Rejected mutations are pruned to a group's newest KEPT_REJECTIONS, which the pull shows."""

from __future__ import annotations

from typing import Any

from litestar import Litestar

from sync.tables import KEPT_REJECTIONS, RejectedMutation
from tests.support.world import build_world
from tests.sync.conftest import apply_patch, mutation, new_group, pulled, pushed


def _rocket(client_id: str, mutation_id: int) -> dict[str, Any]:
    return mutation(client_id, mutation_id, "launchRocket", target="moon")  # always rejected


def _rejected_keys(state: dict[str, Any]) -> set[str]:
    return {key for key in state if key.startswith("rejected/")}


async def _stored(group: str) -> set[str]:
    rows = await RejectedMutation.select(
        RejectedMutation.client, RejectedMutation.mutation_id
    ).where(RejectedMutation.client.client_group == group)
    return {f"rejected/{row['client']}/{row['mutation_id']}" for row in rows}


async def test_only_the_newest_rejections_of_a_group_are_kept(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, group, other_group = world.clients["main"], new_group(), new_group()
        # another group of the same account: its rejection is not the first group's to prune
        await pushed(main, other_group, [_rocket("elsewhere", 1)])
        # two tabs of one group, interleaved: the group's order is what counts, not a tab's
        first = [_rocket("c1" if n % 2 else "c2", (n + 1) // 2) for n in range(1, 11)]
        result = await pushed(main, group, first)
        assert {r["status"] for r in result["results"]} == {"rejected"}
        state = apply_patch({}, (view := await pulled(main, group, None))["patch"])
        assert len(_rejected_keys(state)) == 10

        total = KEPT_REJECTIONS + 7
        later = [_rocket("c1" if n % 2 else "c2", (n + 1) // 2) for n in range(11, total + 1)]
        result = await pushed(main, group, later)
        assert [r["status"] for r in result["results"]] == ["rejected"] * len(later)

        newest = {
            f"rejected/{'c1' if n % 2 else 'c2'}/{(n + 1) // 2}"
            for n in range(total - KEPT_REJECTIONS + 1, total + 1)
        }
        assert await _stored(group) == newest
        assert await _stored(other_group) == {"rejected/elsewhere/1"}
        # the client that saw the oldest ones is told to drop them; the newest all arrive
        apply_patch(state, (await pulled(main, group, view["cookie"]))["patch"])
        assert _rejected_keys(state) == newest
        full = apply_patch({}, (await pulled(main, group, None))["patch"])
        assert _rejected_keys(full) == newest
        assert full[f"rejected/c1/{(total + 1) // 2}"]["name"] == "launchRocket"
