import { useEffect } from "preact/hooks";
import type { ResidentPrincipal } from "../../api/types";
import { Link } from "../../components/Link";
import { Screen } from "../../components/Screen";
import { SyncWaiting } from "../../components/SyncWaiting";
import { formatDay } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import type { NewsRow } from "../../offline/views";
import { language } from "../../state/language";
import { syncClient, useRow } from "../../state/sync";
import { PlainText } from "./NewsText";
import { fieldLanguage, inForce, markRead } from "./newsModel";
import "./news.css";

function BackLink() {
  return (
    <p>
      <Link href="/news" testid="news-back">
        {t("news.back")}
      </Link>
    </p>
  );
}

/** One news item: title, date and body; opening an unread one marks it read (once). */
export function NewsItemScreen({
  principal: _principal,
  newsId,
}: {
  principal: ResidentPrincipal;
  newsId: string;
}) {
  const client = syncClient.value;
  const row = useRow<NewsRow>(`news/${newsId}`);
  const firstSync = client !== null && client.state.lastSyncedAt.value === null;
  const item = row && inForce(row) ? row : undefined;

  useEffect(() => {
    if (client && item && !item.read) markRead(client, item);
  }, [client, item]);

  if (client === null || row === null || (row === undefined && firstSync)) {
    return (
      <Screen title="news.itemTitle" heading={t("news.itemTitle")}>
        <SyncWaiting loading="news.loading" unavailable="news.unavailable" testid="news-item" />
      </Screen>
    );
  }
  if (item === undefined) {
    return (
      <Screen title="news.itemTitle" heading={t("news.itemTitle")}>
        <p class="notice" data-testid="news-not-found">
          {t("news.notFound")}
        </p>
        <BackLink />
      </Screen>
    );
  }
  const lang = language.value;
  const titleLang = fieldLanguage(item, "title");
  const bodyLang = fieldLanguage(item, "body");
  return (
    <Screen
      title="news.itemTitle"
      heading={<span lang={titleLang === lang ? undefined : titleLang}>{item.title}</span>}
      headingTestid="news-item-heading"
    >
      <BackLink />
      {item.fellBack.length > 0 && (
        <p class="notice" data-testid="news-fell-back">
          {t("news.fellBack")}
        </p>
      )}
      {(item.urgent || item.pinned) && (
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
        </p>
      )}
      <p class="news-item__meta" data-testid="news-item-date">
        {tf("news.published", { date: formatDay(item.publishedAt, lang) })}
        {item.expiresAt && (
          <>
            {" · "}
            {tf("news.expires", { date: formatDay(item.expiresAt, lang) })}
          </>
        )}
      </p>
      <PlainText
        class="news-item__body"
        text={item.body}
        lang={bodyLang === lang ? undefined : bodyLang}
        testid="news-item-body"
      />
    </Screen>
  );
}
