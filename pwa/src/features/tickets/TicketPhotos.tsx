import { useEffect, useState } from "preact/hooks";
import { t, tf } from "../../i18n/t";
import type { SyncClient } from "../../offline";
import type { PendingPhotoRow, TicketPhoto } from "../../offline/views";
import { useRows } from "../../state/sync";
import { addPhotos, localPreview } from "./photos";
import { rejectionsFor, TicketRejections } from "./TicketRejections";
import { isClosed, LIMITS, type ShownTicket } from "./ticketModel";

/** The resident's route for a ticket photo (backend/tickets/controllers.py). */
export function photoUrl(ticketId: string, photoId: string, thumbnail = false): string {
  const base = `/api/tickets/${encodeURIComponent(ticketId)}/photos/${encodeURIComponent(photoId)}`;
  return thumbnail ? `${base}/thumbnail` : base;
}

/** Hashes of photos not on the server yet: `ticketPhoto/…` rows (the server's and our
 * queued ones, through the optimistic overlay) and a pending ticket's own. */
function usePendingHashes(ticket: ShownTicket): string[] {
  const rows = useRows<PendingPhotoRow>(`ticketPhoto/${ticket.id}/`);
  const fromTicket = ((ticket.photos ?? []) as unknown[]).filter(
    (p): p is string => typeof p === "string",
  );
  return [...new Set([...(rows ?? []).map((row) => row.value.sha256), ...fromTicket])];
}

function ServerPhotos({ ticketId, photos }: { ticketId: string; photos: TicketPhoto[] }) {
  return (
    <>
      {photos.map((photo, index) => (
        <li class="ticket-photo" key={photo.id} data-testid={`ticket-photo-${photo.id}`}>
          <a href={photoUrl(ticketId, photo.id)} target="_blank" rel="noopener">
            <img
              src={photoUrl(ticketId, photo.id, true)}
              alt={tf("tickets.openPhoto", { n: String(index + 1) })}
              width={160}
              height={120}
              loading="lazy"
            />
          </a>
        </li>
      ))}
    </>
  );
}

function PendingPhoto({ client, sha256 }: { client: SyncClient; sha256: string }) {
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let url: string | null = null;
    void localPreview(client, sha256)
      .then((made) => {
        url = made;
        if (live) setPreview(made);
        else if (made) URL.revokeObjectURL(made);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [client, sha256]);
  return (
    <li class="ticket-photo ticket-photo--pending" data-testid={`ticket-photo-pending-${sha256}`}>
      {preview && <img src={preview} alt="" width={160} height={120} />}
      <p class="ticket-photo__caption">{t("tickets.photoWaiting")}</p>
    </li>
  );
}

/** Server photos, photos waiting to upload, and adding more (at most 5 in all). */
export function TicketPhotos({ client, ticket }: { client: SyncClient; ticket: ShownTicket }) {
  const server = (ticket.photos ?? [])
    .filter((p): p is TicketPhoto => typeof p === "object" && p !== null)
    .sort((a, b) => a.position - b.position);
  const pending = usePendingHashes(ticket);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const left = Math.max(0, LIMITS.photos - server.length - pending.length);
  const canAdd = !isClosed(ticket);

  async function onChange(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const files = Array.from(input.files ?? []).slice(0, left);
    input.value = "";
    if (files.length === 0) return;
    setBusy(true);
    try {
      const { added, unreadable } = await addPhotos(client, ticket.id, files);
      setStatus(
        [
          added > 0 ? t("tickets.photosAdded") : "",
          unreadable > 0 ? t("tickets.photoUnreadable") : "",
        ]
          .filter(Boolean)
          .join(" "),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="ticket-photos-heading" data-testid="ticket-photos">
      <h2 id="ticket-photos-heading">{t("tickets.photos")}</h2>
      <TicketRejections
        client={client}
        rejections={rejectionsFor(client.state.rejected.value, ticket.id, ["addTicketPhoto"])}
        testid="ticket-photo-rejections"
      />
      {server.length + pending.length === 0 ? (
        <p>{t("tickets.noPhotos")}</p>
      ) : (
        <ul class="ticket-photos">
          <ServerPhotos ticketId={ticket.id} photos={server} />
          {pending.map((sha256) => (
            <PendingPhoto key={sha256} client={client} sha256={sha256} />
          ))}
        </ul>
      )}
      {canAdd &&
        (left > 0 ? (
          <div class="field">
            <label class="field__label" for="ticket-photo-input">
              {t("tickets.addPhotos")}
            </label>
            <p class="field__hint" id="ticket-photo-hint">
              {tf("tickets.photosHint", { max: String(LIMITS.photos), left: String(left) })}
            </p>
            <input
              id="ticket-photo-input"
              class="ticket-photo-input"
              type="file"
              accept="image/*"
              multiple
              disabled={busy}
              aria-describedby="ticket-photo-hint"
              onChange={onChange}
              data-testid="ticket-photo-input"
            />
          </div>
        ) : (
          <p>{t("tickets.photosFull")}</p>
        ))}
      <p class="form__status" role="status" data-testid="ticket-photo-status">
        {status}
      </p>
    </section>
  );
}
