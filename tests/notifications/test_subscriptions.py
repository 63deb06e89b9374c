"""The push subscription API: what a browser sends after ``PushManager.subscribe()``."""

from __future__ import annotations

import base64
import secrets
from collections.abc import AsyncIterator
from typing import Any

import httpx
import msgspec
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from litestar import Litestar

from backend.core.errors import InvalidInputError
from backend.notifications.services import MAX_SUBSCRIPTIONS, checked_endpoint, device_label
from backend.notifications.tables import PushSubscription
from backend.notifications.vapid import public_key_of
from backend.settings import Settings
from tests.support.world import World, build_world

PATH = "/api/me/push-subscriptions"
ANDROID_CHROME = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
IPHONE_SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
)
WINDOWS_FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
WINDOWS_EDGE = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"
)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def browser_keys() -> dict[str, str]:
    """What a browser's ``PushSubscription.toJSON().keys`` holds: its P-256 public key and a
    16-byte auth secret."""
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    point = key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return {"p256dh": b64url(point), "auth": b64url(secrets.token_bytes(16))}


def subscription(endpoint: str | None = None, **keys: str) -> dict[str, Any]:
    return {
        "endpoint": endpoint or f"https://push.example.net/wpush/v2/{secrets.token_urlsafe(24)}",
        "expirationTime": None,
        "keys": {**browser_keys(), **keys},
    }


@pytest.fixture
async def world(db: None, app: Litestar) -> AsyncIterator[World]:
    async with build_world(app) as cast:
        yield cast


async def test_anyone_may_read_the_public_key(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    response = await client.get("/api/push/public-key")
    assert response.status_code == 200
    public_key = response.json()["publicKey"]
    assert public_key == public_key_of(settings.vapid_private_key)
    point = base64.urlsafe_b64decode(public_key + "=")
    assert len(point) == 65
    assert point[0] == 4
    ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)  # a valid P-256 point


async def test_a_browser_subscribes_lists_and_renews_its_keys(world: World) -> None:
    main = world.clients["main"]
    body = subscription()
    created = await main.post(PATH, json=body, headers={"user-agent": ANDROID_CHROME})
    assert created.status_code == 201, created.text
    out = created.json()
    assert set(out) == {"id", "deviceLabel", "createdAt", "endpoint"}
    assert out["deviceLabel"] == "Chrome on Android"
    assert out["endpoint"] == body["endpoint"]  # how the browser finds its own row
    listed = await main.get(PATH)
    assert listed.json() == [out]
    # The browser renewed its keys: the same endpoint again updates the row.
    renewed = {**body, "keys": browser_keys()}
    again = await main.post(PATH, json=renewed, headers={"user-agent": ANDROID_CHROME})
    assert again.status_code == 200, again.text
    assert again.json()["id"] == out["id"]
    rows = await PushSubscription.select(PushSubscription.p256dh, PushSubscription.auth)
    assert rows == [{"p256dh": renewed["keys"]["p256dh"], "auth": renewed["keys"]["auth"]}]


async def test_an_endpoint_subscribed_again_by_someone_else_moves_to_them(world: World) -> None:
    """A shared tablet: whoever subscribed it last gets its notifications."""
    body = subscription()
    first = await world.clients["main"].post(PATH, json=body)
    assert first.status_code == 201
    second = await world.clients["other"].post(
        PATH, json=body, headers={"user-agent": IPHONE_SAFARI}
    )
    assert second.status_code == 200
    assert second.json()["deviceLabel"] == "Safari on iPhone"
    assert (await world.clients["main"].get(PATH)).json() == []
    assert [s["id"] for s in (await world.clients["other"].get(PATH)).json()] == [
        first.json()["id"]
    ]


async def test_several_devices_and_deleting_only_ones_own(world: World) -> None:
    main, co = world.clients["main"], world.clients["co"]
    phone = (
        await main.post(PATH, json=subscription(), headers={"user-agent": ANDROID_CHROME})
    ).json()
    laptop = (
        await main.post(PATH, json=subscription(), headers={"user-agent": WINDOWS_FIREFOX})
    ).json()
    assert [s["deviceLabel"] for s in (await main.get(PATH)).json()] == [
        "Chrome on Android",
        "Firefox on Windows",
    ]
    # The spouse cannot remove the main tenant's device: it looks like a missing one.
    refused = await co.delete(f"{PATH}/{phone['id']}")
    assert refused.status_code == 404
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert len((await main.get(PATH)).json()) == 2
    deleted = await main.delete(f"{PATH}/{phone['id']}")
    assert deleted.status_code == 204
    assert (await main.get(PATH)).json() == [laptop]
    assert (await main.delete(f"{PATH}/{phone['id']}")).status_code == 404


@pytest.mark.parametrize(
    ("language", "title"),
    [("fi", "Liian monta laitetta"), ("sv", "För många enheter"), ("en", "Too many devices")],
)
async def test_at_most_ten_devices_per_account(world: World, language: str, title: str) -> None:
    main = world.clients["main"]
    bodies = [subscription() for _ in range(MAX_SUBSCRIPTIONS)]
    for body in bodies:
        assert (await main.post(PATH, json=body)).status_code == 201
    refused = await main.post(PATH, json=subscription(), headers={"accept-language": language})
    assert refused.status_code == 409
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert refused.json()["title"] == title
    assert str(MAX_SUBSCRIPTIONS) in refused.json()["detail"]
    assert await PushSubscription.count() == MAX_SUBSCRIPTIONS
    # A device already subscribed may still renew its keys.
    assert (await main.post(PATH, json={**bodies[0], "keys": browser_keys()})).status_code == 200
    # Another account's limit is its own.
    assert (await world.clients["co"].post(PATH, json=subscription())).status_code == 201


def _not_on_curve() -> str:
    # x = y = 1 is not on P-256: y² ≠ x³ - 3x + b.
    return b64url(b"\x04" + (1).to_bytes(32, "big") * 2)


def _compressed() -> str:
    return b64url(b"\x02" + secrets.token_bytes(32))


@pytest.mark.parametrize(
    ("endpoint", "keys", "status", "field"),
    [
        ("ftp://push.example.net/x", {}, 422, "endpoint"),
        ("push.example.net/x", {}, 422, "endpoint"),
        ("https:///no-host", {}, 422, "endpoint"),
        ("https://user:pw@push.example.net/x", {}, 422, "endpoint"),
        ("https://push.example.net/" + "x" * 2048, {}, 400, None),
        (None, {"p256dh": None}, 400, None),  # missing
        (None, {"p256dh": b64url(b"\x04" + b"\x01" * 63)}, 422, "keys.p256dh"),  # 64 bytes
        (None, {"p256dh": _compressed()}, 422, "keys.p256dh"),
        (None, {"p256dh": _not_on_curve()}, 422, "keys.p256dh"),
        (None, {"p256dh": "not base64!"}, 422, "keys.p256dh"),
        (None, {"auth": b64url(b"a" * 15)}, 422, "keys.auth"),
        (None, {"auth": b64url(b"a" * 17)}, 422, "keys.auth"),
    ],
)
async def test_a_malformed_subscription_is_refused_naming_the_field(
    world: World, endpoint: str | None, keys: dict[str, Any], status: int, field: str | None
) -> None:
    body = subscription(endpoint)
    body["keys"] = {k: v for k, v in {**body["keys"], **keys}.items() if v is not None}
    response = await world.clients["main"].post(PATH, json=body)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    if field is not None:
        assert [error["field"] for error in response.json()["errors"]] == [field]
    assert await PushSubscription.count() == 0


def test_production_takes_only_https_endpoints(settings: Settings) -> None:
    production = msgspec.structs.replace(settings, environment="production")
    assert checked_endpoint("https://fcm.googleapis.com/fcm/send/abc", production)
    with pytest.raises(InvalidInputError):
        checked_endpoint("http://127.0.0.1:9000/push/1", production)
    # The local test push service speaks plain http, outside production only.
    assert checked_endpoint("http://127.0.0.1:9000/push/1", settings)


@pytest.mark.parametrize(
    ("user_agent", "label"),
    [
        (ANDROID_CHROME, "Chrome on Android"),
        (IPHONE_SAFARI, "Safari on iPhone"),
        (WINDOWS_FIREFOX, "Firefox on Windows"),
        (WINDOWS_EDGE, "Edge on Windows"),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
            "Chrome on iPhone",
        ),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
            "(KHTML, like Gecko) Version/18.1 Safari/605.1.15",
            "Safari on Mac",
        ),
        ("curl/8.5.0", "Browser"),
        (None, "Browser"),
    ],
)
def test_the_device_label_comes_from_the_user_agent(user_agent: str | None, label: str) -> None:
    assert device_label(user_agent) == label
