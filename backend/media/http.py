"""Files over HTTP, for every feature that takes or serves them (ticket photos, message
attachments, sync blobs): reading an upload from a request, answering with a private file."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response
from litestar.datastructures import UploadFile

# Files are checked against ``max_upload_megabytes`` by the media service; this is only the
# transport's ceiling (a multipart body carries a little more than the file).
UPLOAD_BODY_LIMIT = 64 * 1024 * 1024
NO_STORE = {"cache-control": "private, no-store"}


async def upload_bytes(request: Request[Any, Any, Any]) -> bytes:
    """The file of a multipart form (its first file field), or the raw request body."""
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        form = await request.form()
        for value in form.values():
            if isinstance(value, UploadFile):
                return await value.read()
        return b""
    return await request.body()


def binary(data: bytes, media_type: str) -> Response[bytes]:
    """A file for the signed-in reader only: never cached, never sniffed by the browser."""
    return Response(
        content=data,
        media_type=media_type,
        headers={**NO_STORE, "x-content-type-options": "nosniff"},
    )
