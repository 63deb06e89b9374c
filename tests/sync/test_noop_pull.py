"""The no-op pull (sync.freshness): "nothing changed" without building the view — and never
when something did change for the resident, whoever changed it, or when time did."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
import pytest
from litestar import Litestar

from backend.core import clock, versions
from backend.demo.identity_codes import test_identity_code
from backend.settings import Settings
from backend.tickets.tables import Ticket
from tests.factories import TODAY, make_occupant
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import passkey_login, register
from tests.support.world import World, build_world
from tests.sync.conftest import mutation, new_group, pull, pulled, pushed
from tests.tickets.conftest import file_ticket, staff_move, ticket_body

DAY = 24 * 3600


def puts(body: dict[str, Any]) -> dict[str, Any]:
    return {op["key"]: op["value"] for op in body["patch"] if op["op"] == "put"}


async def publish_news(world: World, title: str, when: dict[str, str]) -> str:
    """A news item for P1 (L1's property) by the editor in its region, published now or
    ``when={"at": ...}``; its id."""
    editor = world.clients["staff_in"]
    created = await editor.post(
        "/api/staff/news",
        json={
            "title": {"fi": title},
            "body": {"fi": "Sisältö."},
            "audience": "property",
            "propertyId": str(world.ids["P1"]),
        },
    )
    assert created.status_code == 201, created.text
    news_id: str = created.json()["id"]
    published = await editor.post(f"/api/staff/news/{news_id}/publish", json=when)
    assert published.status_code == 200, published.text
    return news_id


async def test_an_unchanged_view_is_answered_without_building_it(
    db: None, app: Litestar, view_builds: list[str]
) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        first = await pulled(main, group, None)
        assert first["patch"][0] == {"op": "clear"}
        again = await pulled(main, group, first["cookie"])
        third = await pulled(main, group, first["cookie"])
        assert (
            again
            == third
            == {
                "cookie": first["cookie"],
                "lastMutationIdChanges": {},
                "patch": [],
            }
        )
        assert view_builds == ["view"]  # the first pull only


async def test_a_household_members_write_reaches_the_next_pull(
    db: None, app: Litestar, view_builds: list[str]
) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        first = await pulled(main, group, None)
        assert (await pulled(main, group, first["cookie"]))["patch"] == []
        ticket = await file_ticket(world.clients["co"], world.ids["L1"])
        after = await pulled(main, group, first["cookie"])
        assert f"ticket/{ticket['id']}" in puts(after)


async def test_one_device_s_push_reaches_the_same_account_s_other_device(
    db: None, app: Litestar
) -> None:
    async with build_world(app) as world:
        main, phone, laptop = world.clients["main"], new_group(), new_group()
        seen = await pulled(main, laptop, None)
        assert (await pulled(main, laptop, seen["cookie"]))["patch"] == []
        body = ticket_body(world.ids["L1"])
        await pushed(main, phone, [mutation("c1", 1, "createTicket", **body)])
        after = await pulled(main, laptop, seen["cookie"])
        assert f"ticket/{body['id']}" in puts(after)


async def test_staff_transitions_and_comments_reach_the_next_pull(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, staff, group = world.clients["main"], world.clients["staff_in"], new_group()
        ticket = await file_ticket(main, world.ids["L1"])
        seen = await pulled(main, group, None)
        assert (await pulled(main, group, seen["cookie"]))["patch"] == []
        moved = await staff_move(staff, ticket["id"], "in_progress")
        assert moved.status_code == 200, moved.text
        after = await pulled(main, group, seen["cookie"])
        assert puts(after)[f"ticket/{ticket['id']}"]["status"] == "in_progress"
        commented = await staff.post(
            f"/api/staff/tickets/{ticket['id']}/comments",
            json={"text": "Huoltomies tulee huomenna.", "visibility": "public"},
        )
        assert commented.status_code == 201, commented.text
        later = await pulled(main, group, after["cookie"])
        assert "Huoltomies tulee huomenna." in str(puts(later)[f"ticket/{ticket['id']}"])


async def test_published_news_reaches_the_next_pull(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        seen = await pulled(main, group, None)
        assert (await pulled(main, group, seen["cookie"]))["patch"] == []
        news_id = await publish_news(world, "Vesikatko", {})
        after = await pulled(main, group, seen["cookie"])
        assert f"news/{news_id}" in puts(after)


async def test_scheduled_news_appears_when_its_time_comes(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        at = clock.now() + timedelta(hours=2)
        news_key = f"news/{await publish_news(world, 'Saunavuorot', {'at': at.isoformat()})}"
        seen = await pulled(main, group, None)
        assert news_key not in puts(seen)
        assert (await pulled(main, group, seen["cookie"]))["patch"] == []
        with clock.travel(2 * 3600 + 1):
            after = await pulled(main, group, seen["cookie"])
        assert news_key in puts(after)


async def test_a_lease_that_starts_overnight_is_seen_the_next_day(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        before, group = world.clients["before"], new_group()
        home = f"home/{world.ids['L3']}"
        seen = await pulled(before, group, None)
        assert puts(seen)[home]["access"] == "before_start"
        # Opened every few days (a week idle would end the session); the lease starts on
        # day 14.
        for day in (5, 10):
            with clock.travel(day * DAY):
                assert (await pulled(before, group, seen["cookie"]))["patch"] == []
        with clock.travel(14 * DAY):
            started = await pulled(before, group, seen["cookie"])
        assert puts(started)[home]["access"] == "main_tenant"


async def test_another_language_is_a_full_pull(
    db: None, app: Litestar, view_builds: list[str]
) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        seen = await pulled(main, group, None)
        body = {"schemaVersion": 1, "clientGroupId": group, "cookie": seen["cookie"]}
        swedish = await main.post("/api/sync/pull?lang=sv", json=body)
        assert swedish.status_code == 200, swedish.text
        assert view_builds == ["view", "view"]


async def test_a_signed_out_session_is_refused_not_answered_from_memory(
    db: None, app: Litestar, settings: Settings
) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        seen = await pulled(main, group, None)
        assert (await pulled(main, group, seen["cookie"]))["patch"] == []
        with clock.travel(settings.session_idle_minutes * 60 + 1):
            idle = await pull(main, group, seen["cookie"])
        assert idle.status_code == 401


async def test_signing_out_everywhere_reaches_a_remembered_group(
    client: httpx.AsyncClient, other_device: httpx.AsyncClient
) -> None:
    born = TODAY.replace(year=TODAY.year - 50)
    code = test_identity_code(born, 971)
    await make_occupant(identity_code=code, birth_date=born)
    authenticator = SoftAuthenticator()
    await register(client, authenticator, code)
    assert (await passkey_login(other_device, authenticator)).status_code == 200
    group = new_group()
    seen = await pulled(other_device, group, None)
    assert (await pulled(other_device, group, seen["cookie"]))["patch"] == []
    assert (await client.post("/api/auth/logout-everywhere")).status_code == 204
    assert (await pull(other_device, group, seen["cookie"])).status_code == 401


async def test_another_account_never_gets_a_remembered_answer(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        group = new_group()
        seen = await pulled(world.clients["main"], group, None)
        assert (await pulled(world.clients["main"], group, seen["cookie"]))["patch"] == []
        theirs = await pull(world.clients["other"], group, seen["cookie"])
        assert theirs.status_code == 403
        assert "patch" not in theirs.text


async def test_a_change_made_outside_the_app_shows_within_the_max_age(
    db: None, app: Litestar, settings: Settings
) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        ticket = await file_ticket(main, world.ids["L1"])
        seen = await pulled(main, group, None)
        # By hand in the database: no service bumps a version (documented in the README).
        await Ticket.update({Ticket.location: "Keittiö"}).where(
            Ticket.id == uuid.UUID(ticket["id"])
        )
        assert (await pulled(main, group, seen["cookie"]))["patch"] == []
        with clock.travel(settings.cache_max_age_seconds + 1):
            after = await pulled(main, group, seen["cookie"])
        assert puts(after)[f"ticket/{ticket['id']}"]["location"] == "Keittiö"


async def test_versions_survive_only_with_their_epoch(db: None) -> None:
    """Redis may lose everything: restarted counters must not repeat a remembered version."""
    from tests.conftest import TEST_REDIS_URL

    if not TEST_REDIS_URL:
        pytest.skip("needs the test Redis (PORTAL_TEST_REDIS_URL)")
    from redis.asyncio import Redis

    redis = Redis.from_url(TEST_REDIS_URL)
    try:
        store = versions.RedisVersions(redis)
        keys = (versions.EVERYONE, versions.account_key(uuid.uuid4()))
        before = await store.read(keys)
        await store.bump(keys[1:])
        bumped = await store.read(keys)
        assert bumped != before
        await redis.flushdb()  # Redis restarted without its data
        await store.bump(keys[1:])
        assert await store.read(keys) != bumped
    finally:
        await redis.aclose()


async def test_quiet_hours_set_in_the_profile_reach_the_next_pull(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        seen = await pulled(main, group, None)
        assert puts(seen)["profile"]["quietHours"] is None
        changed = await main.patch(
            "/api/me/profile",
            json={"notificationPreferences": {"quietHours": {"start": "22:00", "end": "07:00"}}},
        )
        assert changed.status_code == 200, changed.text
        after = await pulled(main, group, seen["cookie"])
        assert puts(after)["profile"]["quietHours"] == {"start": "22:00", "end": "07:00"}


async def test_a_replayed_push_leaves_the_next_pull_unchanged(
    db: None, app: Litestar, view_builds: list[str]
) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        batch = [mutation("c1", 1, "createTicket", **ticket_body(world.ids["L1"]))]
        await pushed(main, group, batch)
        seen = await pulled(main, group, None)
        builds = len(view_builds)
        replay = await pushed(main, group, batch)  # its response was lost: sent again
        assert [r["status"] for r in replay["results"]] == ["skipped"]
        assert (await pulled(main, group, seen["cookie"]))["patch"] == []
        assert len(view_builds) == builds  # answered from memory: no version moved
