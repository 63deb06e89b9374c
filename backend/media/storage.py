"""Where blob bytes live: obstore over a local folder (default) or an S3-compatible bucket."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import obstore
from obstore.exceptions import NotFoundError as StoreNotFoundError
from obstore.store import LocalStore, S3Store

from backend.settings import Settings


@cache
def _store(url: str, var_dir: str) -> Any:
    if not url:
        folder = Path(var_dir).resolve() / "blobs"
        folder.mkdir(parents=True, exist_ok=True)
        return LocalStore(str(folder))
    if url.startswith("file://"):
        folder = Path(url.removeprefix("file://"))
        folder.mkdir(parents=True, exist_ok=True)
        return LocalStore(str(folder.resolve()))
    if url.startswith("s3://"):
        # Credentials and region come from the usual AWS_* environment variables.
        return S3Store.from_url(url)
    raise ValueError(f"PORTAL_BLOB_STORE_URL: unsupported scheme in {url!r}")


def blob_store(settings: Settings) -> Any:
    return _store(settings.blob_store_url, settings.var_dir)


async def put_object(settings: Settings, key: str, data: bytes) -> None:
    await obstore.put_async(blob_store(settings), key, data)


async def get_object(settings: Settings, key: str) -> bytes | None:
    try:
        result = await obstore.get_async(blob_store(settings), key)
    except (StoreNotFoundError, FileNotFoundError):
        return None
    return bytes(await result.bytes_async())


def original_key(sha256: str) -> str:
    return f"{sha256[:2]}/{sha256}"


def thumbnail_key(sha256: str) -> str:
    return f"{sha256[:2]}/{sha256}.thumb.jpg"
