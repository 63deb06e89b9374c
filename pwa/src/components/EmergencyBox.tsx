import { t, tf } from "../i18n/t";
import { telHref } from "./tel";

/**
 * Urgent defects: the building's 24/7 number, one tap away (they are a call, never a form).
 * `id` names the section and prefixes its test ids, e.g. "home-emergency".
 */
export function EmergencyBox({ id, phone }: { id: string; phone: string | null | undefined }) {
  return (
    <section class="emergency-box" aria-labelledby={`${id}-heading`} data-testid={id}>
      <h2 id={`${id}-heading`}>{t("emergency.heading")}</h2>
      <p>{t("emergency.text")}</p>
      {phone ? (
        <p>
          <a class="emergency-box__call" href={telHref(phone)} data-testid={`${id}-call`}>
            {tf("emergency.call", { phone })}
          </a>
        </p>
      ) : (
        <p data-testid={`${id}-missing`}>{t("emergency.missing")}</p>
      )}
      <p class="emergency-box__112">{t("emergency.call112")}</p>
    </section>
  );
}
