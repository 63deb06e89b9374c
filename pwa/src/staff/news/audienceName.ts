/** The audience of an item in words, with the region's or property's name. */

import { st } from "../i18n/st";
import type { RegionWithProperties } from "../messages/api";
import { regionName } from "../messages/regions";
import type { StaffNews } from "./api";

export function audienceNamer(regions: RegionWithProperties[] | null, lang: string) {
  const regionNames = new Map((regions ?? []).map((r) => [r.id, regionName(r, lang)]));
  const propertyNames = new Map(
    (regions ?? []).flatMap((r) => r.properties.map((p) => [p.id, p.name] as const)),
  );
  return (news: Pick<StaffNews, "audience" | "regionId" | "propertyId">): string => {
    if (news.audience === "region") {
      const name = news.regionId ? regionNames.get(news.regionId) : undefined;
      return `${st("news.audience.region")}: ${name ?? "?"}`;
    }
    if (news.audience === "property") {
      const name = news.propertyId ? propertyNames.get(news.propertyId) : undefined;
      return `${st("news.audience.property")}: ${name ?? "?"}`;
    }
    return st("news.audience.everyone");
  };
}
