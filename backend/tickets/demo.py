"""Demo defect notifications: a handful per household, in every status, with timelines.

Numbers come from a range of their own (``VI-<year>-9000nn``) so they never meet the numbers
the server gives out; dates are relative to the day of loading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from backend.core.db import DB
from backend.demo.content_places import KALLIO, KONTULA, VUOSAARI
from backend.demo.loader import demo_id, upsert_rows
from backend.tickets.categories import CATEGORY_BY_CODE
from backend.tickets.tables import Ticket, TicketEvent, TicketRating

HUOLTO_ITA = "huolto.ita@example.fi"
PALVELU_ITA = "asiakaspalvelu.ita@example.fi"
PALVELU_KESKUSTA = "asiakaspalvelu.keskusta@example.fi"
STAFF_NAMES = {
    HUOLTO_ITA: "Huolto, Itä-Helsinki",
    PALVELU_ITA: "Asiakaspalvelu, Itä-Helsinki",
    PALVELU_KESKUSTA: "Asiakaspalvelu, Keskusta ja länsi",
}


@dataclass(frozen=True)
class Step:
    """A timeline line, ``days_ago`` (fractions allowed) before loading."""

    days_ago: float
    kind: str
    to_status: str | None = None
    text: str | None = None
    staff: str | None = None  # staff e-mail; a resident line otherwise
    internal: bool = False


@dataclass(frozen=True)
class DemoTicket:
    key: str
    number: int
    lease: str
    property_key: str
    unit: tuple[str, str] | None
    reporter: str
    category: str
    location: str
    description: str
    steps: tuple[Step, ...]
    master_key: bool = True
    contact_window: str | None = None
    pets: bool = False
    assignee: str | None = None
    visit_in_days: int | None = None
    reject_reason: str | None = None
    rating: tuple[int, str] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


LAINE, KOSKINEN, LINDSTROM, CLARKE = (
    "VS-2019-00418",
    "VS-2022-00862",
    "VS-2018-00541",
    ("VS-2023-01190"),
)

TICKETS = (
    DemoTicket(
        "laine-shower",
        1,
        LAINE,
        KONTULA,
        ("B", "36"),
        "Mikko Laine",
        "bathroom",
        "Kylpyhuone",
        "Suihkun hana tippuu jatkuvasti, myös kun se on kiinni.",
        (
            Step(3, "status_change", "received"),
            Step(
                2.8, "status_change", "in_progress", "Huoltomies käy katsomassa hanan.", HUOLTO_ITA
            ),
            Step(
                2.7,
                "note",
                None,
                "Todennäköisesti tiiviste; varaosa autossa.",
                HUOLTO_ITA,
                internal=True,
            ),
        ),
        pets=True,
        assignee=HUOLTO_ITA,
    ),
    DemoTicket(
        "laine-dishwasher",
        2,
        LAINE,
        KONTULA,
        ("B", "36"),
        "Anna Laine",
        "appliances",
        "Keittiö",
        "Astianpesukone ei tyhjennä vettä pesun jälkeen.",
        (
            Step(5, "status_change", "received"),
            Step(4, "status_change", "scheduled", "Tulemme torstaina klo 9–12.", PALVELU_ITA),
            Step(3.5, "comment", None, "Sopii, olemme kotona."),
        ),
        master_key=False,
        contact_window="Arkisin klo 8–12",
        assignee=HUOLTO_ITA,
        visit_in_days=2,
    ),
    DemoTicket(
        "laine-laundry",
        3,
        LAINE,
        KONTULA,
        None,
        "Mikko Laine",
        "laundry_room",
        "Pesutupa, kone 2",
        "Pesukone 2 ei käynnisty, näytössä virhekoodi E21.",
        (Step(1, "status_change", "received"),),
    ),
    DemoTicket(
        "laine-window",
        4,
        LAINE,
        KONTULA,
        ("B", "36"),
        "Eetu Laine",
        "windows",
        "Makuuhuone",
        "Ikkunan tiiviste on irti ja ikkunasta vetää.",
        (
            Step(20, "status_change", "received"),
            Step(18, "status_change", "in_progress", None, HUOLTO_ITA),
            Step(4, "status_change", "done", "Tiiviste vaihdettu.", HUOLTO_ITA),
        ),
        assignee=HUOLTO_ITA,
    ),
    DemoTicket(
        "laine-balcony",
        5,
        LAINE,
        KONTULA,
        ("B", "36"),
        "Mikko Laine",
        "balcony",
        "Parveke",
        "Parvekkeen lattiakaivo on tukossa, vesi jää lammikoksi.",
        (
            Step(45, "status_change", "received"),
            Step(40, "status_change", "done", "Kaivo puhdistettu.", HUOLTO_ITA),
            Step(39, "rating", None, "4/5: Hyvin hoidettu."),
        ),
        rating=(4, "Hyvin hoidettu."),
    ),
    DemoTicket(
        "koskinen-ventilation",
        6,
        KOSKINEN,
        VUOSAARI,
        ("A", "6"),
        "Ville Koskinen",
        "ventilation",
        "Kylpyhuone",
        "Kylpyhuoneen poistoilma ei vedä, peili huurtuu.",
        (
            Step(9, "status_change", "received"),
            Step(
                7,
                "status_change",
                "waiting_for_parts",
                "Puhallin on rikki; uusi on tilattu.",
                HUOLTO_ITA,
            ),
            Step(7, "note", None, "Toimitus tukusta n. 2 viikkoa.", HUOLTO_ITA, internal=True),
        ),
        assignee=HUOLTO_ITA,
    ),
    DemoTicket(
        "lindstrom-lock",
        7,
        LINDSTROM,
        KALLIO,
        ("A", "12"),
        "Henrik Lindström",
        "doors_locks",
        "Ytterdörren",
        "Ytterdörrens lås kärvar och nyckeln går trögt att vrida.",
        (Step(0.5, "status_change", "received"),),
        master_key=False,
        contact_window="Vardagar efter kl. 16",
    ),
    DemoTicket(
        "clarke-fridge",
        8,
        CLARKE,
        VUOSAARI,
        ("B", "15"),
        "Emily Clarke",
        "appliances",
        "Kitchen",
        "The freezer compartment does not get cold.",
        (
            Step(12, "status_change", "received"),
            Step(
                11,
                "status_change",
                "rejected",
                "Jääkaappi on asukkaan oma, joten sen korjaus ei kuulu huoltoon.",
                PALVELU_ITA,
            ),
        ),
        reject_reason="Jääkaappi on asukkaan oma, joten sen korjaus ei kuulu huoltoon.",
    ),
)


def _rows(ticket: DemoTicket, today: date) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    noon = datetime.combine(today, time(10), tzinfo=UTC)
    created = noon - timedelta(days=ticket.steps[0].days_ago)
    updated = noon - timedelta(days=ticket.steps[-1].days_ago)
    status = next(s.to_status for s in reversed(ticket.steps) if s.to_status)
    ticket_id = demo_id("ticket", ticket.key)
    visit = (
        datetime.combine(today + timedelta(days=ticket.visit_in_days), time(7), tzinfo=UTC)
        if ticket.visit_in_days is not None
        else None
    )
    common = CATEGORY_BY_CODE[ticket.category].common_area
    row = {
        "id": ticket_id,
        "number": f"VI-{created.year}-{900000 + ticket.number:06d}",
        "lease": demo_id("lease", ticket.lease),
        "property": demo_id("property", ticket.property_key),
        "unit": demo_id("unit", ticket.property_key, *ticket.unit) if ticket.unit else None,
        "area": ticket.category if common else None,
        "category": ticket.category,
        "location": ticket.location,
        "description": ticket.description,
        "master_key_permission": ticket.master_key,
        "contact_window": ticket.contact_window,
        "pets": ticket.pets,
        "contact_phone": "+358 40 000 0" + f"{100 + ticket.number}",
        "status": status,
        "assignee": demo_id("staff", ticket.assignee) if ticket.assignee else None,
        "scheduled_start": visit,
        "scheduled_end": visit + timedelta(hours=3) if visit else None,
        "expected_by": created.date()
        + timedelta(days=CATEGORY_BY_CODE[ticket.category].expected_days),
        "reported_by": None,
        "reporter_name": ticket.reporter,
        "created_at": created,
        "updated_at": updated,
        "closed_at": updated if status in ("done", "rejected", "cancelled") else None,
        "reject_reason": ticket.reject_reason,
    }
    events = []
    previous: str | None = None
    for index, step in enumerate(ticket.steps):
        events.append(
            {
                "id": demo_id("ticket-event", ticket.key, str(index)),
                "ticket": ticket_id,
                "kind": step.kind,
                "actor_kind": "staff" if step.staff else "resident",
                "actor_id": demo_id("staff", step.staff) if step.staff else None,
                "actor_name": STAFF_NAMES[step.staff] if step.staff else ticket.reporter,
                "visibility": "internal" if step.internal else "public",
                "from_status": previous if step.to_status else None,
                "to_status": step.to_status,
                "text": step.text,
                "created_at": noon - timedelta(days=step.days_ago),
            }
        )
        previous = step.to_status or previous
    return row, events


async def load_demo(today: date) -> dict[str, int]:
    tickets: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    ratings: list[dict[str, Any]] = []
    for ticket in TICKETS:
        row, timeline = _rows(ticket, today)
        tickets.append(row)
        events.extend(timeline)
        if ticket.rating:
            ratings.append(
                {
                    "id": demo_id("ticket-rating", ticket.key),
                    "ticket": row["id"],
                    "stars": ticket.rating[0],
                    "comment": ticket.rating[1],
                    "rated_by": None,
                    "created_at": row["updated_at"],
                }
            )
    async with DB.transaction():
        await upsert_rows(Ticket, tickets)
        await upsert_rows(TicketEvent, events)
        await upsert_rows(TicketRating, ratings)
    return {"ticket": len(tickets), "ticket_event": len(events), "ticket_rating": len(ratings)}
