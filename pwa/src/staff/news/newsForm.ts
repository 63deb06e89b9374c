/** The editor's form state, from a news item and to the request body. */

import type { Audience, NewsBody, NewsLanguage, StaffNews } from "./api";
import { fromLocalInput, toLocalInput } from "./localTime";

export interface NewsFormState {
  title: Record<NewsLanguage, string>;
  body: Record<NewsLanguage, string>;
  audience: Audience;
  regionId: string;
  propertyId: string;
  pinned: boolean;
  urgent: boolean;
  /** datetime-local value ("" = no expiry). */
  expiresAt: string;
}

export const emptyForm = (): NewsFormState => ({
  title: { fi: "", sv: "", en: "" },
  body: { fi: "", sv: "", en: "" },
  audience: "property",
  regionId: "",
  propertyId: "",
  pinned: false,
  urgent: false,
  expiresAt: "",
});

export function formFromNews(news: StaffNews): NewsFormState {
  return {
    title: { fi: news.title.fi ?? "", sv: news.title.sv ?? "", en: news.title.en ?? "" },
    body: { fi: news.body.fi ?? "", sv: news.body.sv ?? "", en: news.body.en ?? "" },
    audience: news.audience,
    regionId: news.regionId ?? "",
    propertyId: news.propertyId ?? "",
    pinned: news.pinned,
    urgent: news.urgent,
    expiresAt: toLocalInput(news.expiresAt),
  };
}

const optional = (text: string) => (text.trim() === "" ? null : text);

/** A language is missing when its title or body is empty (residents then read Finnish). */
export function missingIn(form: NewsFormState, lang: NewsLanguage): boolean {
  return form.title[lang].trim() === "" || form.body[lang].trim() === "";
}

export function bodyFromForm(form: NewsFormState): NewsBody {
  return {
    title: { fi: form.title.fi, sv: optional(form.title.sv), en: optional(form.title.en) },
    body: { fi: form.body.fi, sv: optional(form.body.sv), en: optional(form.body.en) },
    audience: form.audience,
    regionId: form.audience === "region" ? form.regionId || null : null,
    propertyId: form.audience === "property" ? form.propertyId || null : null,
    pinned: form.pinned,
    urgent: form.urgent,
    expiresAt: fromLocalInput(form.expiresAt),
  };
}
