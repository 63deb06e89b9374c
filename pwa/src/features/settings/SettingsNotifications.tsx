import { useState } from "preact/hooks";
import { t } from "../../i18n/t";
import { SettingsNotificationsDevice } from "./SettingsNotificationsDevice";
import { SettingsNotificationsPreferences } from "./SettingsNotificationsPreferences";
import "./notifications/notifications.css";
import { browserEnv, type PushEnv } from "./notifications/push";

/**
 * Notifications: what is sent, push on this device (opt-in only after a tap) and the
 * resident's choices. `env` is the browser's push APIs; tests pass fakes.
 */
export function SettingsNotifications({ env }: { env?: PushEnv }) {
  const [browser] = useState(() => env ?? browserEnv());
  return (
    <>
      <p>{t("notifications.intro")}</p>
      <ul class="plain-list">
        <li>{t("notifications.sentTickets")}</li>
        <li>{t("notifications.sentReplies")}</li>
        <li>{t("notifications.sentNews")}</li>
        <li>{t("notifications.sentUrgent")}</li>
      </ul>
      <p>{t("notifications.syncNote")}</p>
      <h3>{t("notifications.deviceHeading")}</h3>
      <SettingsNotificationsDevice env={browser} />
      <h3>{t("notifications.preferencesHeading")}</h3>
      <p>{t("notifications.preferencesIntro")}</p>
      <SettingsNotificationsPreferences />
    </>
  );
}
