"""Browser tests: the real app (``resident-portal serve``) in a subprocess, driven by
Playwright in real Chromium (Debian's, by path; see ../shared/BROWSER-TESTING.md)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import NamedTuple

import httpx
import pytest
from playwright.async_api import Browser, Page, async_playwright

from tests.conftest import TEST_DATABASE_URL

ROOT = Path(__file__).resolve().parents[2]
COMMAND = str(Path(sys.executable).parent / "resident-portal")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_PATH = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")


def _chromium_missing() -> bool:
    return CHROMIUM_PATH is None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if _chromium_missing() and not os.environ.get("PORTAL_REQUIRE_BROWSER"):
        skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (set CHROMIUM=...)")
        for item in items:
            if "tests/e2e/" in str(item.path):
                item.add_marker(skip)


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    """Async Playwright, in the suite's own event loop (the sync API would run a second loop
    in this thread and break every async test after it)."""
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=CHROMIUM_PATH,
            args=["--disable-gpu", "--disable-quic"],
        )
        yield launched
        await launched.close()


@pytest.fixture
async def page(browser: Browser) -> AsyncIterator[Page]:
    context = await browser.new_context(locale="fi-FI")
    page = await context.new_page()
    yield page
    await context.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server(NamedTuple):
    base: str
    env: dict[str, str]

    def command(self, *args: str) -> str:
        """Run ``resident-portal`` against this server's database and settings."""
        done = subprocess.run(  # noqa: S603 - our own command
            [COMMAND, *args], env=self.env, cwd=ROOT, check=True, capture_output=True, text=True
        )
        return done.stdout


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """The app as a user runs it, on http://localhost:PORT (a passkey's RP ID must be a
    host name, not an IP address), with the demo data loaded."""
    port = _free_port()
    base = f"http://localhost:{port}"
    var_dir = tempfile.mkdtemp(prefix="portal-e2e-")
    env = {
        **os.environ,
        "PORTAL_VAR_DIR": var_dir,
        "PORTAL_DATABASE_URL": TEST_DATABASE_URL,
        "PORTAL_PUBLIC_URL": base,
        "PORTAL_PORT": str(port),
        "PORTAL_REDIS_URL": "",
        "PORTAL_LOG_FORMAT": "json",
    }
    for step in (["migrate"], ["demo-data"]):
        subprocess.run([COMMAND, *step], env=env, cwd=ROOT, check=True, capture_output=True)  # noqa: S603
    log = Path(var_dir) / "server.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(  # noqa: S603 - our own command
            [COMMAND, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            cwd=ROOT,
            stdout=log_file,
            stderr=log_file,
        )
    deadline = time.monotonic() + 90  # a loaded CI machine can take half a minute or more
    try:
        while True:
            try:
                if httpx.get(f"{base}/health/ready", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"server did not start:\n{log.read_text()}")
            time.sleep(0.05)  # waiting for start-up, not timing anything
        yield Server(base, env)
    finally:
        process.terminate()
        process.wait(timeout=10)
