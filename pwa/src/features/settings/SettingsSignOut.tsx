import { signOut, signOutEverywhere } from "../../api/identity";
import { ErrorAlert } from "../../components/ErrorAlert";
import { useAction } from "../../components/useAction";
import { t } from "../../i18n/t";
import { endSession } from "../../state/session";

/** "Sign out", and optionally "sign out on all devices". */
export function SettingsSignOut({ everywhere }: { everywhere: boolean }) {
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
      <ErrorAlert problem={action.problem} />
      <div class="form__actions">
        <button
          type="button"
          class="button"
          disabled={action.disabled}
          onClick={() => run(signOut)}
          data-testid="signout"
        >
          {t("settings.signOut")}
        </button>
        {everywhere && (
          <button
            type="button"
            class="button"
            disabled={action.disabled}
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
