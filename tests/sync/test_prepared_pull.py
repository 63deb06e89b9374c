"""Pulls prepared right after a write (sync.prepared): the pull that follows a change is
answered without building the view then — and always with exactly what a full pull would
answer at that moment, or by a full pull."""

from __future__ import annotations

from typing import Any

from litestar import Litestar

from sync import prepared
from sync.tables import ClientView
from tests.support.world import World, build_world
from tests.sync.conftest import apply_patch, mutation, new_group, pulled, pushed
from tests.sync.test_noop_pull import publish_news, puts
from tests.tickets.conftest import file_ticket, staff_move, ticket_body


async def settled() -> None:
    """Until the preparations the last write started are done (they run in the background)."""
    preparer = prepared.current()
    assert preparer is not None
    await preparer.settled()


async def cookies_of(group: str) -> list[int]:
    rows = await ClientView.select(ClientView.cookie).where(ClientView.client_group == group)
    return sorted(int(row["cookie"]) for row in rows)


async def staff_move_a_ticket_the_app_has_seen(world: World) -> tuple[dict[str, Any], str, int]:
    """The main tenant files a ticket and their app pulls (a new group); then staff move the
    ticket on, and the pull prepared after that is made. The ticket, the group, the cookie."""
    main, group = world.clients["main"], new_group()
    ticket = await file_ticket(main, world.ids["L1"])
    seen = await pulled(main, group, None)
    moved = await staff_move(world.clients["staff_in"], ticket["id"], "in_progress")
    assert moved.status_code == 200, moved.text
    await settled()
    return ticket, group, int(seen["cookie"])


async def test_the_pull_after_a_staff_transition_takes_the_answer_prepared_after_it(
    db: None, app: Litestar, view_builds: list[str]
) -> None:
    async with build_world(app) as world:
        main = world.clients["main"]
        ticket, group, cookie = await staff_move_a_ticket_the_app_has_seen(world)
        builds, ready = len(view_builds), await cookies_of(group)
        assert max(ready) > cookie  # the answer was made before the app asked

        after = await pulled(main, group, cookie)
        assert after["cookie"] == max(ready)
        assert puts(after)[f"ticket/{ticket['id']}"]["status"] == "in_progress"
        assert len(view_builds) == builds  # the pull itself built nothing
        # And the next pull with the new cookie is "nothing changed".
        assert (await pulled(main, group, after["cookie"]))["patch"] == []


async def test_a_prepared_answer_is_what_a_full_pull_answers(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, co, staff = world.clients["main"], world.clients["co"], world.clients["staff_in"]
        group, fresh = new_group(), new_group()
        ticket = await file_ticket(main, world.ids["L1"])
        state = apply_patch({}, (seen := await pulled(main, group, None))["patch"])
        await staff_move(staff, ticket["id"], "in_progress")
        await file_ticket(co, world.ids["L1"])  # a household member's write
        await settled()
        state = apply_patch(state, (await pulled(main, group, seen["cookie"]))["patch"])
        # A group pulling for the first time gets the whole view, built now.
        assert state == apply_patch({}, (await pulled(main, fresh, None))["patch"])


async def test_a_change_after_the_preparation_is_not_missed(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        ticket, group, cookie = await staff_move_a_ticket_the_app_has_seen(world)
        # News for everyone in the property: not prepared, and it changes every view.
        news_id = await publish_news(world, "Vesikatko tiistaina", {})
        after = await pulled(world.clients["main"], group, cookie)
        assert puts(after)[f"ticket/{ticket['id']}"]["status"] == "in_progress"
        assert f"news/{news_id}" in puts(after)


async def test_an_app_that_stays_closed_keeps_its_cookie_through_many_changes(
    db: None, app: Litestar
) -> None:
    async with build_world(app) as world:
        main, staff, group = world.clients["main"], world.clients["staff_in"], new_group()
        ticket = await file_ticket(main, world.ids["L1"])
        seen = await pulled(main, group, None)
        for n in range(8):  # more answers prepared than client views are kept
            commented = await staff.post(
                f"/api/staff/tickets/{ticket['id']}/comments",
                json={"text": f"Tilannepäivitys {n}", "visibility": "public"},
            )
            assert commented.status_code == 201, commented.text
            await settled()
        after = await pulled(main, group, seen["cookie"])
        assert after["patch"][0]["op"] == "put"  # a patch from the old cookie, not a clear
        assert "Tilannepäivitys 7" in str(puts(after)[f"ticket/{ticket['id']}"])


async def test_the_pushing_device_gets_its_effects_and_last_mutation_id(
    db: None, app: Litestar, view_builds: list[str]
) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        seen = await pulled(main, group, None)
        body = ticket_body(world.ids["L1"])
        await pushed(main, group, [mutation("c1", 1, "createTicket", **body)])
        await settled()
        builds = len(view_builds)
        after = await pulled(main, group, seen["cookie"])
        assert after["lastMutationIdChanges"] == {"c1": 1}
        assert f"ticket/{body['id']}" in puts(after)
        assert len(view_builds) == builds


async def test_another_account_never_gets_a_prepared_answer(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        _, group, cookie = await staff_move_a_ticket_the_app_has_seen(world)
        theirs = await world.clients["other"].post(
            "/api/sync/pull",
            json={"schemaVersion": 1, "clientGroupId": group, "cookie": cookie},
        )
        assert theirs.status_code == 403
        assert "patch" not in theirs.text
