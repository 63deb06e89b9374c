/** Every test may switch `language.value` directly: all catalogs are loaded up front. */
import { loadCatalog } from "../i18n/catalog";

await loadCatalog("sv");
await loadCatalog("en");
