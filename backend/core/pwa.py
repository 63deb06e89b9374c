"""Serves the built PWA from pwa/dist: hashed assets immutable, the shell and worker uncached."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

import msgspec
from litestar import Controller, Request, Response, get
from litestar.di import NamedDependency
from litestar.params import FromPath
from litestar.response import File

from backend.core.errors import NotFoundError, UnavailableError
from backend.core.i18n import translate
from backend.core.problems import request_language
from backend.settings import Settings

# Paths the backend answers itself; never the SPA fallback. (.vite/ holds the build's own
# manifest, read by the budget script: not for browsers.)
_RESERVED_PREFIXES = ("api/", "auth/", "health/", "schema", "oidc/", "staff/api/", ".vite/")
_NO_CACHE = "no-cache"
_IMMUTABLE = "public, max-age=31536000, immutable"
_SHORT = "public, max-age=3600"
_MEDIA_TYPES = {
    ".webmanifest": "application/manifest+json",
    # Litestar adds "; charset=utf-8" to text/* types itself.
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".html": "text/html",
    ".svg": "image/svg+xml",
    ".json": "application/json",
}
_UNCACHED_NAMES = {"index.html", "sw.js", "manifest.webmanifest", "registerSW.js"}
# The staff console: its own page (a second Vite entry), for /staff and every screen below it.
_CONSOLE_PATH = "staff"
_CONSOLE_INDEX = "staff/index.html"


def _cache_control(relative: str) -> str:
    if relative.startswith("assets/"):
        return _IMMUTABLE
    if relative in _UNCACHED_NAMES or relative == _CONSOLE_INDEX or relative.startswith("workbox-"):
        return _NO_CACHE
    return _SHORT


def _file(path: Path, relative: str) -> File:
    media_type = _MEDIA_TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0]
    return File(
        path=path,
        filename=path.name,
        media_type=media_type or "application/octet-stream",
        content_disposition_type="inline",
        headers={"cache-control": _cache_control(relative)},
    )


class PwaController(Controller):
    include_in_schema = False

    @get("/", sync_to_thread=False)
    def shell(self, settings: NamedDependency[Settings]) -> File:
        return self._index(settings)

    @get("/manifest.webmanifest", sync_to_thread=False)
    def manifest(
        self, request: Request[Any, Any, Any], settings: NamedDependency[Settings]
    ) -> Response[bytes]:
        """The built manifest with the name and description in the browser's language (a
        manifest has one language; the browser asks with its Accept-Language when it
        installs the app)."""
        path = Path(settings.pwa_dist).resolve() / "manifest.webmanifest"
        if not path.is_file():
            raise NotFoundError()
        manifest = msgspec.json.decode(path.read_bytes())
        language = request_language(request)
        manifest.update(
            lang=language,
            name=translate("manifest.name", language),
            short_name=translate("manifest.shortName", language),
            description=translate("manifest.description", language),
        )
        for screenshot in manifest.get("screenshots", []):
            screenshot["label"] = translate("manifest.screenshotHome", language)
        return Response(
            msgspec.json.encode(manifest),
            media_type=_MEDIA_TYPES[".webmanifest"],
            headers={"cache-control": _NO_CACHE, "vary": "Accept-Language"},
        )

    @get("/{path:path}", sync_to_thread=False)
    def asset(self, path: FromPath[str], settings: NamedDependency[Settings]) -> File:
        relative = path.lstrip("/")
        if relative.startswith(_RESERVED_PREFIXES):
            raise NotFoundError()
        dist = Path(settings.pwa_dist).resolve()
        candidate = (dist / relative).resolve()
        if candidate.is_relative_to(dist) and candidate.is_file():
            return _file(candidate, candidate.relative_to(dist).as_posix())
        # A missing file is a 404; any other path is a screen of the app (client-side routing).
        if "." in relative.rsplit("/", 1)[-1]:
            raise NotFoundError()
        if relative.rstrip("/") == _CONSOLE_PATH or relative.startswith(f"{_CONSOLE_PATH}/"):
            return self._index(settings, _CONSOLE_INDEX)
        return self._index(settings)

    @staticmethod
    def _index(settings: Settings, relative: str = "index.html") -> File:
        index = Path(settings.pwa_dist).resolve() / relative
        if not index.is_file():
            raise UnavailableError("problem.pwa-not-built.detail")
        return _file(index, relative)
