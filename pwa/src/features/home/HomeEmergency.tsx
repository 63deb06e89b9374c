import { telHref } from "../../components/tel";
import { t, tf } from "../../i18n/t";
import type { PropertyRow } from "../../offline/views";

/** The building's 24/7 number, one tap away: urgent defects are a call, never a form. */
export function HomeEmergency({ property }: { property: PropertyRow | undefined }) {
  const phone = property?.emergencyPhone;
  return (
    <section
      class="home-emergency"
      aria-labelledby="home-emergency-heading"
      data-testid="home-emergency"
    >
      <h2 id="home-emergency-heading">{t("homeScreen.emergencyHeading")}</h2>
      <p>{t("homeScreen.emergencyText")}</p>
      {phone ? (
        <p>
          <a class="home-emergency__call" href={telHref(phone)} data-testid="home-emergency-call">
            {tf("homeScreen.emergencyCall", { phone })}
          </a>
        </p>
      ) : (
        <p data-testid="home-emergency-missing">{t("homeScreen.emergencyMissing")}</p>
      )}
      <p class="home-emergency__112">{t("homeScreen.emergency112")}</p>
    </section>
  );
}
