"""Tables of the sync protocol.

The client-view record (CVR) is kept compact: one ``ClientView`` row per pull answered,
holding the whole map ``key → version`` (a short hash of the serialized value) and the
``lastMutationId`` of every client of the group at that moment. A pull diffs the view of
now against the row of the client's cookie; only the last few rows per group are kept
(``sync.pull.KEPT_VIEWS``), an older or unknown cookie gets ``clear`` and the full state.
"""

from piccolo.columns import JSON, UUID, ForeignKey, Integer, Timestamptz, Varchar
from piccolo.table import Table

from backend.accounts.tables import ResidentAccount
from backend.media.tables import MediaBlob
from backend.tickets.tables import Ticket

# The newest rejected mutations of a group that are kept (and shown by the pull, so a client
# learns of a rejection even when the push's response was lost); older ones are pruned.
KEPT_REJECTIONS = 50


class ClientGroup(Table, tablename="sync_client_group"):
    """One browser profile's IndexedDB; it belongs to the account that used it first."""

    id = Varchar(length=64, primary_key=True)
    account = ForeignKey(ResidentAccount, null=False, index=True)
    created_at = Timestamptz()
    last_cookie = Integer(default=0)  # the last cookie answered; cookies only grow


class SyncClient(Table, tablename="sync_client"):
    """One tab (Replicache's client) of a group, with the last mutation applied from it."""

    id = Varchar(length=64, primary_key=True)
    client_group = ForeignKey(ClientGroup, null=False, index=True)
    last_mutation_id = Integer(default=0)


class RejectedMutation(Table, tablename="sync_rejected_mutation"):
    """A mutation refused for good (validation, access): the client shows why."""

    id = UUID(primary_key=True)
    client = ForeignKey(SyncClient, null=False, index=True)
    mutation_id = Integer()
    name = Varchar(length=64)
    problem = JSON()
    created_at = Timestamptz()


class ClientView(Table, tablename="sync_client_view"):
    """The client-view record answered with one cookie: ``{key: version}`` and the
    ``lastMutationId`` of each client of the group then (``{client id: id}``)."""

    id = UUID(primary_key=True)
    client_group = ForeignKey(ClientGroup, null=False, index=True)
    cookie = Integer()
    versions = JSON()
    last_mutation_ids = JSON()
    created_at = Timestamptz()


class ClientBlob(Table, tablename="sync_client_blob"):
    """A photo a client uploaded, by the hash of the bytes it sent. The media service
    re-encodes photos (no EXIF), so the stored blob has another hash; this maps one to the
    other. The id is ``uuid5(account, sha256)``: one row per uploader and upload."""

    id = UUID(primary_key=True)
    account = ForeignKey(ResidentAccount, null=False, index=True)
    sha256 = Varchar(length=64)
    blob = ForeignKey(MediaBlob, null=False)
    created_at = Timestamptz()


class PendingPhoto(Table, tablename="sync_pending_photo"):
    """A photo a mutation attached to a ticket before its bytes arrived; attached (and
    deleted) when the blob is uploaded. The id is ``uuid5(ticket, sha256)``."""

    id = UUID(primary_key=True)
    ticket = ForeignKey(Ticket, null=False, index=True)
    account = ForeignKey(ResidentAccount, null=False, index=True)
    sha256 = Varchar(length=64, index=True)
    created_at = Timestamptz()
