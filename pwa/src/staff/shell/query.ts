/** The URL's query string as a signal, next to the path signal of src/state/route.ts. */
import { computed } from "@preact/signals";
import { currentPath, navigate, navigations } from "../../state/route";

/** The current `location.search` as URLSearchParams; follows navigate() and back/forward. */
export const currentQuery = computed(() => {
  navigations.value;
  currentPath.value;
  return new URLSearchParams(typeof location === "undefined" ? "" : location.search);
});

/** Replace the query of the current path (filters: the reload and a copied link keep them).
 * `replace` keeps typing in a search box from filling the history. */
export function setQuery(params: URLSearchParams, options: { replace?: boolean } = {}): void {
  const search = params.toString();
  navigate(`${currentPath.peek()}${search ? `?${search}` : ""}`, options);
}
