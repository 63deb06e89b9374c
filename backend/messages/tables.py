"""Message threads between residents and customer service, and who has read what.

A thread belongs to one lease (and, through its unit, to one property, stored on the thread
so that the staff inbox can filter and scope by region without joining through the lease).
Messages are numbered per thread (``seq``); read state is "the highest seq I have seen",
so unread counts never depend on clocks that tie.
"""

from piccolo.columns import UUID, ForeignKey, Integer, Text, Timestamptz, Varchar
from piccolo.table import Table

from backend.media.tables import MediaBlob
from backend.occupancy.tables import Lease
from backend.property.tables import Property
from backend.staff.tables import StaffUser


class MessageThread(Table, tablename="message_thread"):
    id = UUID(primary_key=True)
    lease = ForeignKey(Lease, null=False, index=True)
    property = ForeignKey(Property, null=False, index=True)
    category = Varchar(length=40, index=True)
    subject = Varchar(length=200)
    status = Varchar(length=20, index=True)  # open | answered | closed
    # The person who started it, by identity-code HMAC (as in the register): a person, not
    # an account, so that threads survive a re-created account and demo data needs none.
    started_by = Varchar(length=64, index=True)
    assigned_to = ForeignKey(StaffUser, null=True, default=None)
    # The seq of the newest message; bumped with an UPDATE, which also serializes writers.
    message_count = Integer(default=0)
    # The staff side is one shared inbox: resident messages no staff user has opened yet.
    staff_unread = Integer(default=0)
    staff_read_seq = Integer(default=0)
    created_at = Timestamptz()
    last_message_at = Timestamptz(index=True)
    closed_at = Timestamptz(null=True, default=None)
    closed_by_kind = Varchar(length=20, null=True, default=None)  # resident | staff


class ThreadMessage(Table, tablename="thread_message"):
    id = UUID(primary_key=True)
    thread = ForeignKey(MessageThread, null=False, index=True)
    seq = Integer()
    author_kind = Varchar(length=20)  # resident | staff
    # The resident's identity-code HMAC, or the StaffUser id (as text), by author_kind.
    author_ref = Varchar(length=64)
    # The name as it was when the message was written (names in the register change).
    author_name = Varchar(length=200)
    body = Text()
    created_at = Timestamptz()


class ThreadReadMark(Table, tablename="thread_read_mark"):
    """How far one resident has read one thread (residents read per person)."""

    id = UUID(primary_key=True)
    thread = ForeignKey(MessageThread, null=False, index=True)
    person = Varchar(length=64, index=True)  # identity-code HMAC
    read_seq = Integer(default=0)
    # Marks one (thread, person) pair; unique so that two devices cannot add two marks.
    pair_key = Varchar(length=120, unique=True)


class MessageAttachment(Table, tablename="message_attachment"):
    """A photo or PDF attached to one message (at most ``MAX_ATTACHMENTS`` per message)."""

    id = UUID(primary_key=True)
    thread = ForeignKey(MessageThread, null=False, index=True)
    message = ForeignKey(ThreadMessage, null=False, index=True)
    blob = ForeignKey(MediaBlob, null=False)
    position = Integer()
    created_at = Timestamptz()
