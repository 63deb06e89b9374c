import type { Home } from "../../api/types";
import { formatDate } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import { chooseHome } from "../../state/activeHome";
import { language } from "../../state/language";

/** What is said about one home; before the lease starts, only the address and start date. */
function HomeCardText({ home }: { home: Home }) {
  const lang = language.value;
  return (
    <>
      <span class="home-card__address">
        {home.address}, {home.unit}
      </span>
      {home.access === "before_start" ? (
        <span class="home-card__line" data-testid="home-starts">
          {tf("home.leaseStarts", { date: formatDate(home.startsOn, lang) })}
        </span>
      ) : (
        <>
          <span class="home-card__line">{home.propertyName}</span>
          <span class="home-card__line">
            {home.access === "main_tenant" ? t("home.mainTenant") : t("home.resident")}
          </span>
          {home.endsOn && (
            <span class="home-card__line">
              {tf("home.leaseEnds", { date: formatDate(home.endsOn, lang) })}
            </span>
          )}
        </>
      )}
    </>
  );
}

interface HomeSwitcherProps {
  homes: readonly Home[];
  active: Home | null;
}

/**
 * The resident's homes. One home: its card. Two or more: a radio group of cards; the chosen
 * one is the home everything below shows (remembered on this device).
 */
export function HomeSwitcher({ homes, active }: HomeSwitcherProps) {
  if (homes.length === 0) return <p data-testid="home-list-empty">{t("home.noHomes")}</p>;
  if (homes.length === 1) {
    const [home] = homes as [Home];
    return (
      <ul class="home-list" data-testid="home-list">
        <li class="home-card" data-testid={`home-${home.leaseId}`}>
          <HomeCardText home={home} />
        </li>
      </ul>
    );
  }
  return (
    <fieldset class="home-switcher" data-testid="home-switcher">
      <legend class="home-switcher__legend">{t("homeScreen.switcherLegend")}</legend>
      <ul class="home-list" data-testid="home-list">
        {homes.map((home) => {
          const id = `home-choice-${home.leaseId}`;
          const checked = home.leaseId === active?.leaseId;
          return (
            <li
              key={home.leaseId}
              class={
                checked ? "home-card home-choice home-choice--active" : "home-card home-choice"
              }
              data-testid={`home-${home.leaseId}`}
            >
              <input
                type="radio"
                class="home-choice__input"
                id={id}
                name="home-choice"
                value={home.leaseId}
                checked={checked}
                data-testid={id}
                onChange={() => chooseHome(home.leaseId)}
              />
              <label class="home-choice__label" for={id}>
                <HomeCardText home={home} />
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
