/** Fake replies for the news screens' tests. */
import type { RegionWithProperties } from "../messages/api";
import type { NewsPreview, StaffNews } from "./api";

export const NEWS_ID = "0192f0a4-0000-7000-8000-0000000e0001";
export const REGION_ID = "0192f0a4-0000-7000-8000-0000000000e1";
export const PROPERTY_ID = "0192f0a4-0000-7000-8000-0000000b0001";

export const regions: RegionWithProperties[] = [
  {
    id: REGION_ID,
    code: "ita",
    name: { fi: "Itä-Helsinki", sv: "Östra Helsingfors", en: "East Helsinki" },
    properties: [{ id: PROPERTY_ID, code: "KON5", name: "Kontulan Kaari 5" }],
  },
];

export const draft: StaffNews = {
  id: NEWS_ID,
  status: "draft",
  title: { fi: "Vesikatko torstaina", sv: null, en: "Water cut on Thursday" },
  body: { fi: "Vesi on poikki klo 9–12.", sv: null, en: "No water 9–12." },
  audience: "property",
  regionId: null,
  propertyId: PROPERTY_ID,
  pinned: false,
  urgent: false,
  publishAt: null,
  expiresAt: null,
  createdBy: "0192f0a4-0000-7000-8000-00000000ed01",
  createdAt: "2026-11-30T08:00:00Z",
  updatedAt: "2026-11-30T08:00:00Z",
  missingLanguages: ["sv"],
  readCount: 0,
};

export const published: StaffNews = {
  ...draft,
  id: "0192f0a4-0000-7000-8000-0000000e0002",
  status: "published",
  title: { fi: "Pihatalkoot", sv: "Gårdstalko", en: "Yard clean-up" },
  body: { fi: "Lauantaina.", sv: "På lördag.", en: "On Saturday." },
  audience: "region",
  regionId: REGION_ID,
  propertyId: null,
  pinned: true,
  publishAt: "2026-11-20T08:00:00Z",
  missingLanguages: [],
  readCount: 42,
};

export function previewOf(news: StaffNews, lang: "fi" | "sv" | "en"): NewsPreview {
  const title = news.title[lang];
  const body = news.body[lang];
  return {
    id: news.id,
    title: title ?? news.title.fi ?? "",
    body: body ?? news.body.fi ?? "",
    urgent: news.urgent,
    pinned: news.pinned,
    publishedAt: news.publishAt ?? "2026-11-30T08:00:00Z",
    expiresAt: news.expiresAt,
    read: false,
    language: lang,
    fellBack: [...(title ? [] : ["title"]), ...(body ? [] : ["body"])],
  };
}
