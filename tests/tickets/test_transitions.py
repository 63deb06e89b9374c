"""The lifecycle table, checked for every actor × from × to against the rules as written
in the issue (an independent spelling of them, not a copy of the table)."""

from __future__ import annotations

import itertools

import pytest

from backend.tickets.transitions import ACTORS, STATUSES, may_transition

OPEN = {"received", "in_progress", "scheduled", "waiting_for_parts"}


def expected(actor: str, current: str, target: str) -> bool:
    if actor == "resident":
        # Cancel only while received; reopen done work (→ in progress).
        return (current, target) in {("received", "cancelled"), ("done", "in_progress")}
    if current not in OPEN:
        return False  # done, cancelled and rejected are final for staff
    if target == "rejected":
        return True
    if target == "done":
        return True
    if target == "scheduled":
        return True  # scheduled → scheduled agrees on a new visit window
    if target in ("in_progress", "waiting_for_parts"):
        return target != current
    return False  # received and cancelled are never a staff target


@pytest.mark.parametrize(
    ("actor", "current", "target"), list(itertools.product(ACTORS, STATUSES, STATUSES))
)
def test_every_transition(actor: str, current: str, target: str) -> None:
    assert may_transition(actor, current, target) is expected(actor, current, target)  # type: ignore[arg-type]


def test_the_table_covers_the_lifecycle() -> None:
    assert len(ACTORS) * len(STATUSES) ** 2 == 98
    assert STATUSES == (
        "received",
        "in_progress",
        "scheduled",
        "waiting_for_parts",
        "done",
        "cancelled",
        "rejected",
    )
