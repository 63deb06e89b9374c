"""Image work with Pillow (run in a worker thread): sniff, re-encode without metadata,
apply the EXIF orientation, make a thumbnail. HEIC arrives from iPhones and is stored as
JPEG, which every browser shows."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

register_heif_opener()

# Pillow format name → the stored format and media type.
_STORED_AS = {
    "JPEG": ("JPEG", "image/jpeg"),
    "PNG": ("PNG", "image/png"),
    "WEBP": ("WEBP", "image/webp"),
    "HEIF": ("JPEG", "image/jpeg"),
}
MAX_PIXELS = 60_000_000  # a 60-megapixel photo is plenty; beyond it, a decompression bomb
THUMBNAIL_PX = 400


class NotAnImage(Exception):
    """The bytes are not one of the allowed image formats."""


class UnreadableImage(Exception):
    """The bytes claim an allowed format but do not decode (truncated, corrupt, too big)."""


@dataclass(frozen=True)
class ProcessedImage:
    data: bytes
    media_type: str
    width: int
    height: int
    thumbnail: bytes


def process_image(data: bytes) -> ProcessedImage:
    try:
        image = Image.open(io.BytesIO(data), formats=list(_STORED_AS))
    except UnidentifiedImageError as error:
        raise NotAnImage from error
    except (OSError, ValueError, SyntaxError) as error:
        raise UnreadableImage from error
    source_format = image.format or ""
    if source_format not in _STORED_AS:
        raise NotAnImage
    width, height = image.size
    if width * height > MAX_PIXELS or width < 1 or height < 1:
        raise UnreadableImage
    try:
        image.load()
        upright = ImageOps.exif_transpose(image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        raise UnreadableImage from error
    stored_format, media_type = _STORED_AS[source_format]
    clean = _without_metadata(upright, stored_format)
    out = io.BytesIO()
    if stored_format == "JPEG":
        clean.save(out, "JPEG", quality=88, optimize=True)
    elif stored_format == "WEBP":
        clean.save(out, "WEBP", quality=85)
    else:
        clean.save(out, "PNG", optimize=True)
    thumb = clean.convert("RGB") if clean.mode != "RGB" else clean.copy()
    thumb.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX))
    thumb_out = io.BytesIO()
    thumb.save(thumb_out, "JPEG", quality=80)
    return ProcessedImage(
        data=out.getvalue(),
        media_type=media_type,
        width=clean.width,
        height=clean.height,
        thumbnail=thumb_out.getvalue(),
    )


def _without_metadata(image: Image.Image, stored_format: str) -> Image.Image:
    """Only the pixels survive: EXIF (location, camera, time), XMP and text chunks do not."""
    allowed: tuple[str, ...]
    if stored_format == "JPEG":
        allowed = ("RGB", "L")
    elif stored_format == "WEBP":
        allowed = ("RGB", "RGBA")
    else:
        allowed = ("RGB", "RGBA", "L", "LA")
    transparent = "A" in image.mode or "transparency" in image.info
    mode = image.mode if image.mode in allowed else ("RGBA" if transparent else "RGB")
    if stored_format == "JPEG" and mode not in allowed:
        mode = "RGB"
    pixels = image.convert(mode) if mode != image.mode else image
    clean = Image.new(pixels.mode, pixels.size)
    clean.paste(pixels)
    return clean
