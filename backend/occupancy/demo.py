"""Demo occupant-change reports waiting for staff, one in each region: a relative moving in
with the Laine family (East Helsinki) and a baby born to Jenni Rantanen and Arttu Saarinen
(Central and West).

Reports are inserted once and never overwritten, so a demo approval or rejection stays
decided when the demo data is loaded again.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from backend.core import clock
from backend.demo.loader import demo_id, upsert_rows
from backend.occupancy.tables import OccupantChange


def rows(today: date) -> list[dict[str, Any]]:
    now = clock.now()
    return [
        {
            "id": demo_id("occupant-change", "VS-2019-00418", "move_in"),
            "lease": demo_id("lease", "VS-2019-00418"),
            "kind": "move_in",
            "payload": {
                "firstName": "Kaarina",
                "lastName": "Virtanen",
                "birthDate": "1952-03-14",
                "movesInOn": str(today + timedelta(days=14)),
            },
            "status": "pending",
            # Demo residents have no accounts until they register: a fixed stand-in id.
            "reported_by": demo_id("resident-account", "main_tenant"),
            "reported_at": now - timedelta(days=2),
            "occupant": None,
        },
        {
            "id": demo_id("occupant-change", "VS-2021-00976", "birth"),
            "lease": demo_id("lease", "VS-2021-00976"),
            "kind": "birth",
            "payload": {
                "firstName": "Helmi",
                "lastName": "Saarinen",
                "birthDate": str(today - timedelta(days=9)),
            },
            "status": "pending",
            "reported_by": demo_id("resident-account", "couple_main"),
            "reported_at": now - timedelta(days=1),
            "occupant": None,
        },
    ]


async def load_demo(today: date) -> dict[str, int]:
    wanted = rows(today)
    existing = {
        row["id"]
        for row in await OccupantChange.select(OccupantChange.id).where(
            OccupantChange.id.is_in([row["id"] for row in wanted])
        )
    }
    await upsert_rows(OccupantChange, [row for row in wanted if row["id"] not in existing])
    return {"occupant_change": len(wanted)}
