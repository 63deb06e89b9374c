"""The other mutators: each does what its REST route does, behind the same gate."""

from __future__ import annotations

from litestar import Litestar

from tests.factories import TODAY
from tests.support.world import build_world
from tests.sync.conftest import apply_patch, mutation, new_group, pulled, pushed
from tests.tickets.conftest import staff_move, ticket_body


async def test_rate_reopen_news_and_occupant_change(db: None, app: Litestar) -> None:
    async with build_world(app) as world:
        main, group = world.clients["main"], new_group()
        body = ticket_body(world.ids["L1"])
        await pushed(main, group, [mutation("c1", 1, "createTicket", **body)])
        moved = await staff_move(world.clients["staff_in"], body["id"], "done")
        assert moved.status_code == 200, moved.text
        news = await world.clients["staff_in"].post(
            "/api/staff/news",
            json={
                "title": {"fi": "Vesikatko"},
                "body": {"fi": "Tiistaina."},
                "audience": "property",
                "propertyId": str(world.ids["P1"]),
            },
        )
        assert news.status_code == 201, news.text
        news_id = news.json()["id"]
        published = await world.clients["staff_in"].post(
            f"/api/staff/news/{news_id}/publish", json={}
        )
        assert published.status_code == 200, published.text
        birth = {
            "kind": "birth",
            "firstName": "Aino",
            "lastName": "Virtanen",
            "birthDate": TODAY.isoformat(),
        }
        batch = [
            mutation("c1", 2, "rateTicket", ticketId=body["id"], stars=4, comment="Hyvä."),
            mutation("c1", 3, "reopenTicket", ticketId=body["id"], reason="Vuotaa taas."),
            mutation("c1", 4, "markNewsRead", newsId=news_id),
            mutation("c1", 5, "reportOccupantChange", leaseId=str(world.ids["L1"]), **birth),
        ]
        result = await pushed(main, group, batch)
        assert [r["status"] for r in result["results"]] == ["applied"] * 4, result
        state = apply_patch({}, (await pulled(main, group, None))["patch"])
        ticket = state[f"ticket/{body['id']}"]
        assert ticket["status"] == "in_progress"
        assert ticket["rating"]["stars"] == 4
        assert state[f"news/{news_id}"]["read"] is True
        [change] = [v for k, v in state.items() if k.startswith("occupantChange/")]
        assert change["kind"] == "birth"
        # the adult occupant may not report occupant changes: a permanent rejection
        resident = world.clients["resident"]
        refused = await pushed(
            resident,
            new_group(),
            [mutation("r1", 1, "reportOccupantChange", leaseId=str(world.ids["L1"]), **birth)],
        )
        assert refused["results"][0]["status"] == "rejected"
        assert refused["results"][0]["problem"]["code"] == "forbidden"
