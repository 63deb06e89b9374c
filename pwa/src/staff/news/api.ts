/** The staff news API (backend/news/controllers.py StaffNewsController), typed. */
import { apiRequest } from "../../api/client";

export const NEWS_LANGUAGES = ["fi", "sv", "en"] as const;
export type NewsLanguage = (typeof NEWS_LANGUAGES)[number];
export const NEWS_STATUSES = ["draft", "scheduled", "published", "expired"] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];
export const AUDIENCES = ["everyone", "region", "property"] as const;
export type Audience = (typeof AUDIENCES)[number];

export type Localized = Partial<Record<NewsLanguage, string | null>>;

export interface StaffNews {
  id: string;
  status: NewsStatus;
  title: Localized;
  body: Localized;
  audience: Audience;
  regionId: string | null;
  propertyId: string | null;
  pinned: boolean;
  urgent: boolean;
  publishAt: string | null;
  expiresAt: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Languages without a title or body: their readers see the Finnish text. */
  missingLanguages: string[];
  readCount: number;
}

/** What the editor sends (NewsIn; PATCH takes the same fields). */
export interface NewsBody {
  title: { fi: string; sv: string | null; en: string | null };
  body: { fi: string; sv: string | null; en: string | null };
  audience: Audience;
  regionId: string | null;
  propertyId: string | null;
  pinned: boolean;
  urgent: boolean;
  expiresAt: string | null;
}

/** The item as a resident reads it in one language (NewsItemOut). */
export interface NewsPreview {
  id: string;
  title: string;
  body: string;
  urgent: boolean;
  pinned: boolean;
  publishedAt: string;
  expiresAt: string | null;
  read: boolean;
  language: NewsLanguage;
  fellBack: string[];
}

const BASE = "/api/staff/news";
const newsPath = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const listNews = (query: string) =>
  apiRequest<StaffNews[]>("GET", query ? `${BASE}?${query}` : BASE);
export const getNews = (id: string) => apiRequest<StaffNews>("GET", newsPath(id));
export const createNews = (body: NewsBody) => apiRequest<StaffNews>("POST", BASE, body);
export const updateNews = (id: string, body: NewsBody) =>
  apiRequest<StaffNews>("PATCH", newsPath(id), body);
/** `at` null: publish now. */
export const publishNews = (id: string, at: string | null) =>
  apiRequest<StaffNews>("POST", `${newsPath(id)}/publish`, at ? { at } : {});
export const expireNews = (id: string) => apiRequest<StaffNews>("POST", `${newsPath(id)}/expire`);
export const deleteNews = (id: string) => apiRequest<undefined>("DELETE", newsPath(id));
export const previewNews = (id: string, lang: NewsLanguage) =>
  apiRequest<NewsPreview>("GET", `${newsPath(id)}/preview?lang=${lang}`);
