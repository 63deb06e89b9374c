"""Storing photos and documents: content sniffed, metadata stripped, content-addressed."""

from __future__ import annotations

import io
import pathlib
import uuid

import msgspec
import pytest
from PIL import Image

from backend.core.errors import NotFoundError
from backend.media.services import (
    UploadRejectedError,
    UploadTooLargeError,
    UploadTypeError,
    UploadUnreadableError,
    read_blob,
    store_document,
    store_image,
)
from backend.media.tables import Blob
from backend.settings import Settings

UPLOADER = uuid.uuid4()
GPS_IFD = 0x8825
ORIENTATION = 0x0112


def jpeg_with_gps(width: int = 800, height: int = 600, orientation: int = 1) -> bytes:
    image = Image.new("RGB", (width, height), (200, 40, 40))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "Phonemaker"  # camera make
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (60.0, 10.0, 0.0), 3: "E", 4: (24.0, 56.0, 0.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def encoded(fmt: str, mode: str = "RGB", size: tuple[int, int] = (64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (10, 120, 200) if mode == "RGB" else (10, 120, 200, 128)).save(out, fmt)
    return out.getvalue()


async def store(data: bytes, settings: Settings) -> object:
    return await store_image(
        data, uploaded_by_kind="resident", uploaded_by_id=UPLOADER, settings=settings
    )


async def test_jpeg_loses_its_location_and_keeps_its_orientation(
    db: None, settings: Settings
) -> None:
    original = jpeg_with_gps(800, 600, orientation=6)  # "rotate 90°": shown as 600 × 800
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)
    stored = await store_image(
        original, uploaded_by_kind="resident", uploaded_by_id=UPLOADER, settings=settings
    )
    assert stored.media_type == "image/jpeg"
    assert (stored.width, stored.height) == (600, 800)
    data, media_type = await read_blob(stored.id, variant="original", settings=settings)
    assert media_type == "image/jpeg"
    reread = Image.open(io.BytesIO(data))
    assert reread.size == (600, 800)
    exif = reread.getexif()
    assert not exif.get_ifd(GPS_IFD)
    assert ORIENTATION not in exif
    assert 0x010F not in exif
    assert b"Phonemaker" not in data
    thumbnail, thumb_type = await read_blob(stored.id, variant="thumbnail", settings=settings)
    assert thumb_type == "image/jpeg"
    assert Image.open(io.BytesIO(thumbnail)).size == (300, 400)


@pytest.mark.parametrize(
    ("fmt", "mode", "media_type"),
    [("PNG", "RGBA", "image/png"), ("PNG", "RGB", "image/png"), ("WEBP", "RGB", "image/webp")],
)
async def test_png_and_webp_are_kept_in_their_format(
    db: None, settings: Settings, fmt: str, mode: str, media_type: str
) -> None:
    stored = await store_image(
        encoded(fmt, mode), uploaded_by_kind="staff", uploaded_by_id=UPLOADER, settings=settings
    )
    assert stored.media_type == media_type
    assert (stored.width, stored.height) == (64, 48)
    data, served_type = await read_blob(stored.id, variant="original", settings=settings)
    assert served_type == media_type
    assert Image.open(io.BytesIO(data)).format == fmt
    thumbnail, _ = await read_blob(stored.id, variant="thumbnail", settings=settings)
    assert Image.open(io.BytesIO(thumbnail)).format == "JPEG"


async def test_heic_is_stored_as_jpeg(db: None, settings: Settings) -> None:
    from pillow_heif import register_heif_opener

    register_heif_opener()
    out = io.BytesIO()
    Image.new("RGB", (120, 80), (0, 150, 0)).save(out, "HEIF")
    stored = await store_image(
        out.getvalue(), uploaded_by_kind="resident", uploaded_by_id=UPLOADER, settings=settings
    )
    assert stored.media_type == "image/jpeg"
    assert (stored.width, stored.height) == (120, 80)


async def test_the_same_upload_twice_is_one_blob(db: None, settings: Settings) -> None:
    data = jpeg_with_gps()
    first = await store_image(
        data, uploaded_by_kind="resident", uploaded_by_id=UPLOADER, settings=settings
    )
    second = await store_image(
        data, uploaded_by_kind="resident", uploaded_by_id=uuid.uuid4(), settings=settings
    )
    assert first == second
    assert await Blob.count() == 1


async def test_a_text_file_named_jpg_is_refused(db: None, settings: Settings) -> None:
    with pytest.raises(UploadTypeError):
        await store(b"this is not a picture, just text pretending to be photo.jpg\n", settings)
    assert await Blob.count() == 0


async def test_a_gif_is_not_an_allowed_type(db: None, settings: Settings) -> None:
    with pytest.raises(UploadTypeError):
        await store(encoded("GIF", "RGB"), settings)


async def test_eleven_megabytes_is_refused(db: None, settings: Settings) -> None:
    data = jpeg_with_gps() + b"\0" * (11 * 1024 * 1024)
    with pytest.raises(UploadTooLargeError) as raised:
        await store(data, settings)
    assert raised.value.status == 413
    with pytest.raises(UploadTooLargeError):
        await store_document(
            b"%PDF-1.7\n" + b"\0" * (11 * 1024 * 1024),
            uploaded_by_kind="resident",
            uploaded_by_id=UPLOADER,
            settings=settings,
        )
    assert await Blob.count() == 0


async def test_a_truncated_jpeg_is_refused(db: None, settings: Settings) -> None:
    data = jpeg_with_gps()
    with pytest.raises(UploadUnreadableError):
        await store(data[: len(data) // 2], settings)
    with pytest.raises(UploadRejectedError):
        await store(b"", settings)
    assert await Blob.count() == 0


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


async def test_a_pdf_is_a_document_not_an_image(db: None, settings: Settings) -> None:
    stored = await store_document(
        PDF, uploaded_by_kind="staff", uploaded_by_id=UPLOADER, settings=settings
    )
    assert stored.media_type == "application/pdf"
    assert (stored.width, stored.height) == (None, None)
    assert await read_blob(stored.id, variant="original", settings=settings) == (
        PDF,
        "application/pdf",
    )
    with pytest.raises(NotFoundError):
        await read_blob(stored.id, variant="thumbnail", settings=settings)
    with pytest.raises(UploadTypeError):
        await store(PDF, settings)
    with pytest.raises(UploadTypeError):
        await store_document(
            jpeg_with_gps(), uploaded_by_kind="staff", uploaded_by_id=UPLOADER, settings=settings
        )


async def test_an_unknown_blob_is_not_found(db: None, settings: Settings) -> None:
    with pytest.raises(NotFoundError):
        await read_blob(uuid.uuid4(), variant="original", settings=settings)


async def test_a_file_url_stores_in_that_folder(
    db: None, settings: Settings, tmp_path: pathlib.Path
) -> None:
    elsewhere = msgspec.structs.replace(settings, blob_store_url=f"file://{tmp_path}/blobs")
    stored = await store_image(
        encoded("PNG"), uploaded_by_kind="staff", uploaded_by_id=UPLOADER, settings=elsewhere
    )
    files = [p for p in (tmp_path / "blobs").rglob("*") if p.is_file()]
    assert {p.name for p in files} == {stored.sha256, f"{stored.sha256}.thumb.jpg"}
    assert (await read_blob(stored.id, variant="original", settings=elsewhere))[1] == "image/png"
