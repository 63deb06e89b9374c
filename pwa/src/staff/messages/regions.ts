/** Regions and their properties from GET /api/staff/regions (also used by news). */
import type { RegionWithProperties } from "./api";

/** A region's name in `lang`, Finnish when that is missing. */
export function regionName(region: RegionWithProperties, lang: string): string {
  return region.name[lang] || region.name.fi || region.code;
}

/** Every property of the regions, by name. */
export function propertiesOf(regions: RegionWithProperties[] | null): {
  id: string;
  name: string;
}[] {
  return (regions ?? [])
    .flatMap((r) => r.properties.map((p) => ({ id: p.id, name: p.name })))
    .sort((a, b) => a.name.localeCompare(b.name));
}
