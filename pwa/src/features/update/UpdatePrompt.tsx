import { t } from "../../i18n/t";
import { pendingUpdate } from "./serviceWorker";

/** "A new version is available — reload", shown only while a worker is waiting. */
export function UpdatePrompt() {
  const update = pendingUpdate.value;
  return (
    <div class="update-region" aria-live="polite">
      {update && (
        <div class="update-prompt" data-testid="update-prompt">
          <p>{t("update.available")}</p>
          <div class="update-prompt__actions">
            <button type="button" class="button button--primary" onClick={() => update.apply()}>
              {t("update.reload")}
            </button>
            <button
              type="button"
              class="button"
              onClick={() => {
                pendingUpdate.value = null;
              }}
            >
              {t("update.later")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
