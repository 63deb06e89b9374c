"""``make bench``: the sync protocol on the real server, measured side by side in one run.

1. PostgreSQL: a fresh database (created here, dropped at the end), migrated and seeded with
   10 000 residents of demo-like data (``tests.bench.seed``); the real app plus bench-only
   routes (``tests.bench.server``) in a uvicorn subprocess with one worker, Redis for
   sessions and channels; a load generator (``tests.bench.loadgen``) on loopback:
   hello-world vs no-op pull, a pull of 10 changed rows vs the raw-driver query, push p99.
2. The embedded SQLite default (a fresh file, file stores): push p99.
3. Piccolo's stock SQLite engine vs ours (``tests.bench.engines``).
4. Push fan-out (``tests.bench.fanout``): 10 000 notifications delivered by one, then two
   worker processes to a local push service, against pure encrypt-and-sign throughput.

With two or more CPUs the server runs pinned to one CPU and the load generator to another.
Nothing is asserted: the numbers are what they are. Settings (environment): BENCH_RESIDENTS,
BENCH_SQLITE_RESIDENTS, BENCH_CHANGED_PULLS, BENCH_FANOUT, BENCH_POSTGRES_URL (server, no
database), BENCH_REDIS_URL (its keys ``portal*`` are deleted before and after; empty: no Redis).
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.bench import engines, fanout, scenarios
from tests.bench.loadgen import Connection, HttpError, Result, encode, install_uvloop

ROOT = Path(__file__).resolve().parents[2]
RESIDENTS = int(os.environ.get("BENCH_RESIDENTS", "10000"))
SQLITE_RESIDENTS = int(os.environ.get("BENCH_SQLITE_RESIDENTS", str(RESIDENTS)))
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11")
DATABASE = "portal_bench"
CPUS = sorted(os.sched_getaffinity(0))
SERVER_CPUS = {CPUS[-1]} if len(CPUS) > 1 else set(CPUS)
LOADGEN_CPUS = set(CPUS[:-1]) if len(CPUS) > 1 else set(CPUS)


def _env(var_dir: Path, database_url: str, redis_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    env.update(
        PORTAL_VAR_DIR=str(var_dir), PORTAL_DATABASE_URL=database_url, PORTAL_REDIS_URL=redis_url
    )
    # A connection per concurrent client, as a deployment serving that many at once would
    # have: each query of a request waits for a pooled connection, and with the default 10
    # that queueing, not the work, set the push p99 (~1 s; ~180 ms with 40 or more).
    env["PORTAL_DATABASE_POOL_SIZE"] = str(scenarios.CLIENTS)
    return env


def _seed(env: dict[str, str], residents: int, changed: int, folder: Path) -> dict[str, Any]:
    manifest = folder / "manifest.json"
    command = [sys.executable, "-m", "tests.bench.seed", "--residents", str(residents)]
    command += ["--changed", str(changed), "--manifest", str(manifest)]
    subprocess.run(command, env=env, cwd=ROOT, check=True)  # noqa: S603 (our own command)
    seeded: dict[str, Any] = json.loads(manifest.read_text())
    counts = ", ".join(f"{n} {table}" for table, n in seeded["counts"].items())
    print(f"  seeded in {seeded['seconds']:.0f} s (with migrations): {counts}", flush=True)
    return seeded


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _ready(port: int) -> bool:
    connection = Connection("127.0.0.1", port)
    try:
        await connection.open()
        answer = await connection.send(encode("GET", "/health/ready"))
        return answer.status == 200
    except (OSError, HttpError):
        return False
    finally:
        connection.close()


@contextmanager
def _server(env: dict[str, str], log: Path) -> Iterator[int]:
    """The bench server in a subprocess on a free loopback port; always stopped."""
    port = _free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 (our own command)
            [sys.executable, "-m", "tests.bench.server", "--port", str(port)],
            env=env,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            os.sched_setaffinity(process.pid, SERVER_CPUS)
            deadline = time.monotonic() + 60
            while not asyncio.run(_ready(port)):
                if process.poll() is not None or time.monotonic() > deadline:
                    tail = log.read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"the bench server did not start:\n{tail}")
                time.sleep(0.2)  # polling for start-up, not timing anything
            yield port
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            _report_server_errors(log)


def _report_server_errors(log: Path) -> None:
    """Errors the server logged (a 2xx answer may still hide one, e.g. a failed poke)."""
    lines = log.read_text(errors="replace").splitlines()
    bad = [line for line in lines if '"level": "ERROR"' in line or line.startswith("Traceback")]
    warnings = [line for line in lines if '"level": "WARNING"' in line]
    print(f"  server log: {len(lines)} lines, {len(bad)} errors, {len(warnings)} warnings")
    for kind, found in (("error", bad), ("warning", warnings)):
        if found:  # its message, and the exception's last line (what went wrong)
            first = found[0]
            try:
                entry = json.loads(first)
                last = str(entry.get("exception", "")).strip().splitlines()[-1:]
                first = f"{entry.get('message')}: {''.join(last)}"
            except ValueError:
                pass
            print(f"  first {kind}: {first[:500]}", flush=True)


async def _admin(sql: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(f"{POSTGRES_URL}/postgres")
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


async def _clean_redis(url: str) -> str:
    """Deletes the app's keys from the bench Redis database; '' when Redis is not there."""
    if not url:
        return ""
    from redis.asyncio import Redis

    redis = Redis.from_url(url)
    try:
        async for key in redis.scan_iter(match="portal*"):
            await redis.delete(key)
    except OSError as error:
        print(f"  Redis at {url} unreachable ({error}): file stores instead", flush=True)
        return ""
    finally:
        await redis.aclose()
    return url


def _load() -> str:
    """Other work on the machine skews every number: say how busy it was."""
    return "load average " + " ".join(f"{n:.1f}" for n in os.getloadavg())


def postgres_part(folder: Path) -> dict[str, Result]:
    print(f"\n== PostgreSQL ({POSTGRES_URL}/{DATABASE}), {RESIDENTS} residents ==", flush=True)
    redis_url = asyncio.run(_clean_redis(REDIS_URL))
    print(f"  sessions and channels: {'Redis ' + redis_url if redis_url else 'files'}")
    asyncio.run(_admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
    asyncio.run(_admin(f"CREATE DATABASE {DATABASE}"))
    try:
        env = _env(folder / "var-pg", f"{POSTGRES_URL}/{DATABASE}", redis_url)
        seeded = _seed(env, RESIDENTS, scenarios.changed_residents_needed(), folder)
        with _server(env, folder / "server-pg.log") as port:
            print(f"  server up; {_load()}", flush=True)
            results = asyncio.run(scenarios.postgres_scenarios(port, seeded["homes"]))
            print(f"  done; {_load()}", flush=True)
            return results
    finally:
        asyncio.run(_admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)"))
        asyncio.run(_clean_redis(redis_url))


def sqlite_part(folder: Path) -> dict[str, Result]:
    print(f"\n== Embedded SQLite (fresh file), {SQLITE_RESIDENTS} residents ==", flush=True)
    var_dir = folder / "var-sqlite"
    env = _env(var_dir, f"sqlite:///{var_dir / 'portal.sqlite3'}", "")
    seeded = _seed(env, SQLITE_RESIDENTS, 0, folder)
    with _server(env, folder / "server-sqlite.log") as port:
        print(f"  server up; {_load()}", flush=True)
        results = asyncio.run(scenarios.sqlite_scenarios(port, seeded["homes"]))
        print(f"  done; {_load()}", flush=True)
        return results


def fanout_part(folder: Path) -> dict[str, Any]:
    return fanout.fanout_part(folder, _env, _seed, _admin, _load)


def _attempt(name: str, part: Any, folder: Path) -> dict[str, Any]:
    try:
        results: dict[str, Any] = part(folder)
        return results
    except Exception:
        print(f"  {name} FAILED:\n{traceback.format_exc()}", flush=True)
        return {}


def _row(name: str, value: str, comparison: str, ratio: str, target: str, met: bool | None) -> str:
    shown = "-" if met is None else ("yes" if met else "NO")
    return f"| {name} | {value} | {comparison} | {ratio} | {target} | {shown} |"


def _table(
    pg: dict[str, Result], lite: dict[str, Result], eng: dict[str, Any], fan: dict[str, Any]
) -> list[str]:
    rows = [
        "| measurement | value | comparison | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]

    def rate(a: str, b: str, label: str, target: float) -> None:
        if a in pg and b in pg:
            ratio = pg[a].rate / pg[b].rate
            value, other = f"{pg[a].rate:,.0f} req/s", f"{pg[b].rate:,.0f} req/s ({b})"
            rows.append(_row(label, value, other, f"{ratio:.2f}", f"≥ {target}", ratio >= target))
        else:
            rows.append(_row(label, "failed", "-", "-", f"≥ {target}", False))

    def p99(result: Result | None, label: str, limit: float) -> None:
        if result is None:
            rows.append(_row(label, "failed", "-", "-", f"p99 ≤ {limit:.0f} ms", False))
            return
        value = f"p99 {result.percentile(99):.0f} ms"
        other = f"p50 {result.percentile(50):.0f} ms, {result.rate:,.0f} req/s"
        rows.append(_row(label, value, other, "-", f"≤ {limit:.0f} ms", value_ok(result, limit)))

    def value_ok(result: Result, limit: float) -> bool:
        return result.percentile(99) <= limit and result.errors == 0

    rate("noop pull", "hello", "no-op pull vs hello-world (PostgreSQL)", 0.5)
    rate("changed pull", "raw rows", "pull, 10 changed rows vs raw asyncpg (PostgreSQL)", 0.8)
    p99(pg.get("push"), "push createTicket, 64 clients (PostgreSQL)", 100)
    sqlite_label = "push createTicket, 64 clients (SQLite"
    sqlite_label += ")" if SQLITE_RESIDENTS == RESIDENTS else f", {SQLITE_RESIDENTS} residents)"
    p99(lite.get("push"), sqlite_label, 250)
    for name, (stock, ours) in eng.items():
        value, other = f"{ours:,.0f} ops/s", f"{stock:,.0f} ops/s (stock)"
        label = f"SQLite engine, {name}: embedded vs stock"
        rows.append(_row(label, value, other, f"{ours / stock:.1f}x", "-", None))
    rows.extend(fanout.table_rows(fan, _row))
    return rows


def main() -> None:
    os.sched_setaffinity(0, LOADGEN_CPUS)
    uvloop = install_uvloop()
    print(
        f"make bench: one uvicorn worker on CPU {sorted(SERVER_CPUS)}, load generator "
        f"({'uvloop' if uvloop else 'asyncio'}) on CPU {sorted(LOADGEN_CPUS)}, "
        f"{scenarios.CLIENTS} connections, each a different signed-in resident",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as name:
        folder = Path(name)
        pg = _attempt("PostgreSQL", postgres_part, folder)
        lite = _attempt("SQLite", sqlite_part, folder)
        print("\n== SQLite engines (in-process) ==", flush=True)
        (folder / "engines").mkdir()
        eng = asyncio.run(engines.compare(folder / "engines"))
        fan = _attempt("Push fan-out", fanout_part, folder)
        errors = {
            f"{part} {k}": r.errors
            for part, rs in (("pg", pg), ("sqlite", lite))
            for k, r in rs.items()
        }
    print("\n" + "\n".join(_table(pg, lite, eng, fan)))
    print(f"\nErrors (non-2xx or wrong answers) during measurements: {errors}")


if __name__ == "__main__":
    main()
