"""The backend serves the built PWA: hashed assets cached for good, the shell never."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import msgspec
import pytest
from litestar import Litestar

from backend.core.middleware import CONTENT_SECURITY_POLICY
from backend.settings import Settings
from tests.conftest import api_client, running_app

REAL_DIST = Path(__file__).resolve().parents[2] / "pwa" / "dist"


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="fi"><link rel="manifest" href="/manifest.webmanifest">'
        '<script type="module" src="/assets/index-abc123.js"></script></html>'
    )
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log('hi')")
    (tmp_path / "sw.js").write_text("self.addEventListener('fetch', () => {})")
    (tmp_path / "manifest.webmanifest").write_text(
        '{"name": "Asukasportaali", "lang": "fi", "display": "standalone", "start_url": "/",'
        ' "screenshots": [{"src": "/screenshots/home-narrow.png", "label": "Etusivu"}]}'
    )
    (tmp_path / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (tmp_path / ".vite").mkdir()
    (tmp_path / ".vite" / "manifest.json").write_text('{"index.html": {"isEntry": true}}')
    (tmp_path / "staff").mkdir()
    (tmp_path / "staff" / "index.html").write_text(
        '<!doctype html><html lang="fi"><title>staff console</title>'
        '<script type="module" src="/assets/staff-def456.js"></script></html>'
    )
    return tmp_path


@pytest.fixture
async def app(settings: Settings, dist: Path) -> AsyncIterator[Litestar]:
    async with running_app(msgspec.structs.replace(settings, pwa_dist=str(dist))) as app:
        yield app


async def test_the_shell_is_served_uncached(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["content-disposition"] == 'inline; filename="index.html"'
    assert 'rel="manifest"' in response.text


async def test_hashed_assets_are_immutable(client: httpx.AsyncClient) -> None:
    response = await client.get("/assets/index-abc123.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"


@pytest.mark.parametrize(
    ("path", "media_type"),
    [("/sw.js", "text/javascript"), ("/manifest.webmanifest", "application/manifest+json")],
)
async def test_worker_and_manifest_are_revalidated(
    client: httpx.AsyncClient, path: str, media_type: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert response.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize(
    ("accept", "name", "short_name"),
    [
        ("fi-FI,fi;q=0.9", "Asukasportaali", "Asukas"),
        ("sv-FI,sv;q=0.9,en;q=0.5", "Invånarportalen", "Invånare"),
        ("en-GB,en;q=0.9", "Resident Portal", "Residents"),
    ],
)
async def test_the_manifest_speaks_the_browsers_language(
    client: httpx.AsyncClient, accept: str, name: str, short_name: str
) -> None:
    response = await client.get("/manifest.webmanifest", headers={"accept-language": accept})
    assert response.status_code == 200
    manifest = response.json()
    assert (manifest["name"], manifest["short_name"]) == (name, short_name)
    assert manifest["lang"] == accept[:2]
    assert manifest["description"]
    assert manifest["display"] == "standalone"  # the rest of the built manifest is kept
    [screenshot] = manifest["screenshots"]
    assert screenshot["src"] == "/screenshots/home-narrow.png"
    assert screenshot["label"].startswith(
        {"fi": "Etusivu", "sv": "Startsidan", "en": "Home"}[accept[:2]]
    )
    assert response.headers["vary"] == "Accept-Language"


async def test_app_routes_fall_back_to_the_shell(client: httpx.AsyncClient) -> None:
    response = await client.get("/tickets/123")
    assert response.status_code == 200
    assert 'rel="manifest"' in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/staff",
        "/staff/",
        "/staff/tickets",
        "/staff/tickets/0192f0a4-0000-7000",
        "/staff/enrol/tK9-x_0aBc",
    ],
)
async def test_console_paths_get_the_console_page_not_the_resident_shell(
    client: httpx.AsyncClient, path: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 200
    assert "staff console" in response.text
    assert 'rel="manifest"' not in response.text  # not the resident app
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["content-type"] == "text/html; charset=utf-8"


async def test_the_console_page_itself_is_revalidated(client: httpx.AsyncClient) -> None:
    response = await client.get("/staff/index.html")
    assert response.status_code == 200
    assert "staff console" in response.text
    assert response.headers["cache-control"] == "no-cache"


@pytest.mark.parametrize("path", ["/staffing", "/staff-news", "/tickets/staff"])
async def test_only_the_staff_folder_is_the_console(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 200
    assert 'rel="manifest"' in response.text


@pytest.mark.parametrize(
    "path", ["/staff/api/anything", "/staff/missing.js", "/staff/tickets/photo.png"]
)
async def test_console_files_and_staff_api_paths_are_404(
    client: httpx.AsyncClient, path: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    "path",
    [
        "/missing.png",
        "/assets/gone-123.js",
        "/api/no-such-thing",
        "/auth/whatever",
        "/.vite/manifest.json",  # the build's own manifest: in dist, yet not served
    ],
)
async def test_missing_files_and_api_paths_are_404_not_the_shell(
    client: httpx.AsyncClient, path: str
) -> None:
    response = await client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    "path", ["/..%2f..%2fetc%2fpasswd", "/assets/..%2F..%2F..%2Fetc%2Fhostname", "/%2e%2e/x.txt"]
)
async def test_paths_cannot_escape_the_dist_folder(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code in (200, 404)
    assert "root:" not in response.text
    if response.status_code == 200:
        assert 'rel="manifest"' in response.text  # the shell, nothing else


async def test_every_response_carries_the_security_headers(
    client: httpx.AsyncClient,
) -> None:
    for path in ("/", "/assets/index-abc123.js", "/api/nothing", "/health/live"):
        response = await client.get(path)
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert response.headers["x-frame-options"] == "DENY"


async def test_an_unbuilt_app_says_how_to_build_it(db: None, settings: Settings) -> None:
    unbuilt = msgspec.structs.replace(settings, pwa_dist="/nonexistent/dist")
    async with running_app(unbuilt) as app, api_client(app) as client:
        response = await client.get("/", headers={"accept-language": "en"})
    assert response.status_code == 503
    assert "make run" in response.json()["detail"]


@pytest.mark.skipif(
    not os.environ.get("PORTAL_REQUIRE_PWA_BUILD") and not (REAL_DIST / "index.html").exists(),
    reason="pwa/dist is not built (make test builds it)",
)
async def test_the_real_build_links_manifest_icons_and_worker(db: None, settings: Settings) -> None:
    built = msgspec.structs.replace(settings, pwa_dist=str(REAL_DIST))
    async with running_app(built) as app, api_client(app) as client:
        shell = await client.get("/")
        manifest = await client.get("/manifest.webmanifest")
        worker = await client.get("/sw.js")
        assert shell.status_code == 200
        assert '<link rel="manifest" href="/manifest.webmanifest">' in shell.text
        assert "<script>" not in shell.text  # the CSP forbids inline scripts
        assert manifest.status_code == 200
        assert worker.status_code == 200
        data = manifest.json()
        assert data["display"] == "standalone"
        purposes = {icon.get("purpose", "any") for icon in data["icons"]}
        assert "maskable" in purposes
        assert "any" in purposes
        for icon in data["icons"]:
            icon_response = await client.get(icon["src"])
            assert icon_response.status_code == 200, icon["src"]
            assert icon_response.headers["content-type"] == icon.get("type", "image/png")


@pytest.mark.skipif(
    not os.environ.get("PORTAL_REQUIRE_PWA_BUILD") and not (REAL_DIST / "index.html").exists(),
    reason="pwa/dist is not built (make test builds it)",
)
async def test_the_real_build_has_the_staff_console_outside_the_resident_precache(
    db: None, settings: Settings
) -> None:
    built = msgspec.structs.replace(settings, pwa_dist=str(REAL_DIST))
    async with running_app(built) as app, api_client(app) as client:
        console = await client.get("/staff/tickets")
        worker = await client.get("/sw.js")
        shell = await client.get("/")
    assert console.status_code == 200
    assert '<script type="module" crossorigin src="/assets/staff-' in console.text
    assert 'rel="manifest"' not in console.text
    assert "<script>" not in console.text  # the CSP forbids inline scripts
    # The resident app neither loads nor precaches any of the console's files.
    assert "/assets/staff-" not in shell.text
    assert "assets/staff-" not in worker.text
    assert "staff/index.html" not in worker.text
