import type { MessageKey } from "../../i18n/catalog";
import { t } from "../../i18n/t";
import type { RejectedMutation, SyncClient } from "../../offline";

interface Props {
  client: SyncClient;
  rejections: readonly RejectedMutation[];
  /** "Your change could not be saved" for this part of Settings. */
  title: MessageKey;
  testid: string;
}

/** Changes the server refused, with its reason; what was typed is back in the form. */
export function SettingsRejections({ client, rejections, title, testid }: Props) {
  return (
    <div role="alert" data-testid={testid}>
      {rejections.length > 0 && (
        <ul class="plain-list">
          {rejections.map((rejection) => (
            <li key={rejection.id} class="problem-box" data-testid={`${testid}-${rejection.id}`}>
              <p class="problem-box__title">{t(title)}</p>
              {rejection.problem.title && <p>{rejection.problem.title}</p>}
              {rejection.problem.detail && <p>{rejection.problem.detail}</p>}
              <p>{t("settings.rejectedKept")}</p>
              <button
                type="button"
                class="button"
                onClick={() => void client.dismissRejected(rejection.id)}
              >
                {t("settings.dismiss")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
