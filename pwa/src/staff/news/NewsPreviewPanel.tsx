import { useState } from "preact/hooks";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PlainText } from "../../features/news/NewsText";
import { formatDay } from "../../i18n/format";
import { type StaffMessageKey, staffTranslate } from "../i18n/catalog";
import { st, stOr } from "../i18n/st";
import { useLoad } from "../shell/useLoad";
import { NEWS_LANGUAGES, type NewsLanguage, previewNews } from "./api";
import "../../features/news/news.css";

/** The item as a resident reading in `lang` sees it (the server's preview: fallbacks and
 * all). The resident's own words (tags, dates) are in that language too. */
export function NewsPreviewPanel({ newsId, version }: { newsId: string; version: string }) {
  const [lang, setLang] = useState<NewsLanguage>("fi");
  const load = useLoad(() => previewNews(newsId, lang), [newsId, lang, version]);
  const item = load.data;
  const say = (key: StaffMessageKey) => staffTranslate(lang, key);
  const fill = (key: StaffMessageKey, date: string) => say(key).replace("{date}", date);
  return (
    <section aria-labelledby="news-preview" data-testid="news-preview">
      <h2 id="news-preview">{st("news.preview.heading")}</h2>
      <fieldset class="staff-news-fieldset">
        <legend>{st("news.preview.language")}</legend>
        <div class="staff-checks">
          {NEWS_LANGUAGES.map((code) => (
            <label key={code}>
              <input
                type="radio"
                name="news-preview-language"
                checked={lang === code}
                onChange={() => setLang(code)}
              />
              {stOr(`news.editor.language.${code}`, code)}
            </label>
          ))}
        </div>
      </fieldset>
      {load.status === "failed" && <ErrorAlert problem={load.problem} />}
      {item && (
        <article class="staff-news-preview" lang={lang} data-testid="news-preview-item">
          <h3 lang={item.fellBack.includes("title") ? "fi" : undefined}>{item.title}</h3>
          {item.fellBack.length > 0 && (
            <p class="notice" data-testid="news-preview-fell-back">
              {say("news.preview.fellBack")}
            </p>
          )}
          {(item.urgent || item.pinned) && (
            <p class="news-tags">
              {item.urgent && (
                <span class="news-tag news-tag--urgent">{say("news.preview.urgent")}</span>
              )}
              {item.pinned && <span class="news-tag">{say("news.preview.pinned")}</span>}
            </p>
          )}
          <p class="news-item__meta">
            {fill("news.preview.published", formatDay(item.publishedAt, lang))}
            {item.expiresAt && (
              <>
                {" · "}
                {fill("news.preview.expires", formatDay(item.expiresAt, lang))}
              </>
            )}
          </p>
          <PlainText
            class="news-item__body"
            text={item.body}
            lang={item.fellBack.includes("body") ? "fi" : undefined}
            testid="news-preview-body"
          />
        </article>
      )}
    </section>
  );
}
