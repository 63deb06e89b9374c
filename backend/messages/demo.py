"""Demo threads: a few conversations between demo residents and customer service.

Residents are referred to by their register entry (lease number + person key of
``backend.demo.content_people``), whose identity-code HMAC the main loader has just stored;
staff by e-mail. Times are relative to the day the set is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from uuid import UUID

from backend.demo.loader import demo_id, upsert_rows
from backend.messages.categories import ThreadStatus
from backend.messages.services import read_mark_id
from backend.messages.tables import MessageThread, ThreadMessage, ThreadReadMark
from backend.occupancy.tables import Lease, Occupant
from backend.staff.tables import StaffUser


@dataclass(frozen=True)
class Line:
    days_ago: int
    at: time
    author: str  # a person key of the lease, or a staff e-mail
    body: str


@dataclass(frozen=True)
class DemoThread:
    key: str
    lease_number: str
    category: str
    subject: str
    lines: tuple[Line, ...]
    closed: bool = False
    # People who have read the whole thread (the others see the staff replies as unread).
    read_by: tuple[str, ...] = ()


KAISA = "asiakaspalvelu.ita@example.fi"
JOHANNA = "asiakaspalvelu.keskusta@example.fi"
LAINE = "VS-2019-00418"

THREADS = (
    DemoThread(
        "laine-sauna",
        LAINE,
        "sauna",
        "Oma saunavuoro torstaisin",
        (
            Line(
                9,
                time(18, 12),
                "main_tenant",
                "Hei! Haluaisimme varata B-portaan talosaunasta oman vakiovuoron torstaisin "
                "klo 19–20, jos se on vapaana. Terveisin Mikko Laine, B 36",
            ),
            Line(
                8,
                time(9, 40),
                KAISA,
                "Hei Mikko, torstain klo 19–20 vuoro on vapaa, ja varasin sen teille ensi "
                "viikosta alkaen. Saunavuoron hinta lisätään vuokralaskulle. Ystävällisin "
                "terveisin Kaisa / asiakaspalvelu",
            ),
        ),
        read_by=("main_tenant",),
    ),
    DemoThread(
        "laine-disturbance",
        LAINE,
        "disturbance",
        "Yöllistä meteliä B-portaassa",
        (
            Line(
                2,
                time(7, 55),
                "co_tenant",
                "Yläkerran asunnosta (B 39) on kuulunut kovaa musiikkia ja kolinaa useana "
                "yönä viime viikolla, viimeksi lauantaina klo 1–3. Olemme yrittäneet puhua "
                "naapurin kanssa, mutta tilanne ei ole muuttunut.",
            ),
        ),
        read_by=("co_tenant",),
    ),
    DemoThread(
        "laine-keys",
        LAINE,
        "keys",
        "Lisäavain",
        (
            Line(
                40,
                time(16, 5),
                "adult_occupant",
                "Hei, tarvitsisin oman avaimen kotiovelle. Miten sen voi tilata?",
            ),
            Line(
                39,
                time(10, 20),
                KAISA,
                "Hei Eetu, lisäavaimen tilaa vuokrasopimuksen allekirjoittaja, eli Mikko "
                "tai Anna voi tilata sen huoltoyhtiöltä. Avain maksaa 35 €.",
            ),
            Line(38, time(19, 2), "adult_occupant", "Selvä, kiitos!"),
        ),
        closed=True,
        read_by=("adult_occupant",),
    ),
    DemoThread(
        "lindstrom-parking",
        "VS-2018-00541",
        "parking",
        "Bilplats på gården",
        (
            Line(
                5,
                time(12, 30),
                "swedish",
                "Hej! Vi har fått en bil och skulle vilja hyra en bilplats med eluttag på "
                "gården. Finns det lediga platser? Hälsningar Henrik Lindström, A 12",
            ),
            Line(
                4,
                time(14, 10),
                JOHANNA,
                "Hej Henrik! Det finns just nu inga lediga platser med eluttag, men vi har "
                "satt er i kö. Kön är ungefär tre månader. Vänliga hälsningar Johanna / "
                "kundtjänst",
            ),
            Line(
                1,
                time(8, 45),
                "swedish",
                "Tack! Går det att hyra en plats utan eluttag under tiden?",
            ),
        ),
        read_by=("swedish",),
    ),
    DemoThread(
        "clarke-other",
        "VS-2023-01190",
        "other",
        "Bicycle storage",
        (
            Line(
                12,
                time(20, 15),
                "english",
                "Hello, where can I store my bicycle during the winter? The yard racks are "
                "full. Thank you, Emily Clarke (B 15)",
            ),
            Line(
                11,
                time(11, 0),
                KAISA,
                "Hello Emily, there is a bicycle storage room in the basement of staircase "
                "A; your door key opens it. Best regards, Kaisa / customer service",
            ),
        ),
    ),
)


def _at(today: date, line: Line) -> datetime:
    return datetime.combine(today - timedelta(days=line.days_ago), line.at, UTC)


async def _people(lease_number: str, keys: set[str]) -> dict[str, dict[str, Any]]:
    ids = {demo_id("occupant", lease_number, key): key for key in keys}
    rows = await Occupant.select(
        Occupant.id, Occupant.identity_code_hmac, Occupant.first_name, Occupant.last_name
    ).where(Occupant.id.is_in(list(ids)))
    return {ids[row["id"]]: row for row in rows}


async def load_demo(today: date) -> dict[str, int]:
    threads: list[dict[str, Any]] = []
    messages: list[dict[str, Any]] = []
    marks: list[dict[str, Any]] = []
    staff_rows = await StaffUser.select(StaffUser.id, StaffUser.name, StaffUser.email)
    staff = {row["email"]: row for row in staff_rows}
    counts = await MessageThread.select(MessageThread.id, MessageThread.message_count).where(
        MessageThread.id.is_in(thread_ids())
    )
    in_use = {row["id"] for row in counts if row["message_count"] > _lines_of(row["id"])}
    for demo in THREADS:
        if demo_id("message_thread", demo.key) in in_use:
            continue  # someone has written in it since: refreshing would renumber messages
        lease_id = demo_id("lease", demo.lease_number)
        lease: Any = Lease
        place = (
            await Lease.select(lease.unit.property.id.as_alias("property_id"))
            .where(Lease.id == lease_id)
            .first()
        )
        keys = {line.author for line in demo.lines if line.author not in staff}
        people = await _people(demo.lease_number, keys | set(demo.read_by))
        if place is None or len(people) < len(keys | set(demo.read_by)):
            continue  # the base set is not loaded (or changed): nothing to hang threads on
        thread_id = demo_id("message_thread", demo.key)
        last_staff_seq = 0
        for seq, line in enumerate(demo.lines, start=1):
            by_staff = line.author in staff
            if by_staff:
                last_staff_seq = seq
                author = staff[line.author]
                ref, name = str(author["id"]), author["name"]
            else:
                person = people[line.author]
                ref = person["identity_code_hmac"]
                name = f"{person['first_name']} {person['last_name']}"
            messages.append(
                {
                    "id": demo_id("thread_message", demo.key, str(seq)),
                    "thread": thread_id,
                    "seq": seq,
                    "author_kind": "staff" if by_staff else "resident",
                    "author_ref": ref,
                    "author_name": name,
                    "body": line.body,
                    "created_at": _at(today, line),
                }
            )
        count = len(demo.lines)
        last = demo.lines[-1]
        status = ThreadStatus.ANSWERED if last.author in staff else ThreadStatus.OPEN
        threads.append(
            {
                "id": thread_id,
                "lease": lease_id,
                "property": place["property_id"],
                "category": demo.category,
                "subject": demo.subject,
                "status": (ThreadStatus.CLOSED if demo.closed else status).value,
                "started_by": people[demo.lines[0].author]["identity_code_hmac"],
                "assigned_to": None,
                "message_count": count,
                "staff_unread": 0 if demo.closed else count - last_staff_seq,
                "staff_read_seq": count if demo.closed else last_staff_seq,
                "created_at": _at(today, demo.lines[0]),
                "last_message_at": _at(today, last),
                "closed_at": _at(today, last) + timedelta(hours=1) if demo.closed else None,
                "closed_by_kind": "resident" if demo.closed else None,
            }
        )
        for key in demo.read_by:
            person_ref = people[key]["identity_code_hmac"]
            marks.append(
                {
                    "id": read_mark_id(thread_id, person_ref),
                    "thread": thread_id,
                    "person": person_ref,
                    "read_seq": count,
                    "pair_key": f"{thread_id}:{person_ref}",
                }
            )
    await upsert_rows(MessageThread, threads)
    await upsert_rows(ThreadMessage, messages)
    await upsert_rows(ThreadReadMark, marks)
    return {
        MessageThread._meta.tablename: len(threads),
        ThreadMessage._meta.tablename: len(messages),
        ThreadReadMark._meta.tablename: len(marks),
    }


def _lines_of(thread_id: UUID) -> int:
    return next(len(d.lines) for d in THREADS if demo_id("message_thread", d.key) == thread_id)


def thread_ids() -> list[UUID]:
    return [demo_id("message_thread", demo.key) for demo in THREADS]
