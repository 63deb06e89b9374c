import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { Home, ResidentPrincipal } from "../../api/types";
import { ALL_HOMES, HomeChoice } from "../../components/HomeChoice";
import { Link } from "../../components/Link";
import { Screen } from "../../components/Screen";
import { SyncWaiting } from "../../components/SyncWaiting";
import { formatDate, formatDay } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import type { NewsRow } from "../../offline/views";
import { activeHome } from "../../state/activeHome";
import { language } from "../../state/language";
import { syncClient, useRows } from "../../state/sync";
import { fieldLanguage, newsFor } from "./newsModel";
import "./news.css";

/** News of the resident's homes: urgent first, then pinned, then the newest. */
export function NewsScreen({ principal }: { principal: ResidentPrincipal }) {
  const rows = useRows<NewsRow>("news/");
  const homes = principal.homes;
  const [filter, setFilter] = useState<string>(() => activeHome(homes)?.leaseId ?? ALL_HOMES);
  const several = homes.length > 1;
  const chosen = several ? homes.find((home) => home.leaseId === filter) : homes[0];
  const firstSync = syncClient.value?.state.lastSyncedAt.value === null;

  let content: ComponentChildren;
  if (rows === null || firstSync) {
    content = <SyncWaiting loading="news.loading" unavailable="news.unavailable" testid="news" />;
  } else if (chosen?.access === "before_start") {
    content = (
      <p class="notice" data-testid="news-before-start">
        {tf("news.beforeStart", { date: formatDate(chosen.startsOn, language.value) })}
      </p>
    );
  } else {
    const leaseIds = chosen ? [chosen.leaseId] : homes.map((home) => home.leaseId);
    content = <NewsList news={newsFor(rows, leaseIds)} homes={several && !chosen ? homes : null} />;
  }

  return (
    <Screen title="news.title" heading={t("news.title")} headingTestid="news-heading">
      <HomeChoice
        homes={homes}
        id="news-home-filter"
        allHomes
        value={filter}
        onChange={setFilter}
      />
      {content}
    </Screen>
  );
}

/** The first words of the body, for the list (plain text). */
function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? `${flat.slice(0, 157).trimEnd()}…` : flat;
}

function NewsList({ news, homes }: { news: NewsRow[]; homes: readonly Home[] | null }) {
  const lang = language.value;
  if (news.length === 0) {
    return (
      <p class="notice" data-testid="news-empty">
        {t("news.empty")}
      </p>
    );
  }
  return (
    <ul class="news-list" data-testid="news-list">
      {news.map((item) => {
        const titleLang = fieldLanguage(item, "title");
        const bodyLang = fieldLanguage(item, "body");
        const classes = ["news-card"];
        if (item.urgent) classes.push("news-card--urgent");
        if (!item.read) classes.push("news-card--unread");
        const itemHomes = homes?.filter((home) => item.leaseIds.includes(home.leaseId)) ?? [];
        return (
          <li key={item.id} class={classes.join(" ")} data-testid={`news-item-${item.id}`}>
            <h2 class="news-card__title">
              <Link href={`/news/${item.id}`} testid={`news-link-${item.id}`}>
                <span lang={titleLang === lang ? undefined : titleLang}>{item.title}</span>
              </Link>
            </h2>
            {(item.urgent || item.pinned || !item.read) && (
              <p class="news-tags">
                {item.urgent && (
                  <span class="news-tag news-tag--urgent" data-testid="news-urgent">
                    {t("news.urgent")}
                  </span>
                )}
                {item.pinned && (
                  <span class="news-tag" data-testid="news-pinned">
                    {t("news.pinned")}
                  </span>
                )}
                {!item.read && (
                  <span class="news-tag news-tag--unread" data-testid="news-unread">
                    {t("news.unread")}
                  </span>
                )}
              </p>
            )}
            <p class="news-card__meta">
              {tf("news.published", { date: formatDay(item.publishedAt, lang) })}
            </p>
            {itemHomes.length > 0 && (
              <p class="news-card__meta">
                {t("news.home")}:{" "}
                {itemHomes.map((home) => `${home.address}, ${home.unit}`).join("; ")}
              </p>
            )}
            <p class="news-card__excerpt" lang={bodyLang === lang ? undefined : bodyLang}>
              {excerpt(item.body)}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
