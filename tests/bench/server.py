"""The real app plus bench-only routes, served by uvicorn exactly like ``resident-portal serve``.

``python -m tests.bench.server --port N`` (settings from ``PORTAL_*`` as always). The extra
routes exist only here, never in the production app:

- ``GET /bench/hello``: a Litestar hello-world, behind the same middleware (session, CSRF,
  request log line) as every other route;
- ``POST /bench/login/{account_id}``: a resident session for that account, started as the
  passkey sign-in starts it (with the account's passkey), so the load generator holds real
  session cookies;
- ``POST /bench/raw-rows`` ``{"since": iso-datetime}``: the signed-in resident's tickets
  changed since then, with their public timeline, as JSON from one hand-written SQL query
  on a raw asyncpg pool: what the "10 changed rows" pull answers, without the framework;
  ``POST /bench/raw-close`` closes that pool (PostgreSQL allows 100 connections, the app's
  pool holds up to 64);
- ``POST /bench/settled``: waits until the pulls prepared after the writes so far are made
  (sync.prepared), and answers how many were prepared since start.
"""

from __future__ import annotations

import argparse
import asyncio
import os
from datetime import datetime
from typing import Any
from uuid import UUID

from litestar import Litestar, Request, Response, get, post
from litestar.params import FromPath, JSONBody

from backend.accounts.access import AUTH_KEY, start_session
from backend.accounts.tables import Credential
from backend.app import create_app
from backend.settings import get_settings
from sync import prepared

# The resident's own tickets (the homes whose register lists them now) changed since $2,
# shaped like the pull's ticket values, in one round trip: the timelines joined and
# aggregated once (not a subquery per ticket), the JSON built by PostgreSQL.
RAW_ROWS_SQL = """
WITH mine AS (
  SELECT tk.* FROM resident_account a
    JOIN occupant o ON o.identity_code_hmac = a.identity_code_hmac
     AND o.moved_in_on <= current_date
     AND (o.moved_out_on IS NULL OR o.moved_out_on >= current_date)
    JOIN lease l ON l.id = o.lease AND l.starts_on <= current_date
     AND (l.ends_on IS NULL OR l.ends_on >= current_date)
    JOIN ticket tk ON tk.lease = l.id
   WHERE a.id = $1 AND tk.updated_at > $2
), timelines AS (
  SELECT e.ticket, json_agg(json_build_object(
           'id', e.id, 'kind', e.kind, 'actorKind', e.actor_kind, 'actorName', e.actor_name,
           'visibility', e.visibility, 'fromStatus', e.from_status, 'toStatus', e.to_status,
           'text', e.text, 'createdAt', e.created_at) ORDER BY e.created_at, e.id) AS timeline
    FROM ticket_event e JOIN mine m ON m.id = e.ticket
   WHERE e.visibility = 'public'
   GROUP BY e.ticket
)
SELECT coalesce(json_agg(json_build_object(
         'id', m.id, 'number', m.number, 'leaseId', m.lease, 'category', m.category,
         'area', m.area, 'location', m.location, 'status', m.status,
         'expectedBy', m.expected_by, 'createdAt', m.created_at, 'updatedAt', m.updated_at,
         'description', m.description, 'masterKeyPermission', m.master_key_permission,
         'contactWindow', m.contact_window, 'pets', m.pets, 'contactPhone', m.contact_phone,
         'closedAt', m.closed_at, 'rejectReason', m.reject_reason,
         'timeline', coalesce(t.timeline, '[]'),
         'rating', CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object(
           'stars', r.stars, 'comment', r.comment, 'createdAt', r.created_at) END
       ) ORDER BY m.created_at DESC), '[]')::text
  FROM mine m
  LEFT JOIN timelines t ON t.ticket = m.id
  LEFT JOIN ticket_rating r ON r.ticket = m.id
"""


class _RawPool:
    """A raw asyncpg pool, opened on first use (the same size as the app's)."""

    def __init__(self) -> None:
        self.pool: Any = None
        self.lock = asyncio.Lock()

    async def get(self) -> Any:
        if self.pool is None:
            async with self.lock:
                if self.pool is None:
                    import asyncpg

                    settings = get_settings()
                    self.pool = await asyncpg.create_pool(
                        settings.effective_database_url,
                        min_size=1,
                        max_size=settings.database_pool_size,
                    )
        return self.pool

    async def close(self) -> None:
        if self.pool is not None:
            await self.pool.close()


_raw = _RawPool()


@get("/bench/hello", sync_to_thread=False)
def hello() -> dict[str, str]:
    return {"hello": "world"}


@post("/bench/login/{account_id:uuid}", status_code=204)
async def login(request: Request[Any, Any, Any], account_id: FromPath[UUID]) -> None:
    row = (
        await Credential.select(Credential.id)
        .where(Credential.resident_account == account_id)
        .first()
    )
    start_session(
        request,
        kind="resident",
        subject_id=account_id,
        credential_id=row["id"] if row else None,
        method="passkey",
    )


@post("/bench/raw-rows", status_code=200)
async def raw_rows(
    request: Request[Any, Any, Any], data: JSONBody[dict[str, str]]
) -> Response[Any]:
    auth = request.session.get(AUTH_KEY) if isinstance(request.session, dict) else None
    if not isinstance(auth, dict):
        return Response({"detail": "not signed in"}, status_code=401)
    if get_settings().is_sqlite:
        return Response({"detail": "PostgreSQL only"}, status_code=501)
    pool = await _raw.get()
    body = await pool.fetchval(
        RAW_ROWS_SQL, UUID(auth["id"]), datetime.fromisoformat(data["since"])
    )
    return Response(body.encode(), media_type="application/json")


@post("/bench/raw-close", status_code=204)
async def raw_close() -> None:
    await _raw.close()
    _raw.pool = None


@post("/bench/settled", status_code=200)
async def settled() -> dict[str, int]:
    preparer = prepared.current()
    if preparer is None:
        return {"prepared": 0}
    await preparer.settled()
    return {"prepared": preparer.prepared_count}


def create_bench_app() -> Litestar:
    app = create_app()
    for handler in (hello, login, raw_rows, raw_close, settled):
        app.register(handler)
    app.on_shutdown.append(_raw.close)
    profile_to = os.environ.get("BENCH_PROFILE")  # a file: the server's profile, at shutdown
    if profile_to:
        import cProfile

        profile = cProfile.Profile()
        profile.enable()

        def dump() -> None:
            profile.disable()
            profile.dump_stats(profile_to)

        app.on_shutdown.insert(0, dump)
    return app


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()

    # As ``resident-portal serve`` runs it (backend/cli.py), with one worker.
    def serve() -> None:
        uvicorn.run(
            "tests.bench.server:create_bench_app",
            factory=True,
            host=args.host,
            port=args.port,
            workers=1,
            proxy_headers=True,
            log_config=None,
            access_log=False,
        )

    serve()


if __name__ == "__main__":
    main()
