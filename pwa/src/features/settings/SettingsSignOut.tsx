import { signOut, signOutEverywhere } from "../../api/identity";
import { useAction } from "../../components/useAction";
import { t } from "../../i18n/t";
import { endSession } from "../../state/session";
import { NeedsConnection, ProblemOrOffline, useOnline } from "./connection";

/** "Sign out", and optionally "sign out on all devices": both tell the server, so both wait
 * for a connection. */
export function SettingsSignOut({ everywhere }: { everywhere: boolean }) {
  const online = useOnline();
  const action = useAction();
  async function run(call: () => Promise<void>) {
    const done = await action.run(async () => {
      await call();
      return true;
    });
    if (done) endSession("signedOut");
  }
  return (
    <div class="signout">
      {online ? (
        <ProblemOrOffline
          problem={action.problem}
          message="settings.offline.signOut"
          testid="signout-offline"
        />
      ) : (
        <NeedsConnection message="settings.offline.signOut" testid="signout-offline" />
      )}
      <div class="form__actions">
        <button
          type="button"
          class="button"
          disabled={action.disabled || !online}
          onClick={() => run(signOut)}
          data-testid="signout"
        >
          {t("settings.signOut")}
        </button>
        {everywhere && (
          <button
            type="button"
            class="button"
            disabled={action.disabled || !online}
            onClick={() => run(signOutEverywhere)}
            data-testid="signout-everywhere"
          >
            {t("settings.signOutEverywhere")}
          </button>
        )}
      </div>
      {everywhere && <p class="field__hint">{t("settings.signOutEverywhereHint")}</p>}
    </div>
  );
}
