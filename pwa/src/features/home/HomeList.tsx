import type { Home } from "../../api/types";
import { formatDate } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import { language } from "../../state/language";

/** Each home separately; before the lease starts, only the address and the start date. */
export function HomeList({ homes }: { homes: readonly Home[] }) {
  const lang = language.value;
  if (homes.length === 0) return <p data-testid="home-list-empty">{t("home.noHomes")}</p>;
  return (
    <ul class="home-list" data-testid="home-list">
      {homes.map((home) => (
        <li class="home-card" key={home.leaseId} data-testid={`home-${home.leaseId}`}>
          <p class="home-card__address">
            {home.address}, {home.unit}
          </p>
          {home.access === "before_start" ? (
            <p class="home-card__starts" data-testid="home-starts">
              {tf("home.leaseStarts", { date: formatDate(home.startsOn, lang) })}
            </p>
          ) : (
            <>
              <p class="home-card__property">{home.propertyName}</p>
              <p class="home-card__role">
                {home.access === "main_tenant" ? t("home.mainTenant") : t("home.resident")}
              </p>
              {home.endsOn && (
                <p class="home-card__ends">
                  {tf("home.leaseEnds", { date: formatDate(home.endsOn, lang) })}
                </p>
              )}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
