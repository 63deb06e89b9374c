import { formatDay } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import type { NewsRow } from "../../offline/views";
import { language } from "../../state/language";

const SHOWN = 3;

/** The news of one home still in force: urgent first, then the newest; at most three. */
export function newsOf(
  rows: ReadonlyArray<{ value: NewsRow }>,
  leaseId: string,
  now: number = Date.now(),
): NewsRow[] {
  const inForce = (item: NewsRow) => !item.expiresAt || Date.parse(item.expiresAt) > now;
  return rows
    .map((row) => row.value)
    .filter((item) => item.leaseIds.includes(leaseId) && inForce(item))
    .sort(
      (a, b) =>
        Number(b.urgent) - Number(a.urgent) ||
        Date.parse(b.publishedAt) - Date.parse(a.publishedAt),
    )
    .slice(0, SHOWN);
}

/** The latest news of the active home (the News screen, with the rest, comes later). */
export function HomeNews({ news }: { news: readonly NewsRow[] }) {
  const lang = language.value;
  return (
    <section class="home-section" aria-labelledby="home-news-heading">
      <h2 id="home-news-heading">{t("homeScreen.newsHeading")}</h2>
      {news.length === 0 ? (
        <p data-testid="home-news-empty">{t("homeScreen.newsEmpty")}</p>
      ) : (
        <ul class="home-items" data-testid="home-news-list">
          {news.map((item) => (
            <li
              key={item.id}
              class={item.urgent ? "home-item home-item--urgent" : "home-item"}
              data-testid={`home-news-${item.id}`}
            >
              <span
                class="home-item__title"
                lang={item.language === lang ? undefined : item.language}
              >
                {item.title}
              </span>
              {(item.urgent || !item.read) && (
                <span class="home-item__tags">
                  {item.urgent && (
                    <span class="home-tag home-tag--urgent">{t("homeScreen.newsUrgent")}</span>
                  )}
                  {!item.read && (
                    <span class="home-tag" data-testid="home-news-unread">
                      {t("homeScreen.newsUnread")}
                    </span>
                  )}
                </span>
              )}
              <span class="home-item__line">
                {tf("homeScreen.newsPublished", { date: formatDay(item.publishedAt, lang) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
