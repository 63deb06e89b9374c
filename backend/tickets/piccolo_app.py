"""Piccolo app config: the tickets tables and their migrations in migrations/tickets/."""

from typing import Any

from piccolo.conf.apps import AppConfig

from backend.core.db import MIGRATIONS_ROOT
from backend.tickets.tables import (
    Ticket,
    TicketEvent,
    TicketNumberSequence,
    TicketPhoto,
    TicketRating,
)

TABLES: list[Any] = [Ticket, TicketNumberSequence, TicketPhoto, TicketEvent, TicketRating]

APP_CONFIG = AppConfig(
    app_name="tickets",
    migrations_folder_path=str(MIGRATIONS_ROOT / "tickets"),
    table_classes=TABLES,
    migration_dependencies=[
        "backend.accounts.piccolo_app",
        "backend.media.piccolo_app",
        "backend.occupancy.piccolo_app",
        "backend.property.piccolo_app",
        "backend.staff.piccolo_app",
    ],
    commands=[],
)
