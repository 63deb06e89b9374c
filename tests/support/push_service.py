"""A local push service, the browser vendor's side of web push (RFC 8030/8291/8292).

It checks each request the way a real one must: the VAPID JWT's ES256 signature against the
key in ``Authorization: vapid t=…,k=…`` and its claims (``aud`` = this origin, ``exp`` in
the future and at most 24 h ahead, ``sub`` present), then decrypts the aes128gcm body with
the subscription's private key and auth secret. Each delivery is recorded; answers are
scripted per subscription (201 by default).

    async with running_push_service() as service:
        browser = service.subscribe()          # a P-256 key pair + auth secret, like a browser
        service.script(browser, 429, 201)      # first answer 429, then 201
        ...
        service.deliveries_to(browser)[0].payload["title"]
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import time
import uuid
from collections import defaultdict, deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import http_ece  # type: ignore[import-untyped]
from aiohttp import web
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Browser:
    """One push subscription as a browser holds it."""

    id: str
    endpoint: str
    private_key: ec.EllipticCurvePrivateKey
    auth: bytes

    @property
    def p256dh(self) -> str:
        point = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return b64url(point)

    @property
    def auth_b64(self) -> str:
        return b64url(self.auth)


@dataclass(frozen=True)
class Delivery:
    browser_id: str
    status: int  # what the service answered
    headers: dict[str, str]  # TTL, Urgency, Topic
    claims: dict[str, Any]
    vapid_public_key: str
    payload: dict[str, Any]


@dataclass
class Answer:
    status: int
    retry_after: str | None = None


class VapidRejected(Exception):
    pass


def verify_vapid(authorization: str, origin: str, now: float) -> tuple[dict[str, Any], str]:
    """The JWT's claims and the sender's public key, or ``VapidRejected`` naming the fault."""
    scheme, _, rest = authorization.partition(" ")
    if scheme.lower() != "vapid":
        raise VapidRejected("scheme")
    parts = dict(item.strip().split("=", 1) for item in rest.split(",") if "=" in item)
    token, key = parts.get("t", ""), parts.get("k", "")
    try:
        header_b64, claims_b64, signature_b64 = token.split(".")
        public_key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(key))
        header = json.loads(unb64url(header_b64))
        claims = json.loads(unb64url(claims_b64))
        signature = unb64url(signature_b64)
    except ValueError as error:
        raise VapidRejected(f"malformed: {error}") from None
    if header.get("alg") != "ES256" or len(signature) != 64:
        raise VapidRejected("alg")
    der = encode_dss_signature(
        int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
    )
    try:
        public_key.verify(der, f"{header_b64}.{claims_b64}".encode(), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise VapidRejected("signature") from None
    if claims.get("aud") != origin:
        raise VapidRejected(f"aud {claims.get('aud')!r} is not {origin!r}")
    exp = claims.get("exp")
    if not isinstance(exp, int) or not now < exp <= now + 24 * 3600:
        raise VapidRejected(f"exp {exp!r}")
    if not claims.get("sub"):
        raise VapidRejected("sub")
    return claims, key


class PushService:
    def __init__(self) -> None:
        self.origin = ""
        self.browsers: dict[str, Browser] = {}
        self.deliveries: list[Delivery] = []
        self.rejections: list[str] = []
        self._scripts: dict[str, deque[Answer]] = defaultdict(deque)
        self._arrived = asyncio.Condition()

    def subscribe(self) -> Browser:
        browser_id = uuid.uuid4().hex
        browser = Browser(
            id=browser_id,
            endpoint=f"{self.origin}/push/{browser_id}",
            private_key=ec.generate_private_key(ec.SECP256R1()),
            auth=os.urandom(16),
        )
        self.browsers[browser_id] = browser
        return browser

    def script(self, browser: Browser, *answers: int | Answer) -> None:
        """The next answers to ``browser``'s endpoint, in order; 201 once they run out."""
        for answer in answers:
            self._scripts[browser.id].append(
                answer if isinstance(answer, Answer) else Answer(answer)
            )

    def deliveries_to(self, browser: Browser, *, accepted_only: bool = True) -> list[Delivery]:
        return [
            d
            for d in self.deliveries
            if d.browser_id == browser.id and (not accepted_only or 200 <= d.status < 300)
        ]

    async def received(self, count: int) -> None:
        """Returns once ``count`` deliveries have arrived (wrap it in a timeout)."""
        async with self._arrived:
            await self._arrived.wait_for(lambda: len(self.deliveries) >= count)

    async def handle(self, request: web.Request) -> web.Response:
        browser = self.browsers.get(request.match_info["browser_id"])
        if browser is None:
            return web.Response(status=404)
        try:
            claims, key = verify_vapid(
                request.headers.get("Authorization", ""), self.origin, time.time()
            )
        except VapidRejected as error:
            self.rejections.append(str(error))
            return web.Response(status=403, text=str(error))
        if request.headers.get("Content-Encoding") != "aes128gcm":
            self.rejections.append("content-encoding")
            return web.Response(status=415)
        body = await request.read()
        try:
            plain = http_ece.decrypt(
                body, private_key=browser.private_key, auth_secret=browser.auth, version="aes128gcm"
            )
        except Exception as error:  # http_ece raises several kinds; all mean "not for us"
            self.rejections.append(f"decrypt: {error}")
            return web.Response(status=400)
        queue = self._scripts[browser.id]
        answer = queue.popleft() if queue else Answer(201)
        self.deliveries.append(
            Delivery(
                browser_id=browser.id,
                status=answer.status,
                headers={
                    name: request.headers[name]
                    for name in ("TTL", "Urgency", "Topic")
                    if name in request.headers
                },
                claims=claims,
                vapid_public_key=key,
                payload=json.loads(plain),
            )
        )
        async with self._arrived:
            self._arrived.notify_all()
        headers = {"Retry-After": answer.retry_after} if answer.retry_after else {}
        return web.Response(status=answer.status, headers=headers)


@asynccontextmanager
async def running_push_service() -> AsyncIterator[PushService]:
    service = PushService()
    app = web.Application()
    app.router.add_post("/push/{browser_id}", service.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    service.origin = f"http://127.0.0.1:{port}"
    try:
        yield service
    finally:
        await runner.cleanup()
