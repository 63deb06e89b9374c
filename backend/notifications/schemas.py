"""Wire types of the push API (camelCase JSON).

A subscription comes in the shape of the browser's ``PushSubscription.toJSON()``:
``{endpoint, expirationTime, keys: {p256dh, auth}}``. msgspec checks the shape and the
lengths; what needs decoding (the endpoint's scheme, the keys' bytes) the service checks,
answering 422 with the field named.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec

from backend.accounts.schemas import Wire

MAX_ENDPOINT_LENGTH = 2048

Endpoint = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_ENDPOINT_LENGTH)]
# base64url of 65 bytes is 87 characters (88 padded), of 16 bytes 22 (24 padded).
P256dh = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
AuthSecret = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]


class PublicKeyOut(Wire):
    public_key: str  # base64url uncompressed P-256 point: the applicationServerKey


class SubscriptionKeysIn(Wire):
    p256dh: P256dh
    auth: AuthSecret


class SubscriptionIn(Wire):
    """Unknown fields are ignored: browsers may add to ``toJSON()``."""

    endpoint: Endpoint
    keys: SubscriptionKeysIn
    # Milliseconds since the epoch, or null (most push services never expire one).
    expiration_time: float | None = None


class SubscriptionOut(Wire):
    id: UUID
    device_label: str
    created_at: datetime
    # The resident's own devices only: lets a browser find the row of its subscription.
    endpoint: str
