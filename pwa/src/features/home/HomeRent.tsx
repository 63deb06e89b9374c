import { formatDate, formatMoney } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import type { RentSummaryRow } from "../../offline/views";
import { language } from "../../state/language";

/** Rent status of the active home, for its main tenant only (the caller checks). */
export function HomeRent({ summary }: { summary: RentSummaryRow | undefined }) {
  const lang = language.value;
  const next = summary?.nextDue ?? null;
  return (
    <section class="home-section" aria-labelledby="home-rent-heading" data-testid="home-rent">
      <h2 id="home-rent-heading">{t("homeScreen.rentHeading")}</h2>
      {!summary ? (
        <p>{t("homeScreen.rentMissing")}</p>
      ) : (
        <>
          {summary.debtCents > 0 ? (
            <div class="home-rent-debt" data-testid="home-rent-debt">
              <p class="home-rent-debt__amount">
                {tf("homeScreen.rentDebt", {
                  amount: formatMoney(summary.debtCents, summary.currency, lang),
                })}
              </p>
              {summary.overdueCount > 0 && (
                <p>
                  {summary.overdueCount === 1
                    ? t("homeScreen.rentOverdueOne")
                    : tf("homeScreen.rentOverdueMany", { count: String(summary.overdueCount) })}
                </p>
              )}
            </div>
          ) : (
            <p data-testid="home-rent-ok">{t("homeScreen.rentNoDebt")}</p>
          )}
          <p data-testid="home-rent-next">
            {next
              ? tf("homeScreen.rentNextDue", {
                  date: formatDate(next.dueDate, lang),
                  amount: formatMoney(next.openCents, next.currency || summary.currency, lang),
                })
              : t("homeScreen.rentNoNext")}
          </p>
        </>
      )}
    </section>
  );
}
