"""Occupant-change rows as wire types: shared by the REST controllers and the sync pull."""

from __future__ import annotations

from typing import Any

import msgspec

from backend.occupancy.schemas import (
    OccupantChangeOut,
    OccupantOut,
    StaffOccupantChangeDetailOut,
    StaffOccupantChangeOut,
)


def occupants_out(rows: list[dict[str, Any]]) -> list[OccupantOut]:
    """The register of a home as the main tenant sees it (``services.current_occupants``)."""
    return [OccupantOut(**row) for row in rows]


def change_out(row: dict[str, Any]) -> OccupantChangeOut:
    return OccupantChangeOut(**_change_fields(row))


def _change_fields(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"],
        "lease_id": row["lease"],
        "kind": row["kind"],
        "status": row["status"],
        "details": row["payload"],
        "occupant_id": row["occupant"],
        "reported_at": row["reported_at"],
        "decided_at": row["decided_at"],
        "reason": row["reason"],
    }


def staff_change_out(row: dict[str, Any]) -> StaffOccupantChangeOut:
    return StaffOccupantChangeOut(
        **_change_fields(row),
        lease_number=row["lease_number"],
        property_name=row["property_name"],
        unit=f"{row['staircase']} {row['unit_number']}".strip(),
        reported_by=row["reported_by"],
        decided_by=row["decided_by"],
    )


def staff_change_detail_out(row: dict[str, Any]) -> StaffOccupantChangeDetailOut:
    return StaffOccupantChangeDetailOut(
        **msgspec.structs.asdict(staff_change_out(row)),
        reported_by_name=row["reported_by_name"],
        register=occupants_out(row["register"]),
    )
