"""Tables of the tickets feature: defect notifications, their photos, timeline and rating."""

from piccolo.columns import (
    UUID,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    SmallInt,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.table import Table

from backend.accounts.tables import ResidentAccount
from backend.media.tables import Blob
from backend.occupancy.tables import Lease
from backend.property.tables import Property, Unit
from backend.staff.tables import StaffUser


class Ticket(Table, tablename="ticket"):
    """A defect notification. The id comes from the client (an offline draft keeps it)."""

    id = UUID(primary_key=True)
    number = Varchar(length=20, unique=True)  # "VI-2026-000123", assigned by the server
    lease = ForeignKey(Lease, null=False, index=True)
    property = ForeignKey(Property, null=False, index=True)
    # The home for apartment categories; empty for a common area (then ``area`` is set).
    unit = ForeignKey(Unit, null=True, default=None)
    area = Varchar(length=40, null=True, default=None)
    category = Varchar(length=40)
    location = Varchar(length=200, default="")
    description = Text()
    master_key_permission = Boolean(default=False)
    contact_window = Varchar(length=200, null=True, default=None)
    pets = Boolean(default=False)
    contact_phone = Varchar(length=40)
    status = Varchar(length=30, default="received", index=True)
    assignee = ForeignKey(StaffUser, null=True, default=None, index=True)
    scheduled_start = Timestamptz(null=True, default=None)
    scheduled_end = Timestamptz(null=True, default=None)
    expected_by = Date()
    # The resident's account (empty for rows imported or loaded as demo data) and their name
    # in the register at the time of filing, which staff see.
    reported_by = ForeignKey(ResidentAccount, null=True, default=None)
    reporter_name = Varchar(length=200, default="")
    created_at = Timestamptz()
    updated_at = Timestamptz()
    # When the ticket last reached done / cancelled / rejected (the reopen window counts
    # from here); emptied when it is reopened.
    closed_at = Timestamptz(null=True, default=None)
    reject_reason = Varchar(length=1000, null=True, default=None)


class TicketNumberSequence(Table, tablename="ticket_number_sequence"):
    """The last ticket number given out per year (incremented under the row's write lock)."""

    id = UUID(primary_key=True)
    year = Integer(unique=True)
    last_number = Integer(default=0)


class TicketPhoto(Table, tablename="ticket_photo"):
    id = UUID(primary_key=True)
    ticket = ForeignKey(Ticket, null=False, index=True)
    blob = ForeignKey(Blob, null=False)
    position = SmallInt()  # 1..5
    created_at = Timestamptz()


class TicketEvent(Table, tablename="ticket_event"):
    """One line of the timeline: a status change, comment, internal note, rating or assignment."""

    id = UUID(primary_key=True)
    ticket = ForeignKey(Ticket, null=False, index=True)
    kind = Varchar(length=20)  # status_change | comment | note | rating | assignment
    actor_kind = Varchar(length=20)  # resident | staff
    actor_id = UUID(null=True, default=None)
    actor_name = Varchar(length=200, default="")
    visibility = Varchar(length=10, default="public")  # public | internal
    from_status = Varchar(length=30, null=True, default=None)
    to_status = Varchar(length=30, null=True, default=None)
    text = Text(null=True, default=None)
    created_at = Timestamptz()


class TicketRating(Table, tablename="ticket_rating"):
    id = UUID(primary_key=True)
    ticket = ForeignKey(Ticket, null=False, unique=True)
    stars = SmallInt()
    comment = Text(default="")
    rated_by = ForeignKey(ResidentAccount, null=True, default=None)  # empty in demo data
    created_at = Timestamptz()
