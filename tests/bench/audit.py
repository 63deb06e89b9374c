"""``make audit``: Lighthouse (mobile) on the signed-in resident's home screen.

A fresh SQLite database seeded like the bench's (tests.bench.seed), the real server with
the bench routes (tests.bench.server: ``POST /bench/login/<account>`` signs a resident in),
and Lighthouse 12 from pwa/audit (installed there by ``make audit``: the app does not need
it) driving Debian's Chromium, whose cookie jar holds the resident's session. Prints the
scores next to issue 7's targets; nothing is asserted. ``python -m tests.bench.audit`` runs
it alone.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.bench import __main__ as bench
from tests.bench.scenarios import HOST, Bench, Resident, residents

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "pwa" / "audit" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100}


Jar = list[dict[str, str]]  # cookies as Playwright's add_cookies takes them


async def _session_cookies(port: int, resident: Resident, url: str) -> Jar:
    from tests.bench.loadgen import Connection

    client = Bench(port)
    await client.start()
    connection = await Connection(HOST, port).open()
    try:
        await client.sign_in(connection, resident)
    finally:
        connection.close()
    cookies = {**client.csrf, **resident.session}
    return [{"name": name, "value": value, "url": url} for name, value in cookies.items()]


@contextmanager
def signed_in_server(prefix: str) -> Iterator[tuple[str, Jar]]:
    """A fresh seeded SQLite database, the bench server on it, and the session cookies of
    its first resident (a main tenant): (the app's URL, the cookies)."""
    with tempfile.TemporaryDirectory(prefix=prefix) as name:
        folder = Path(name)
        var_dir = folder / "var"
        env = bench._env(var_dir, f"sqlite:///{var_dir / 'portal.sqlite3'}", "")
        seeded = bench._seed(env, 20, 0, folder)
        [resident] = residents(seeded["homes"], 0, 1)
        with bench._server(env, folder / "server.log") as port:
            url = f"http://localhost:{port}/"
            yield url, asyncio.run(_session_cookies(port, resident, url))


async def _lighthouse(jar: Jar, url: str, report: Path, port: int) -> None:
    """Lighthouse in the Chromium on ``port``, after putting the resident's session cookie
    in its own jar over the DevTools protocol, as a browser that signed in holds it."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        for _ in range(100):  # Chromium opens its debugging port within a second
            try:
                browser = await playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{port}")
                break
            except Exception:
                await asyncio.sleep(0.05)  # polling for start-up, not timing anything
        else:
            raise RuntimeError("Chromium did not open its debugging port")
        await browser.contexts[0].add_cookies(jar)  # type: ignore[arg-type]
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--port={port}",
            "--only-categories=performance,accessibility,best-practices",
        ]
        await asyncio.to_thread(subprocess.run, command, check=True, cwd=ROOT)
        await browser.close()


def _audit(url: str, jar: Jar, folder: Path) -> dict[str, Any]:
    port = bench._free_port()
    chromium = subprocess.Popen(  # noqa: S603 (our own command)
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--remote-debugging-port={port}",
            f"--user-data-dir={folder / 'profile'}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        asyncio.run(_lighthouse(jar, url, folder / "report.json", port))
    finally:
        chromium.terminate()
        chromium.wait(timeout=10)
    result: dict[str, Any] = json.loads((folder / "report.json").read_text())
    return result


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="portal-lighthouse-") as work:
        with signed_in_server("portal-audit-") as (url, jar):
            result = _audit(url, jar, Path(work))
        if os.environ.get("AUDIT_REPORT"):  # keep the whole report (a file path)
            Path(os.environ["AUDIT_REPORT"]).write_text(json.dumps(result))
    print("\n| Lighthouse (mobile), home screen, signed in | score | target | met |")
    print("|---|---|---|---|")
    for category, target in TARGETS.items():
        score = round(100 * (result["categories"][category]["score"] or 0))
        print(f"| {category} | {score} | ≥ {target} | {'yes' if score >= target else 'NO'} |")
    failing = [
        f"  {audit['id']}: {audit['title']}"
        for audit in result["audits"].values()
        if audit.get("scoreDisplayMode") == "binary" and audit.get("score") == 0
    ]
    if failing:
        print("\nAudits that did not pass:\n" + "\n".join(failing))
    metrics = (
        "first-contentful-paint",
        "largest-contentful-paint",
        "total-blocking-time",
        "cumulative-layout-shift",
        "speed-index",
    )
    print(
        "\n"
        + ", ".join(
            f"{result['audits'][m]['title']}: {result['audits'][m]['displayValue']}"
            for m in metrics
        )
    )


if __name__ == "__main__":
    main()
