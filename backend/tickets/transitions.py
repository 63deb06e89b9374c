"""The ticket lifecycle as one table: who may move a ticket from which status to which.

    received → in_progress → scheduled (a visit window) / waiting_for_parts → done
    received → cancelled (the resident, only while nobody has started)
    any open status → rejected (staff, with a reason)
    done → in_progress (the resident reopens, within 14 days of done)

A reopened ticket goes back to ``in_progress``, not ``received``: the work is already known
to the person who did it (the assignee is kept), and the resident's complaint is about that
work, not a new defect to be triaged again. Staff may move ``scheduled → scheduled`` to agree
on a new visit window.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Literal, get_args

Status = Literal[
    "received", "in_progress", "scheduled", "waiting_for_parts", "done", "cancelled", "rejected"
]
Actor = Literal["resident", "staff"]
STATUSES: tuple[Status, ...] = get_args(Status)
ACTORS: tuple[Actor, ...] = get_args(Actor)
OPEN_STATUSES: frozenset[Status] = frozenset(
    {"received", "in_progress", "scheduled", "waiting_for_parts"}
)
CLOSED_STATUSES: frozenset[Status] = frozenset({"done", "cancelled", "rejected"})
REOPEN_WITHIN = timedelta(days=14)

ALLOWED: dict[tuple[Actor, Status], frozenset[Status]] = {
    ("staff", "received"): frozenset(
        {"in_progress", "scheduled", "waiting_for_parts", "done", "rejected"}
    ),
    ("staff", "in_progress"): frozenset({"scheduled", "waiting_for_parts", "done", "rejected"}),
    ("staff", "scheduled"): frozenset(
        {"in_progress", "scheduled", "waiting_for_parts", "done", "rejected"}
    ),
    ("staff", "waiting_for_parts"): frozenset({"in_progress", "scheduled", "done", "rejected"}),
    ("resident", "received"): frozenset({"cancelled"}),
    ("resident", "done"): frozenset({"in_progress"}),
}


def may_transition(actor: Actor, current: Status, target: Status) -> bool:
    """Whether ``actor`` may move a ticket from ``current`` to ``target`` (time rules such as
    the 14-day reopen window are checked by the service, which knows the dates)."""
    return target in ALLOWED.get((actor, current), frozenset())
