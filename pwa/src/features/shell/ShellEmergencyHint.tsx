import { telHref } from "../../components/tel";
import { t, tf } from "../../i18n/t";
import type { PropertyRow } from "../../offline/views";
import { activeHome } from "../../state/activeHome";
import { currentResident } from "../../state/session";
import { useRow } from "../../state/sync";

/** Always visible: urgent defects are never a form, they are a phone call. Signed in, the
 * active home's 24/7 number is one tap away (from the offline data, so offline too). */
export function ShellEmergencyHint() {
  const resident = currentResident();
  const home = resident ? activeHome(resident.homes) : null;
  const building = useRow<PropertyRow>(home ? `property/${home.leaseId}` : "property/-");
  const phone = building?.emergencyPhone;
  return (
    <aside class="shell-emergency" aria-label={t("emergency.label")} data-testid="emergency-hint">
      <p>{t("emergency.hint")}</p>
      {/* Signed in, the number's line is there from the start (empty until the offline data
      has it), so the screen below does not jump when it arrives. */}
      {resident && (
        <p class="shell-emergency__slot">
          {phone && (
            <a class="shell-emergency__call" href={telHref(phone)}>
              {tf("emergency.callLabel", { phone })}
            </a>
          )}
        </p>
      )}
    </aside>
  );
}
