"""Push fan-out (part of ``make bench``): N notifications delivered by real workers to a local
push service, against the pure cost of encrypting and signing them.

A fresh PostgreSQL database seeded like the PG part (``tests.bench.seed``), N news/urgent
notifications for N resident accounts, each with one push subscription (its own P-256 key
and auth secret) at a local receiver. The receiver runs in its own process on another CPU
than the worker: it checks each request's shape (VAPID ``Authorization``, ``aes128gcm``),
records its Topic (the notification's unique topic) and answers 201; it does not decrypt
(``tests.support.push_service`` does that in the test suite).

Measured: (a) encrypt + VAPID sign per message with pywebpush/http_ece, in-process on the
worker's CPU, no sending; (b) one worker process (``run_worker``, pinned to that CPU)
delivering all N rows, from the moment they fall due until none is pending; (c) two worker
processes on N fresh rows. After each run: every row ``sent`` with one attempt, and the
receiver saw each topic exactly once.

``python -m tests.bench.fanout`` runs this part alone; ``… worker`` and ``… receiver`` are
the subprocesses. Settings: BENCH_FANOUT (N, default 10 000), BENCH_FANOUT_BATCH and
BENCH_FANOUT_CONCURRENCY (default: the worker's), BENCH_POSTGRES_URL, BENCH_FANOUT_PROFILE (a file
prefix: each worker process writes its cProfile there).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.bench.push_receiver import receive, receiver_call

ROOT = Path(__file__).resolve().parents[2]
N = int(os.environ.get("BENCH_FANOUT", "10000"))
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432")
DATABASE = "portal_bench_fanout"
CPUS = sorted(os.sched_getaffinity(0))
WORKER_CPU = CPUS[-1]
OTHER_CPU = CPUS[0]  # the receiver, this process; the second worker
PURE_MESSAGES = 3000
# Rows per claim and sends at once (default: the worker's own defaults).
BATCH = int(os.environ.get("BENCH_FANOUT_BATCH", "0"))
CONCURRENCY = int(os.environ.get("BENCH_FANOUT_CONCURRENCY", "0"))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


# --- the worker (its own process) ---------------------------------------------------------


async def _work(batch: int, concurrency: int) -> None:
    from backend.core.db import close_database, open_database
    from backend.notifications.worker import run_worker
    from backend.settings import get_settings

    settings = get_settings()
    await open_database(settings)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    print("ready", flush=True)
    try:
        # Short idle waits: the rows fall due while the worker is idle, and the wait would
        # otherwise be measured.
        sizes = {"limit": batch, "concurrency": concurrency}
        await run_worker(settings, stop, idle_seconds=0.01, **{k: v for k, v in sizes.items() if v})
    finally:
        await close_database()


# --- the harness --------------------------------------------------------------------------


def _browser_keys() -> tuple[str, str]:
    """A subscription's p256dh (a new P-256 public key) and auth secret, base64url."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    point = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )
    return _b64(point), _b64(os.urandom(16))


def _pure_rate(count: int) -> tuple[float, float]:
    """Messages/s of encrypt + VAPID sign per message (what ``pywebpush.webpush_async`` does
    before sending: pywebpush's aes128gcm encoding with a new ECDH key, a py_vapid ES256
    JWT), and of the encryption alone, on this process's CPU."""
    from pywebpush import WebPusher

    from backend.notifications.vapid import generate_private_key, vapid_signer

    def encrypt(data: bytes, p256dh: str, auth: str) -> None:
        info = {"endpoint": "http://127.0.0.1:1/push", "keys": {"p256dh": p256dh, "auth": auth}}
        WebPusher(info).encode(data, "aes128gcm")

    signer = vapid_signer(generate_private_key())
    keys = [_browser_keys() for _ in range(100)]
    payload = {"title": "Tärkeä tiedote", "body": "Vesikatko " + "x" * 60, "url": "/news/x"}
    data = json.dumps({**payload, "tag": uuid.uuid4().hex, "kind": "urgent"}).encode()

    def run(sign: bool) -> float:
        started = time.perf_counter()
        for n in range(count):
            encrypt(data, *keys[n % 100])
            if sign:
                claims = {"sub": "mailto:a@example.fi", "aud": "http://127.0.0.1:1"}
                signer.sign({**claims, "exp": int(time.time()) + 43200})
        return count / (time.perf_counter() - started)

    run(True)  # warm-up
    return run(True), run(False)


async def _sql(dsn: str, sql: str, *args: Any) -> Any:
    import asyncpg

    connection = await asyncpg.connect(dsn)
    try:
        return await connection.fetch(sql, *args)
    finally:
        await connection.close()


async def _subscribe_all(dsn: str, accounts: list[str], origin: str) -> None:
    from tests.bench.bulk import write_postgres

    now = datetime.now(UTC)
    rows = []
    for account in accounts:
        p256dh, auth = _browser_keys()
        row_id = uuid.uuid4()
        rows.append(
            {
                "id": row_id,
                "account": uuid.UUID(account),
                "endpoint": f"{origin}/push/{row_id.hex}",
                "p256dh": p256dh,
                "auth": auth,
                "device_label": "Chrome on Android",
                "created_at": now,
                "last_success_at": None,
            }
        )
    await write_postgres(dsn, {"push_subscription": rows})


async def _fresh_notifications(dsn: str, accounts: list[str]) -> None:
    """N pending rows, due tomorrow (the workers start idle; ``_wait_done`` makes them due)."""
    from tests.bench.bulk import write_postgres

    news = [r["id"] for r in await _sql(dsn, "SELECT id FROM news ORDER BY id LIMIT 20")]
    now = datetime.now(UTC)
    rows = []
    for n, account in enumerate(accounts):
        kind = "urgent" if n % 10 == 0 else "news"
        rows.append(
            {
                "id": uuid.uuid4(),
                "account": uuid.UUID(account),
                "kind": kind,
                "topic": uuid.uuid4().hex[:32],
                "params": json.dumps({"newsId": str(news[n % len(news)])}),
                "status": "pending",
                "due_at": now + timedelta(days=1),
                "attempts": 0,
                "claimed_by": None,
                "claimed_until": None,
                "last_error": None,
                "created_at": now,
                "sent_at": None,
            }
        )
    await _sql(dsn, "DELETE FROM notification")
    await write_postgres(dsn, {"notification": rows})


@contextmanager
def _process(
    args: list[str], env: dict[str, str], cpu: int, log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """A ``tests.bench.fanout`` subprocess pinned to ``cpu``, up once it prints "ready"."""
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 (our own command)
            [sys.executable, "-m", "tests.bench.fanout", *args],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=output,
        )
        try:
            os.sched_setaffinity(process.pid, {cpu})
            assert process.stdout is not None
            if process.stdout.readline().strip() != b"ready":
                process.wait(timeout=30)
                raise RuntimeError(f"{args[0]} did not start:\n{log.read_text()[-2000:]}")
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@dataclass
class Run:
    workers: int
    rate: float  # notifications/s
    seconds: float
    sent_once: bool  # every row sent, one attempt, each topic received exactly once
    detail: str


async def _wait_done(dsn: str, count: int, limit: float) -> float:
    """Makes every row due now and waits until none is pending; the seconds that took."""
    import asyncpg

    connection = await asyncpg.connect(dsn)
    try:
        started = time.perf_counter()
        await connection.execute("UPDATE notification SET due_at = now()")
        while time.perf_counter() - started < limit:
            left = await connection.fetchval(
                "SELECT count(*) FROM notification WHERE status = 'pending'"
            )
            if left == 0:
                return time.perf_counter() - started
            await asyncio.sleep(0.02)  # polling for the end, 20 ms resolution
        raise RuntimeError(f"{count} notifications not delivered in {limit:.0f} s")
    finally:
        await connection.close()


def _run(workers: int, env: dict[str, str], dsn: str, origin: str, folder: Path) -> Run:
    receiver_call(origin, "/reset")
    cpus = [WORKER_CPU, OTHER_CPU][:workers]
    args = ["worker", "--batch", str(BATCH), "--concurrency", str(CONCURRENCY)]  # 0: default
    with ExitStack() as stack:
        processes = [
            stack.enter_context(_process(args, env, cpu, folder / f"worker-{workers}-{n}.log"))
            for n, cpu in enumerate(cpus)
        ]
        cpu_before = sum(_cpu_seconds(p.pid) for p in processes)
        seconds = asyncio.run(_wait_done(dsn, N, limit=600))
        busy = (sum(_cpu_seconds(p.pid) for p in processes) - cpu_before) / seconds / workers
    stats = receiver_call(origin, "/stats")
    [row] = asyncio.run(
        _sql(
            dsn,
            "SELECT count(*) FILTER (WHERE status = 'sent') AS sent,"
            " count(*) FILTER (WHERE attempts <> 1) AS retried,"
            " count(DISTINCT topic) AS topics FROM notification",
        )
    )
    sent_once = (
        row["sent"] == N
        and row["retried"] == 0
        and stats["received"] == stats["topics"] == N
        and stats["bad"] == 0
    )
    detail = (
        f"rows sent {row['sent']}/{N}, retried {row['retried']}; receiver: "
        f"{stats['received']} requests, {stats['topics']} distinct topics, {stats['bad']} bad"
    )
    errors = sum(
        (folder / f"worker-{workers}-{n}.log").read_text().count("Traceback")
        for n in range(workers)
    )
    detail += f"; worker tracebacks {errors}; worker CPU busy {busy:.0%}"
    return Run(workers, N / seconds, seconds, sent_once, detail)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fanout_part(folder: Path, env_of: Any, seed: Any, admin: Any, load: Any) -> dict[str, Any]:
    """The part, with the PG part's helpers (``__main__._env``, ``_seed``, ``_admin``,
    ``_load``): {"pure", "encrypt", "one", "two"}."""
    print(f"\n== Push fan-out ({POSTGRES_URL}/{DATABASE}), {N} notifications ==", flush=True)
    asyncio.run(admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
    asyncio.run(admin(f"CREATE DATABASE {DATABASE}"))
    dsn = f"{POSTGRES_URL}/{DATABASE}"
    try:
        env = env_of(folder / "var-fanout", dsn, "")
        env["PORTAL_PUSH_WORKER"] = "external"
        seeded = seed(env, N, 0, folder)
        accounts = [a for home in seeded["homes"] for a in home["accounts"]][:N]
        if len(accounts) < N:
            raise RuntimeError(f"the seed made {len(accounts)} accounts, not {N}")
        port_args = ["receiver", "--port", str(_free_port())]
        with _process(port_args, env, OTHER_CPU, folder / "receiver.log"):
            origin = f"http://127.0.0.1:{port_args[-1]}"
            asyncio.run(_subscribe_all(dsn, accounts, origin))
            own = os.sched_getaffinity(0)
            os.sched_setaffinity(0, {WORKER_CPU})
            try:
                pure, encrypt = _pure_rate(PURE_MESSAGES)
            finally:
                os.sched_setaffinity(0, own)
            print(
                f"  (a) encrypt + VAPID sign {pure:,.0f} msg/s, encrypt only "
                f"{encrypt:,.0f} msg/s (CPU {WORKER_CPU}, {PURE_MESSAGES} messages)",
                flush=True,
            )
            runs = {}
            for name, workers in (("one", 1), ("two", 2)):
                asyncio.run(_fresh_notifications(dsn, accounts))
                print(f"  {workers} worker(s) start; {load()}", flush=True)
                run = _run(workers, env, dsn, origin, folder)
                print(
                    f"  ({'bc'[workers - 1]}) {workers} worker(s): {run.rate:,.0f} notifications/s "
                    f"({run.seconds:.2f} s); {run.detail}; {load()}",
                    flush=True,
                )
                runs[name] = run
        return {"pure": pure, "encrypt": encrypt, **runs}
    finally:
        asyncio.run(admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def table_rows(fan: dict[str, Any], row: Any) -> list[str]:
    """The final table's fan-out rows (``row`` is ``__main__._row``)."""
    label = f"push fan-out, {N} notifications, 1 worker vs encrypt+sign (PostgreSQL)"
    if "one" not in fan:
        return [row(label, "failed", "-", "-", "≥ 0.6", False)]
    one, two, pure = fan["one"], fan["two"], fan["pure"]
    ratio = one.rate / pure
    value = f"{one.rate:,.0f} notif/s"
    other = f"{pure:,.0f} msg/s encrypt+sign, 1 core ({fan['encrypt']:,.0f} encrypt only)"
    rows = [row(label, value, other, f"{ratio:.2f}", "≥ 0.6", ratio >= 0.6 and one.sent_once)]
    growth = two.rate / one.rate
    label = f"push fan-out, 2 workers vs 1 (each row sent once: {one.sent_once and two.sent_once})"
    rows.append(row(label, f"{two.rate:,.0f} notif/s", value, f"{growth:.2f}x", "-", None))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("role", nargs="?", choices=("receiver", "worker"))
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--batch", type=int, default=BATCH)
    parser.add_argument("--concurrency", type=int, default=CONCURRENCY)
    args = parser.parse_args()
    if args.role == "receiver":
        asyncio.run(receive(args.port))
    elif args.role == "worker":
        from backend.notifications.worker import run_event_loop

        profile_to = os.environ.get("BENCH_FANOUT_PROFILE")  # a file prefix: each worker's profile
        if profile_to:
            import cProfile

            profile = cProfile.Profile()
            profile.enable()
        with suppress(KeyboardInterrupt):
            run_event_loop(_work(args.batch, args.concurrency))  # as the CLI worker
        if profile_to:
            profile.disable()
            profile.dump_stats(f"{profile_to}.{os.getpid()}")
    else:  # this part alone, as ``make bench`` runs it
        from tests.bench import __main__ as bench

        with tempfile.TemporaryDirectory(prefix="portal-bench-") as name:
            fan = fanout_part(Path(name), bench._env, bench._seed, bench._admin, bench._load)
        print("\n" + "\n".join(table_rows(fan, bench._row)))


if __name__ == "__main__":
    main()
