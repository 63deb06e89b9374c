"""Residents read the news of their home: audience, times, order, read state, languages."""

from __future__ import annotations

from datetime import timedelta

from litestar import Litestar

from backend.core import clock
from backend.demo.identity_codes import test_identity_code
from backend.property.tables import Property
from tests.conftest import api_client
from tests.factories import TODAY, make_lease, make_occupant, make_unit
from tests.news.conftest import Town
from tests.property.support import ADULT
from tests.support.authenticator import SoftAuthenticator
from tests.support.flows import register

MINUTE = 60


async def test_audience_reaches_only_its_residents(town: Town) -> None:
    await town.publish(title={"fi": "Kaikille"})
    await town.publish(title={"fi": "Alueelle"}, audience="region", regionId=str(town.ids["R1"]))
    await town.publish(
        title={"fi": "Vesikatko"}, audience="property", propertyId=str(town.ids["P1"])
    )
    assert set(await town.titles(town.p1, "L1")) == {"Kaikille", "Alueelle", "Vesikatko"}
    assert set(await town.titles(town.p2, "L2")) == {"Kaikille", "Alueelle"}
    assert await town.titles(town.p3, "L3") == ["Kaikille"]


async def test_urgent_first_then_pinned_then_newest(town: Town) -> None:
    await town.publish(title={"fi": "Vanha"})
    with clock.travel(60):
        await town.publish(title={"fi": "Kiinnitetty"}, pinned=True)
    with clock.travel(120):
        await town.publish(title={"fi": "Kiireellinen"}, urgent=True)
    with clock.travel(180):
        await town.publish(title={"fi": "Uusi"})
        titles = await town.titles(town.p1, "L1")
    assert titles == ["Kiireellinen", "Kiinnitetty", "Uusi", "Vanha"]


async def test_language_fallback_is_flagged_per_field(town: Town) -> None:
    await town.publish(
        title={"fi": "Pihatalkoot", "sv": "Gårdstalko"},
        body={"fi": "Tervetuloa talkoisiin.", "en": "Welcome to the yard cleaning day."},
    )
    [sv] = (await town.p1.get(f"/api/homes/{town.ids['L1']}/news?lang=sv")).json()
    assert (sv["title"], sv["body"], sv["fellBack"]) == (
        "Gårdstalko",
        "Tervetuloa talkoisiin.",
        ["body"],
    )
    assert sv["language"] == "sv"
    [en] = (
        await town.p1.get(f"/api/homes/{town.ids['L1']}/news", headers={"accept-language": "en"})
    ).json()
    assert en["title"] == "Pihatalkoot"
    assert en["fellBack"] == ["title"]
    [fi] = (await town.p1.get(f"/api/homes/{town.ids['L1']}/news")).json()
    assert fi["fellBack"] == []


async def test_scheduled_news_shows_at_its_time_and_goes_at_expiry(town: Town) -> None:
    created = await town.editor.post(
        "/api/staff/news",
        json={
            "title": {"fi": "Sähkökatko"},
            "body": {"fi": "Sähköt poikki."},
            "audience": "everyone",
            "expiresAt": (clock.now() + timedelta(minutes=50)).isoformat(),
        },
    )
    news_id = created.json()["id"]
    at = (clock.now() + timedelta(minutes=20)).isoformat()
    scheduled = await town.editor.post(f"/api/staff/news/{news_id}/publish", json={"at": at})
    assert scheduled.json()["status"] == "scheduled"
    assert await town.titles(town.p1, "L1") == []
    with clock.travel(30 * MINUTE):  # (staff sessions end after an idle hour)
        assert await town.titles(town.p1, "L1") == ["Sähkökatko"]
        assert (await town.editor.get(f"/api/staff/news/{news_id}")).json()["status"] == "published"
    with clock.travel(55 * MINUTE):
        assert await town.titles(town.p1, "L1") == []
        assert (await town.editor.get(f"/api/staff/news/{news_id}")).json()["status"] == "expired"
        assert (await town.p1.post(f"/api/news/{news_id}/read")).status_code == 404


async def test_read_state_per_resident(town: Town) -> None:
    news_id = await town.publish(title={"fi": "Luettava"})
    response = await town.p1.post(f"/api/news/{news_id}/read")
    assert response.status_code == 204
    assert (await town.p1.post(f"/api/news/{news_id}/read")).status_code == 204  # idempotent
    [mine] = (await town.p1.get(f"/api/homes/{town.ids['L1']}/news")).json()
    [theirs] = (await town.p2.get(f"/api/homes/{town.ids['L2']}/news")).json()
    assert mine["read"] is True
    assert theirs["read"] is False
    staff_view = (await town.editor.get(f"/api/staff/news/{news_id}")).json()
    assert staff_view["readCount"] == 1


async def test_only_visible_news_can_be_marked_read(town: Town) -> None:
    secret = await town.publish(
        title={"fi": "Vain P1"}, audience="property", propertyId=str(town.ids["P1"])
    )
    draft = await town.editor.post(
        "/api/staff/news",
        json={"title": {"fi": "Luonnos"}, "body": {"fi": "x"}, "audience": "everyone"},
    )
    for news_id in (secret, draft.json()["id"], "00000000-0000-0000-0000-000000000001"):
        response = await town.p3.post(f"/api/news/{news_id}/read")
        assert response.status_code == 404
        assert "Vain P1" not in response.text
        assert "Luonnos" not in response.text
    assert (await town.p3.post("/api/news/not-a-uuid/read")).status_code in (400, 404)


async def test_another_home_and_unknown_lease_look_missing(town: Town) -> None:
    await town.publish(
        title={"fi": "Salainen"}, audience="property", propertyId=str(town.ids["P1"])
    )
    response = await town.p3.get(f"/api/homes/{town.ids['L1']}/news")
    assert response.status_code == 404
    assert "Salainen" not in response.text


async def test_before_the_lease_starts_there_is_no_news(town: Town, app: Litestar) -> None:
    """A person moving between homes: the started home shows its news, the coming one none
    (DESIGN §1: before the start only the start date and property info)."""
    p1 = await Property.objects().get(Property.id == town.ids["P1"])
    p3 = await Property.objects().get(Property.id == town.ids["P3"])
    assert p1 is not None
    assert p3 is not None
    coming = await make_lease(await make_unit(p3), starts_on=TODAY + timedelta(days=14))
    current = await make_lease(await make_unit(p1))
    code = test_identity_code(ADULT, 950)
    await make_occupant(current, identity_code=code, birth_date=ADULT)
    await make_occupant(coming, identity_code=code, birth_date=ADULT)
    only_new_home = await town.publish(
        title={"fi": "Uuden kodin tiedote"}, audience="property", propertyId=str(town.ids["P3"])
    )
    async with api_client(app) as mover:
        await register(mover, SoftAuthenticator(), code, email="muuttaja@example.fi")
        refused = await mover.get(f"/api/homes/{coming.id}/news")
        assert refused.status_code == 403
        assert "Uuden kodin" not in refused.text
        assert (await mover.get(f"/api/homes/{current.id}/news")).status_code == 200
        assert (await mover.post(f"/api/news/{only_new_home}/read")).status_code == 404
        assert (await mover.get(f"/api/homes/{coming.id}/property")).status_code == 200
