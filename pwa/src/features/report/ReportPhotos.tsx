/**
 * The photos step: pick or take up to five photos; each is downscaled to JPEG in the
 * browser, stored with `client.addPhoto` (uploaded on its own) and kept in the draft by hash.
 */
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { t, tf } from "../../i18n/t";
import type { SyncClient } from "../../offline/sync";
import { preparePhoto } from "./downscale";
import { LIMITS } from "./draft";

/** Object URLs of stored photos by sha256, for thumbnails (revoked when no longer shown). */
export function usePhotoUrls(client: SyncClient | null, hashes: readonly string[]) {
  const [urls, setUrls] = useState<Record<string, string>>({});
  const made = useRef(new Map<string, string>());
  const key = hashes.join(",");
  useEffect(() => {
    if (!client || typeof URL.createObjectURL !== "function") return;
    let live = true;
    void (async () => {
      for (const sha of hashes) {
        if (made.current.has(sha)) continue;
        const blob = await client.db.get("blobs", sha).catch(() => undefined);
        if (!live || !blob) continue;
        made.current.set(sha, URL.createObjectURL(new Blob([blob.bytes], { type: blob.type })));
      }
      if (live) setUrls(Object.fromEntries(made.current));
    })();
    return () => {
      live = false;
    };
  }, [client, key]);
  useEffect(
    () => () => {
      for (const url of made.current.values()) URL.revokeObjectURL(url);
      made.current.clear();
    },
    [],
  );
  return urls;
}

export function PhotoThumbs({
  hashes,
  urls,
  onRemove,
}: {
  hashes: readonly string[];
  urls: Record<string, string>;
  onRemove?: (sha: string, index: number) => void;
}) {
  return (
    <ul class="report-photos" aria-label={t("report.photos.listLabel")} data-testid="report-photos">
      {hashes.map((sha, index) => {
        const n = String(index + 1);
        const url = urls[sha];
        return (
          <li class="report-photo" key={sha} data-testid="report-photo">
            {url ? (
              <img class="report-photo__img" src={url} alt={tf("report.photos.photo", { n })} />
            ) : (
              <span class="report-photo__img report-photo__placeholder">
                {tf("report.photos.photo", { n })}
              </span>
            )}
            {onRemove && (
              <button
                type="button"
                class="button report-photo__remove"
                onClick={() => onRemove(sha, index)}
                data-testid={`report-photo-remove-${index + 1}`}
              >
                {tf("report.photos.remove", { n })}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

interface PhotoInputProps {
  id: string;
  label: string;
  /** Take a photo with the camera (one), rather than choose several from the device. */
  camera?: boolean;
  busy: boolean;
  describedBy: string;
  invalid: boolean;
  onPick: (files: FileList | null, input: HTMLInputElement) => void;
}

function PhotoInput(props: PhotoInputProps) {
  return (
    <div class="report-file">
      <label class="field__label" for={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        class="report-file__input"
        type="file"
        accept="image/*"
        capture={props.camera ? "environment" : undefined}
        multiple={!props.camera}
        disabled={props.busy}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid ? "true" : undefined}
        onChange={(event) => props.onPick(event.currentTarget.files, event.currentTarget)}
        data-testid={props.camera ? "report-photo-take" : "report-photo-input"}
      />
    </div>
  );
}

interface PhotosStepProps {
  client: SyncClient;
  photos: readonly string[];
  /** Thumbnails by sha256 (from `usePhotoUrls`). */
  urls: Record<string, string>;
  onChange: (photos: string[]) => void;
  /** A photo was taken out (its stored bytes can go). */
  onRemoved?: (sha: string) => void;
  /** An error of the step's check (too many photos). */
  error?: string | undefined;
}

export function ReportPhotosStep(props: PhotosStepProps) {
  const { client, photos, urls, onChange, onRemoved, error } = props;
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useRef(photos);
  latest.current = photos;
  const shown = problem ?? error;
  const errorId = `${id}-error`;
  const full = photos.length >= LIMITS.photosMax;

  async function add(files: FileList | null, input: HTMLInputElement) {
    const picked = Array.from(files ?? []);
    input.value = "";
    if (picked.length === 0) return;
    setBusy(true);
    setProblem(null);
    setStatus(t("report.photos.preparing"));
    let message: string | null = null;
    try {
      for (const file of picked) {
        if (latest.current.length >= LIMITS.photosMax) {
          message = t("report.errors.photosTooMany");
          break;
        }
        try {
          const photo = await preparePhoto(file);
          const sha = await client.addPhoto(photo.bytes, photo.type);
          if (!latest.current.includes(sha)) {
            latest.current = [...latest.current, sha];
            onChange([...latest.current]);
          }
        } catch {
          message = tf("report.errors.photoUnreadable", { name: file.name });
        }
      }
    } finally {
      setBusy(false);
      setProblem(message);
      setStatus(tf("report.photos.added", { count: String(latest.current.length) }));
    }
  }

  function remove(sha: string) {
    const next = latest.current.filter((p) => p !== sha);
    latest.current = next;
    onChange([...next]);
    onRemoved?.(sha);
    setProblem(null);
    setStatus(tf("report.photos.removed", { count: String(next.length) }));
  }

  const describedBy = [`${id}-intro`, shown ? errorId : null].filter(Boolean).join(" ");
  const input = { busy, describedBy, invalid: Boolean(shown), onPick: add };
  return (
    <div class={shown ? "field field--invalid" : "field"}>
      <p id={`${id}-intro`}>{t("report.photos.intro")}</p>
      {shown && (
        <p class="field__error" id={errorId} data-testid="report-photos-error">
          {shown}
        </p>
      )}
      {full ? (
        <p class="notice">{t("report.photos.full")}</p>
      ) : (
        <div class="report-photo-inputs">
          <PhotoInput {...input} id={`${id}-take`} label={t("report.photos.take")} camera />
          <PhotoInput {...input} id={`${id}-choose`} label={t("report.photos.choose")} />
        </div>
      )}
      <p class="form__status" role="status" data-testid="report-photos-status">
        {status}
      </p>
      {photos.length > 0 && <PhotoThumbs hashes={photos} urls={urls} onRemove={remove} />}
    </div>
  );
}
