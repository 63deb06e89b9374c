"""The ``resident-portal`` command."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any, TypeVar

import click

from backend.core.errors import DomainError
from backend.core.i18n import translate
from backend.settings import SettingsError, get_settings

T = TypeVar("T")


def _run(make: Callable[[], Awaitable[T]]) -> T:
    """Runs one database task with the engine's connections opened and closed around it."""
    from backend.core.db import close_database, open_database

    async def main() -> T:
        await open_database(get_settings())
        try:
            return await make()
        finally:
            await close_database()

    try:
        return asyncio.run(main())
    except DomainError as error:
        raise click.ClickException(translate(error.detail_key, "en", **error.params)) from None


# Commands that must run before the settings are complete (they help to complete them).
_WITHOUT_SETTINGS = frozenset({"vapid-keys"})


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.pass_context
def main(context: click.Context) -> None:
    """Resident Portal: the self-service app of a rental-housing company's residents."""
    if context.invoked_subcommand in _WITHOUT_SETTINGS:
        return
    try:
        get_settings()
    except SettingsError as error:
        raise click.ClickException(str(error)) from None


@main.command()
@click.option("--host", default=None, help="Interface to listen on [PORTAL_HOST].")
@click.option("--port", type=int, default=None, help="Port [PORTAL_PORT].")
@click.option("--workers", type=int, default=1, show_default=True, help="Worker processes.")
@click.option("--reload", is_flag=True, help="Restart on code changes (development).")
def serve(host: str | None, port: int | None, workers: int, reload: bool) -> None:
    """Serve the API and the PWA with uvicorn."""
    import uvicorn

    settings = get_settings()
    uvicorn.run(
        "backend.app:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers,
        reload=reload,
        proxy_headers=True,
        log_config=None,
        access_log=False,
    )


@main.command()
def migrate() -> None:
    """Apply database migrations (safe to run again)."""
    from backend.core.migrate import MigrationFailed
    from backend.core.migrate import migrate as run_migrations

    try:
        _run(run_migrations)
    except MigrationFailed as error:
        raise click.ClickException(f"Migration failed: {error}") from None
    click.echo("Database is up to date.")


@main.command("demo-data")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Load as of a day.")
def demo_data(today: Any) -> None:
    """Load the demo data set (idempotent: refreshes what is there)."""
    from backend.demo.loader import load_demo_data

    on: date | None = today.date() if today else None
    counts = _run(lambda: load_demo_data(get_settings().identity_code_key, on))
    click.echo("Demo data loaded: " + ", ".join(f"{n} {table}" for table, n in counts.items()))


@main.command("demo-people")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, help="As of a day.")
def demo_people(today: Any) -> None:
    """List the demo people a tester can sign in as, with their test identity codes."""
    from datetime import UTC, datetime

    from backend.demo.content import demo_data

    on: date = today.date() if today else datetime.now(UTC).date()
    for person in demo_data(on).people:
        code = person.identity_code or "-"
        click.echo(f"{code:<12} {person.first_name} {person.last_name} ({person.language})")
        click.echo(f"{'':<12} {person.note}")


@main.command("create-staff")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", "roles", multiple=True, required=True, help="Repeat for several roles.")
@click.option("--region", "regions", multiple=True, help="Region code; repeat for several.")
@click.option("--all-regions", is_flag=True, help="Scope: every region (head office).")
@click.option("--language", type=click.Choice(["fi", "sv", "en"]), default="fi")
def create_staff(
    email: str,
    name: str,
    roles: tuple[str, ...],
    regions: tuple[str, ...],
    all_regions: bool,
    language: str,
) -> None:
    """Provision a staff user with roles and a regional scope."""
    from backend.staff.services import create_staff_user, issue_enrolment_link

    settings = get_settings()

    async def create() -> str:
        staff_id = await create_staff_user(
            email=email,
            name=name,
            roles=roles,
            region_codes=regions,
            all_regions=all_regions,
            language=language,
        )
        return await issue_enrolment_link(
            staff_id, key=settings.secret_key, public_url=settings.public_url
        )

    link = _run(create)
    click.echo(f"Staff user {email} created. One-time passkey enrolment link (7 days):")
    click.echo(link)


@main.command("staff-enrolment-link")
@click.option("--email", required=True)
def staff_enrolment_link(email: str) -> None:
    """A new one-time passkey enrolment link for a staff user (the old one stops working)."""
    from backend.staff.services import issue_enrolment_link
    from backend.staff.tables import StaffUser

    settings = get_settings()

    async def issue() -> str:
        row = (
            await StaffUser.select(StaffUser.id)
            .where(StaffUser.email == email.strip().lower())
            .first()
        )
        if row is None:
            raise click.ClickException(f"No staff user {email}.")
        return await issue_enrolment_link(
            row["id"], key=settings.secret_key, public_url=settings.public_url
        )

    click.echo(_run(issue))


@main.command()
@click.option("--concurrency", type=int, default=None, help="Sends at once (default 64).")
@click.option("--batch", type=int, default=None, help="Rows per claim (default 1000).")
def worker(concurrency: int | None, batch: int | None) -> None:
    """Deliver web push notifications until SIGTERM or SIGINT (run several at scale)."""
    import signal

    from backend.core.db import close_database, open_database
    from backend.core.logging import configure_logging
    from backend.notifications import worker as worker_module
    from backend.notifications.worker import run_event_loop, run_worker

    settings = get_settings()
    configure_logging(settings)

    async def main() -> None:
        await open_database(settings)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        try:
            # The batch in hand finishes; its rows are released, not left to the lease.
            await run_worker(
                settings,
                stop,
                limit=batch or worker_module.BATCH_SIZE,
                concurrency=concurrency or worker_module.CONCURRENCY,
            )
        finally:
            await close_database()

    click.echo("Push worker started; stop with SIGTERM or Ctrl-C.")
    run_event_loop(main())


@main.command("vapid-keys")
def vapid_keys() -> None:
    """Print a new VAPID key pair for web push (the private key is a secret setting)."""
    from backend.notifications.vapid import generate_private_key, public_key_of

    private_key = generate_private_key()
    click.echo(f"PORTAL_VAPID_PRIVATE_KEY={private_key}")
    click.echo(f"# public key (served at /api/push/public-key): {public_key_of(private_key)}")
