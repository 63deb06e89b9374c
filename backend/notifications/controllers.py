"""HTTP routes of web push: the server's public key, and a resident's subscriptions."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Controller, Request, Response, delete, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from backend.accounts.access import ResidentDep
from backend.notifications import services
from backend.notifications.schemas import PublicKeyOut, SubscriptionIn, SubscriptionOut
from backend.notifications.vapid import public_key_of
from backend.settings import Settings


def _out(row: dict[str, Any]) -> SubscriptionOut:
    return SubscriptionOut(
        id=row["id"],
        device_label=row["device_label"],
        created_at=row["created_at"],
        endpoint=row["endpoint"],
    )


class PushKeyController(Controller):
    path = "/api/push"
    tags = ("push",)

    @get("/public-key", sync_to_thread=False)
    def public_key(self, settings: NamedDependency[Settings]) -> PublicKeyOut:
        """The applicationServerKey for ``PushManager.subscribe`` (anyone may read it)."""
        return PublicKeyOut(public_key=public_key_of(settings.vapid_private_key))


class PushSubscriptionController(Controller):
    path = "/api/me/push-subscriptions"
    tags = ("push",)

    @get("/")
    async def list_subscriptions(self, resident: ResidentDep) -> list[SubscriptionOut]:
        """The resident's devices that receive notifications."""
        return [_out(row) for row in await services.subscriptions_of(resident)]

    @post("/", status_code=201)
    async def subscribe(
        self,
        request: Request[Any, Any, Any],
        data: JSONBody[SubscriptionIn],
        resident: ResidentDep,
        settings: NamedDependency[Settings],
    ) -> Response[SubscriptionOut]:
        """Register this browser's ``PushSubscription.toJSON()``: 201 when new, 200 when the
        endpoint was known (its keys updated, now this account's)."""
        row, created = await services.subscribe(
            resident, data, request.headers.get("user-agent"), settings
        )
        return Response(_out(row), status_code=201 if created else 200)

    @delete("/{subscription_id:uuid}", status_code=204)
    async def unsubscribe(self, subscription_id: FromPath[UUID], resident: ResidentDep) -> None:
        """Stop notifications to one of the resident's devices."""
        await services.unsubscribe(resident, subscription_id)


CONTROLLERS: list[type[Controller]] = [PushKeyController, PushSubscriptionController]
