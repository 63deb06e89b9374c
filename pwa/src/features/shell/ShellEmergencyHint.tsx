import { t } from "../../i18n/t";

/** Always visible: urgent defects are never a form, they are a phone call. */
export function ShellEmergencyHint() {
  return (
    <aside class="shell-emergency" aria-label={t("emergency.label")} data-testid="emergency-hint">
      <p>{t("emergency.hint")}</p>
    </aside>
  );
}
