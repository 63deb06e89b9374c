import type { MessageKey } from "../i18n/catalog";
import { t } from "../i18n/t";
import { syncUnavailable } from "../state/sync";

interface Props {
  /** "Loading…" while the offline data opens. */
  loading: MessageKey;
  /** Why nothing can be shown when it cannot be opened on this browser (no IndexedDB). */
  unavailable: MessageKey;
  /** Test ids `<testid>-loading` and `<testid>-unavailable`. */
  testid: string;
}

/** The offline data is not open yet, or cannot be on this browser: say which. */
export function SyncWaiting({ loading, unavailable, testid }: Props) {
  return syncUnavailable.value ? (
    <p class="notice" data-testid={`${testid}-unavailable`}>
      {t(unavailable)}
    </p>
  ) : (
    <p role="status" data-testid={`${testid}-loading`}>
      {t(loading)}
    </p>
  );
}
