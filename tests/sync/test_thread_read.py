"""``markThreadRead``: opening a thread in the app marks customer service's messages read,
offline too (queued like any write), through the same gate as reading it over REST."""

from __future__ import annotations

import uuid
from typing import Any

from litestar import Litestar

from tests.support.world import build_world
from tests.sync.conftest import mutation, new_group, pulled, pushed


def _state(body: dict[str, Any]) -> dict[str, Any]:
    return {op["key"]: op["value"] for op in body["patch"] if op["op"] == "put"}


async def test_a_thread_read_in_the_app_has_no_unread_messages(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, staff = world.clients["main"], world.clients["staff_in"]
        thread_id = str(uuid.uuid4())
        new = {"leaseId": str(world.ids["L1"]), "id": thread_id, "category": "other"}
        first = await pushed(
            main,
            group := new_group(),
            [mutation("c1", 1, "sendMessage", **new, subject="Pihan valot", body="Eivät syty.")],
        )
        assert [r["status"] for r in first["results"]] == ["applied"]
        answer = await staff.post(
            f"/api/staff/messages/{thread_id}/messages", json={"body": "Korjataan huomenna."}
        )
        assert answer.status_code == 201, answer.text
        before = _state(await pulled(main, group, None))[f"thread/{thread_id}"]
        assert before["unread"] == 1

        read = await pushed(main, group, [mutation("c1", 2, "markThreadRead", threadId=thread_id)])
        assert [r["status"] for r in read["results"]] == ["applied"]
        after = _state(await pulled(main, group, None))[f"thread/{thread_id}"]
        assert after["unread"] == 0

        # Another household's thread is not there for them: refused, nothing marked.
        other = await pushed(
            world.clients["other"],
            new_group(),
            [mutation("c9", 1, "markThreadRead", threadId=thread_id)],
        )
        assert [r["status"] for r in other["results"]] == ["rejected"]
        assert other["results"][0]["problem"]["code"] == "not-found"


async def test_the_message_categories_come_with_the_view(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main = world.clients["main"]
        main.headers["accept-language"] = "sv"
        state = _state(await pulled(main, new_group(), None))
        rest = await main.get("/api/messages/categories", headers={"accept-language": "sv"})
        assert state["messageCategories"] == rest.json()
        assert {category["code"] for category in state["messageCategories"]} >= {"other"}
