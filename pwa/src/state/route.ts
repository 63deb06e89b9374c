import { signal } from "@preact/signals";

/** A tiny router: the current path as a signal, History API navigation. */

function normalize(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, "");
  return trimmed === "" ? "/" : trimmed;
}

function browserPath(): string {
  return typeof location === "undefined" ? "/" : normalize(location.pathname);
}

/** The current path, without a trailing slash ("/" for the root). */
export const currentPath = signal<string>(browserPath());

/** How many in-app navigations happened: screens move focus to their heading after one. */
export const navigations = signal(0);

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (typeof history !== "undefined" && typeof location !== "undefined") {
    const url = new URL(to, location.href);
    if (options.replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
    currentPath.value = normalize(url.pathname);
    globalThis.scrollTo?.(0, 0);
  } else {
    currentPath.value = normalize(to);
  }
  navigations.value += 1;
}

/** Leave the app for another site (the identity broker). Replaceable in tests. */
export const external = {
  assign(url: string): void {
    location.assign(url);
  },
};

/** Follow the browser's back and forward buttons. */
export function initRouter(): () => void {
  const onPop = () => {
    currentPath.value = browserPath();
    navigations.value += 1;
  };
  addEventListener("popstate", onPop);
  return () => removeEventListener("popstate", onPop);
}
