/** Test helper: put the app-wide signals and stubs back between tests. */
import { cleanup } from "@testing-library/preact";
import { vi } from "vitest";
import { setUnauthorizedHandler } from "../api/client";
import { language } from "../state/language";
import { currentPath, navigations } from "../state/route";
import { screenTitle } from "../state/screen";
import { sessionState, signedOutNotice } from "../state/session";
import { syncUnavailable } from "../state/sync";

export function resetApp(): void {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  setUnauthorizedHandler(null);
  language.value = "fi";
  sessionState.value = { status: "loading" };
  signedOutNotice.value = null;
  screenTitle.value = null;
  currentPath.value = "/";
  navigations.value = 0;
  syncUnavailable.value = false;
  try {
    localStorage.clear();
  } catch {
    // No storage in this environment.
  }
}
