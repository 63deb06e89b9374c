"""The ``resident-portal`` command, run as an operator runs it: a separate process."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

COMMAND = str(Path(sys.executable).parent / "resident-portal")
ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own command
        [COMMAND, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_help_lists_the_subcommands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("serve", "migrate", "demo-data", "create-staff"):
        assert command in result.stdout


def test_migrate_and_demo_data_can_run_again_and_again(db: None) -> None:
    assert run("migrate").returncode == 0
    first = run("demo-data")
    second = run("demo-data")
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert "Demo data loaded" in second.stdout
    assert first.stdout == second.stdout


def test_create_staff_explains_a_mistake(db: None) -> None:
    assert run("demo-data").returncode == 0
    bad = run(
        "create-staff",
        "--email",
        "a@example.fi",
        "--name",
        "A",
        "--role",
        "janitor",
        "--region",
        "ita-helsinki",
    )
    assert bad.returncode == 1
    assert "customer_service" in bad.stderr
    good = run(
        "create-staff",
        "--email",
        "a@example.fi",
        "--name",
        "A",
        "--role",
        "editor",
        "--region",
        "ita-helsinki",
    )
    assert good.returncode == 0, good.stderr
    assert "a@example.fi" in good.stdout
    assert "http://localhost:8000/staff/enrol/" in good.stdout
    again = run("staff-enrolment-link", "--email", "A@example.fi")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("http://localhost:8000/staff/enrol/")
    assert again.stdout.strip() != good.stdout.splitlines()[-1]


def test_a_bad_setting_stops_with_its_name() -> None:
    result = run("migrate", env={"PORTAL_PORT": "eighty"})
    assert result.returncode == 1
    assert "PORTAL_PORT" in result.stderr
    assert "Traceback" not in result.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(db: None, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """``resident-portal serve`` on a free port; yields its URL and its log file."""
    port = _free_port()
    log = tmp_path / "server.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(  # noqa: S603 - our own command
            [COMMAND, "serve", "--port", str(port)],
            env={**os.environ, "PORTAL_LOG_FORMAT": "json"},
            cwd=ROOT,
            stdout=log_file,
            stderr=log_file,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                if httpx.get(f"{base}/health/live", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"server did not start: {log.read_text()}") from None
                time.sleep(0.05)  # waiting for start-up, not timing anything
        yield base, log
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_answers_health_and_logs_json_lines(server: tuple[str, Path]) -> None:
    base, log = server
    ready = httpx.get(f"{base}/health/ready", timeout=5, headers={"x-request-id": "probe-0001"})
    assert ready.status_code == 200
    assert ready.json()["checks"]["database"] == "ok"
    # The line is written just after the response is sent: wait for it (bounded).
    deadline = time.monotonic() + 10
    while True:
        lines = [json.loads(ln) for ln in log.read_text().splitlines() if ln.startswith("{")]
        request_lines = [line for line in lines if line.get("path") == "/health/ready"]
        if request_lines or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert request_lines, log.read_text()
    assert request_lines[-1]["request_id"] == "probe-0001"
    assert request_lines[-1]["status"] == 200


def test_vapid_keys_prints_a_pair_that_belongs_together() -> None:
    """Also in production without a key yet: the command is how one gets made."""
    from backend.notifications.vapid import public_key_of

    result = run("vapid-keys", env={"PORTAL_ENVIRONMENT": "production"})
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    name, _, private_key = first.partition("=")
    assert name == "PORTAL_VAPID_PRIVATE_KEY"
    assert second.endswith(f": {public_key_of(private_key)}")
    assert run("vapid-keys").stdout != result.stdout  # a new pair every time
