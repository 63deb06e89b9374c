"""Seeds a fresh database with demo-like data for ``make bench``, fast: bulk inserts.

Run as ``python -m tests.bench.seed --residents N --changed K --manifest FILE`` with the
``PORTAL_*`` settings of the database to fill (the engine is chosen at import). It migrates,
loads the real demo set (regions, staff, demo homes), then adds N residents — two adults
with accounts and passkeys per home, a child in every third — with tickets and their
timelines, message threads, news per property, and rent invoices and payments. The first K
homes get eleven tickets each (for the "10 changed rows" pull). Rows go in with COPY on
PostgreSQL and ``executemany`` on SQLite; the manifest (JSON) names the residents the
scenarios use.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import secrets
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests.bench.bulk import write_postgres, write_sqlite

UNITS_PER_PROPERTY = 50
CHANGED_TICKETS = 10  # tickets a "changed" resident comments on; one more stays closed
APARTMENT_CATEGORIES = ("kitchen", "bathroom", "rooms", "windows", "doors_locks", "ventilation")
OPEN_STATUSES = ("received", "in_progress", "waiting_for_parts")
STREETS = ("Kontulantie", "Fleminginkatu", "Meri-Rastilan tie", "Linnanrakentajantie")

Row = dict[str, Any]
TABLES = (  # in foreign-key order
    *("property", "unit", "lease", "occupant", "resident_account", "credential"),
    *("ticket", "ticket_event", "message_thread", "thread_message", "thread_read_mark"),
    *("news", "rent_invoice", "rent_payment"),
)


def _hmac(n: int) -> str:
    return hashlib.sha256(f"bench-person-{n}".encode()).hexdigest()


class Data:
    """Every generated row, table by table, in foreign-key order."""

    def __init__(self) -> None:
        self.tables: dict[str, list[Row]] = {name: [] for name in TABLES}

    def add(self, table: str, **row: Any) -> Row:
        self.tables[table].append(row)
        return row


def loc(fi: str, sv: str | None = None) -> str:
    """A localized text column's JSON (Swedish missing at times, like the demo set)."""
    return json.dumps({"fi": fi, **({"sv": sv} if sv else {})})


def _property(data: Data, n: int, region_id: uuid.UUID, now: datetime) -> uuid.UUID:
    street = STREETS[n % len(STREETS)]
    row = data.add(
        "property",
        id=uuid.uuid4(),
        region=region_id,
        code=f"bench-{n:04d}",
        name=f"As Oy Penkkitalo {n}",
        street_address=loc(f"{street} {n + 1}", f"{street} {n + 1}"),
        postal_code=f"00{900 + n % 90}",
        city=loc("Helsinki", "Helsingfors"),
        district=loc("Kontula", "Gårdsbacka"),
        year_built=1960 + n % 60,
        floors=4 + n % 5,
        heating=loc("Kaukolämpö", "Fjärrvärme"),
        description=loc("Kerrostalo lähellä metroa ja palveluita."),
        emergency_phone="+358 9 000 0201",
        maintenance_company_name="Huoltoyhtiö Oy",
        maintenance_company_phone="+358 9 000 0202",
        maintenance_company_email="huolto@example.fi",
        house_manager_name="Isännöitsijä Virtanen",
        house_manager_phone="+358 9 000 0203",
        house_manager_email="isannoitsija@example.fi",
        sauna_times=loc("Ti ja to 17–21", "Tis och tor 17–21"),
        laundry_times=loc("Ma–la 7–21"),
        waste_sorting=loc("Bio, kartonki, lasi, metalli ja seka pihan jätekatoksessa."),
        updated_at=now,
    )
    return row["id"]  # type: ignore[no-any-return]


def _tickets(
    data: Data, lease: Row, property_id: uuid.UUID, people: list[Row], count: int, staff: Any
) -> list[uuid.UUID]:
    now = datetime.now(UTC)
    ids = []
    for k in range(count):
        number = len(data.tables["ticket"]) + 1
        category = APARTMENT_CATEGORIES[number % len(APARTMENT_CATEGORIES)]
        closed = k == CHANGED_TICKETS or (count < CHANGED_TICKETS and number % 4 == 0)
        status = "done" if closed else OPEN_STATUSES[number % len(OPEN_STATUSES)]
        created = now - timedelta(days=3 + number % 40, hours=number % 24)
        reporter = people[number % len(people)]
        ticket = data.add(
            "ticket",
            id=uuid.uuid4(),
            number=f"VI-{created.year}-{500000 + number:06d}",
            lease=lease["id"],
            property=property_id,
            unit=lease["unit"],
            area=None,
            category=category,
            location="Keittiö" if category == "kitchen" else "Asunto",
            description="Hana vuotaa ja lattialle kertyy vettä." if number % 2 else "Ovi jumittaa.",
            master_key_permission=number % 3 != 0,
            contact_window=None if number % 3 != 0 else "Arkisin klo 8–12",
            pets=number % 5 == 0,
            contact_phone=f"+358 40 000 {number % 10000:04d}",
            status=status,
            assignee=staff["huolto"] if status != "received" else None,
            scheduled_start=None,
            scheduled_end=None,
            expected_by=(created + timedelta(days=14)).date(),
            reported_by=reporter["account"],
            reporter_name=reporter["name"],
            created_at=created,
            updated_at=created + timedelta(days=1),
            closed_at=created + timedelta(days=2) if closed else None,
            reject_reason=None,
        )
        ids.append(ticket["id"])
        steps: list[tuple[str, str | None, str | None, str | None, bool]] = [
            ("status_change", None, "received", None, False)
        ]
        if status != "received":
            steps.append(("status_change", "received", status, "Huoltomies käy paikalla.", True))
        if number % 2 == 0:
            steps.append(("comment", None, None, "Kiitos, olemme kotona aamupäivällä.", False))
        for index, (kind, src, dst, text, by_staff) in enumerate(steps):
            data.add(
                "ticket_event",
                id=uuid.uuid4(),
                ticket=ticket["id"],
                kind=kind,
                actor_kind="staff" if by_staff else "resident",
                actor_id=staff["huolto"] if by_staff else reporter["account"],
                actor_name="Huolto, Itä-Helsinki" if by_staff else reporter["name"],
                visibility="public",
                from_status=src,
                to_status=dst,
                text=text,
                created_at=created + timedelta(hours=index),
            )
    return ids


def _threads(data: Data, lease: Row, property_id: uuid.UUID, people: list[Row], staff: Any) -> None:
    now = datetime.now(UTC)
    for k in range(lease["n"] % 3):
        starter = people[k % len(people)]
        thread_id = uuid.uuid4()
        started = now - timedelta(days=2 + (lease["n"] + k) % 30)
        category = ("sauna", "keys", "other")[(lease["n"] + k) % 3]
        lines = [
            ("resident", starter["hmac"], starter["name"], "Hei! Voisiko tähän saada apua?"),
            ("staff", str(staff["palvelu"]), "Asiakaspalvelu, Itä-Helsinki", "Hei, hoidetaan."),
        ]
        data.add(
            "message_thread",
            id=thread_id,
            lease=lease["id"],
            property=property_id,
            category=category,
            subject=("Saunavuoro", "Lisäavain", "Kysymys")[(lease["n"] + k) % 3],
            status="answered",
            started_by=starter["hmac"],
            assigned_to=None,
            message_count=len(lines),
            staff_unread=0,
            staff_read_seq=1,
            created_at=started,
            last_message_at=started + timedelta(hours=len(lines)),
            closed_at=None,
            closed_by_kind=None,
        )
        for seq, (kind, ref, name, body) in enumerate(lines, start=1):
            data.add(
                "thread_message",
                id=uuid.uuid4(),
                thread=thread_id,
                seq=seq,
                author_kind=kind,
                author_ref=ref,
                author_name=name,
                body=body,
                created_at=started + timedelta(hours=seq),
            )
        data.add(
            "thread_read_mark",
            id=uuid.uuid5(thread_id, starter["hmac"]),  # messages.services.read_mark_id
            thread=thread_id,
            person=starter["hmac"],
            read_seq=1,
            pair_key=f"{thread_id}:{starter['hmac']}",
        )


def _rent(data: Data, lease: Row, today: date) -> None:
    from backend.rent.invoicing import invoice_row

    first = today.replace(day=1)
    months = [first]
    for _ in range(6):
        months.insert(0, (months[0] - timedelta(days=1)).replace(day=1))
    months.append((first + timedelta(days=32)).replace(day=1))
    amount = 85_000 + (lease["n"] % 12) * 5_000
    for month in months:
        invoice = invoice_row(
            lease_id=lease["id"],
            lease_number=lease["number"],
            period_start=month,
            amount_cents=amount,
        )
        if invoice["issued_on"] > today:
            continue
        data.add("rent_invoice", **invoice)
        if month <= first:
            data.add(
                "rent_payment",
                id=uuid.uuid4(),
                lease=lease["id"],
                invoice=invoice["id"],
                amount_cents=amount if lease["n"] % 17 or month < first else amount // 2,
                paid_on=min(invoice["due_date"] - timedelta(days=1), today),
                reference=invoice["reference"],
                created_at=invoice["created_at"],
            )


def generate(
    residents: int, changed: int, staff: dict[str, uuid.UUID], regions: list[uuid.UUID]
) -> tuple[Data, dict[str, Any]]:
    """Rows for ``residents`` residents (two adults per home), and the manifest."""
    data = Data()
    now = datetime.now(UTC)
    today = now.date()
    homes = max(1, residents // 2)
    manifest: dict[str, Any] = {"homes": []}
    property_id = uuid.uuid4()
    for n in range(homes):
        if n % UNITS_PER_PROPERTY == 0:
            p = n // UNITS_PER_PROPERTY
            property_id = _property(data, p, regions[p % len(regions)], now)
            for k in range(2):
                data.add(
                    "news",
                    id=uuid.uuid4(),
                    title=json.dumps({"fi": ("Pihatalkoot", "Vesikatko")[k], "sv": "Talko"}),
                    body=json.dumps({"fi": "Tervetuloa mukaan! Kahvia ja pullaa tarjolla."}),
                    audience="property",
                    region=None,
                    property=property_id,
                    publish_at=now - timedelta(days=1 + k),
                    expires_at=now + timedelta(days=10) if k else None,
                    pinned=False,
                    urgent=k == 1,
                    created_by=staff["viestinta"],
                    created_at=now - timedelta(days=2 + k),
                    updated_at=now - timedelta(days=2 + k),
                )
        unit = data.add(
            "unit",
            id=uuid.uuid4(),
            property=property_id,
            staircase="ABC"[n % 3],
            number=str(n % UNITS_PER_PROPERTY + 1),
            floor=1 + n % 6,
            rooms=("1h+kk", "2h+k", "3h+k+s")[n % 3],
            area_m2=Decimal(30 + n % 60) + Decimal("0.5"),
            has_sauna=n % 3 == 2,
        )
        starts = today - timedelta(days=200 + n % 3000)
        lease = data.add(
            "lease",
            id=uuid.uuid4(),
            number=f"VS-{2000 + n % 25}-{10000 + n:05d}",
            unit=unit["id"],
            signed_on=starts - timedelta(days=30),
            starts_on=starts,
            ends_on=None,
        )
        people = []
        for role in ("main_tenant", "co_tenant"):
            person_n = 2 * n + (role == "co_tenant")
            name = (f"Asukas{person_n}", ("Virtanen", "Korhonen", "Nieminen")[n % 3])
            occupant = data.add(
                "occupant",
                id=uuid.uuid4(),
                lease=lease["id"],
                first_name=name[0],
                last_name=name[1],
                birth_date=date(1950 + person_n % 50, 1 + n % 12, 1 + n % 28),
                identity_code_hmac=_hmac(person_n),
                role=role,
                moved_in_on=starts,
                moved_out_on=None,
            )
            account = data.add(
                "resident_account",
                id=uuid.uuid4(),
                identity_code_hmac=occupant["identity_code_hmac"],
                user_handle=secrets.token_urlsafe(32),
                email=f"asukas{person_n}@example.fi",
                phone=f"+358 40 {person_n:07d}",
                language=("fi", "fi", "fi", "sv", "en")[person_n % 5],
                password_hash=None,
                password_enabled=False,
                sessions_valid_after=None,
                created_at=now - timedelta(days=30),
                last_login_at=None,
                refund_iban=None,
                notification_preferences="{}",
            )
            credential = data.add(
                "credential",
                id=uuid.uuid4(),
                credential_id=secrets.token_urlsafe(32),
                public_key=secrets.token_urlsafe(77),
                sign_count=0,
                transports='["internal", "hybrid"]',
                resident_account=account["id"],
                staff_user=None,
                name="Puhelin",
                backed_up=True,
                created_at=now - timedelta(days=30),
                last_used_at=None,
                revoked_at=None,
            )
            people.append(
                {
                    "account": account["id"],
                    "credential": credential["id"],
                    "hmac": occupant["identity_code_hmac"],
                    "name": " ".join(name),
                }
            )
        if n % 3 == 0:  # a child: in the register, no account
            data.add(
                "occupant",
                id=uuid.uuid4(),
                lease=lease["id"],
                first_name="Lapsi",
                last_name=people[0]["name"].split()[1],
                birth_date=today - timedelta(days=365 * 9),
                identity_code_hmac=None,
                role="occupant",
                moved_in_on=starts,
                moved_out_on=None,
            )
        count = CHANGED_TICKETS + 1 if n < changed else n % 4
        row = {**lease, "n": n}
        tickets = _tickets(data, row, property_id, people, count, staff)
        _threads(data, row, property_id, people, staff)
        _rent(data, row, today)
        manifest["homes"].append(
            {
                "leaseId": str(lease["id"]),
                "accounts": [str(person["account"]) for person in people],
                "tickets": [str(t) for t in tickets[:CHANGED_TICKETS]] if n < changed else [],
            }
        )
    return data, manifest


async def seed(residents: int, changed: int) -> dict[str, Any]:
    from backend.core.db import close_database, open_database
    from backend.core.migrate import migrate
    from backend.demo.content_places import CENTRAL_WEST, EAST
    from backend.demo.loader import demo_id, load_demo_data
    from backend.settings import get_settings

    settings = get_settings()
    started = time.perf_counter()
    await migrate(quiet=True)
    await open_database(settings)
    try:
        await load_demo_data(settings.identity_code_key)
    finally:
        await close_database()
    staff = {
        "huolto": demo_id("staff", "huolto.ita@example.fi"),
        "palvelu": demo_id("staff", "asiakaspalvelu.ita@example.fi"),
        "viestinta": demo_id("staff", "viestinta@example.fi"),
    }
    regions = [demo_id("region", EAST), demo_id("region", CENTRAL_WEST)]
    data, manifest = generate(residents, changed, staff, regions)
    if settings.is_sqlite:
        write_sqlite(settings.sqlite_path, data.tables)
    else:
        await write_postgres(settings.effective_database_url, data.tables)
    manifest["counts"] = {table: len(rows) for table, rows in data.tables.items()}
    manifest["seconds"] = time.perf_counter() - started
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--residents", type=int, required=True)
    parser.add_argument("--changed", type=int, default=0)
    parser.add_argument("--manifest", type=Path, required=True)
    args = parser.parse_args()
    manifest = asyncio.run(seed(args.residents, args.changed))
    args.manifest.write_text(json.dumps(manifest))


if __name__ == "__main__":
    main()
