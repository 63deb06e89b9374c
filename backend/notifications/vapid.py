"""VAPID keys (RFC 8292): the server's P-256 key pair that push services know us by.

The private key is kept as the base64url of its 32-byte scalar (``PORTAL_VAPID_PRIVATE_KEY``);
the public key is the base64url of the uncompressed point (65 bytes, ``0x04 || X || Y``), which
is what the browser's ``PushManager.subscribe({applicationServerKey})`` takes.

pywebpush 2.5's ``webpush_async(vapid_private_key=...)`` accepts a ``py_vapid.Vapid`` instance,
a path to a PEM/DER file, or a string it hands to ``Vapid.from_string`` (raw 32 bytes or DER,
base64url). ``vapid_signer`` gives it the instance: a string would first be tried as a file
name on every call.
"""

from __future__ import annotations

import base64
import binascii
from functools import lru_cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid  # type: ignore[import-untyped]  # no type hints

PRIVATE_KEY_BYTES = 32
_CURVE_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
_B64URL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Strict base64url, padding optional; ``ValueError`` for anything else."""
    if not text or any(c not in _B64URL for c in text.rstrip("=")):
        raise ValueError("not base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise ValueError("not base64url") from None


def generate_private_key() -> str:
    """A new private key, base64url of the 32-byte scalar."""
    key = ec.generate_private_key(ec.SECP256R1())
    return b64url_encode(key.private_numbers().private_value.to_bytes(PRIVATE_KEY_BYTES, "big"))


def _private_key(private_key: str) -> ec.EllipticCurvePrivateKey:
    raw = b64url_decode(private_key.strip())
    if len(raw) != PRIVATE_KEY_BYTES:
        raise ValueError("a VAPID private key is 32 bytes")
    scalar = int.from_bytes(raw, "big")
    if not 0 < scalar < _CURVE_ORDER:
        raise ValueError("not a P-256 private key")
    return ec.derive_private_key(scalar, ec.SECP256R1())


def check_private_key(private_key: str) -> None:
    """``ValueError`` unless this is a usable private key (settings check it at start-up)."""
    _private_key(private_key)


def public_key_of(private_key: str) -> str:
    """The public key the browser subscribes with (base64url, uncompressed point)."""
    point = (
        _private_key(private_key)
        .public_key()
        .public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )
    return b64url_encode(point)


@lru_cache(maxsize=4)
def vapid_signer(private_key: str) -> Vapid:
    """What ``pywebpush.webpush_async(vapid_private_key=...)`` signs the VAPID JWT with."""
    return Vapid(private_key=_private_key(private_key))


def is_p256_public_key(raw: bytes) -> bool:
    """65 bytes, uncompressed (``0x04``), and a point on P-256 (a browser's ``p256dh``)."""
    if len(raw) != 65 or raw[0] != 0x04:
        return False
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
    except ValueError:
        return False
    return True
