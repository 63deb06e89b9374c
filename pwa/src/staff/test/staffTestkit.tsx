/** Test helpers for console screens: signed-in staff, a rendered console, a clean slate.
 *
 *   const api = fakeApi({ "GET /api/staff/news": json(200, [...]) });
 *   renderConsole("/staff/news", editor);
 *   await screen.findByRole("heading", { level: 1, name: "Tiedotteet" });
 *   afterEach(resetConsole);
 */
import { render } from "@testing-library/preact";
import type { Session } from "../../api/types";
import { navigate } from "../../state/route";
import { resetApp } from "../../test/reset";
import { bindStaffDocument, staffScreenTitle } from "../i18n/language";
import { StaffApp } from "../StaffApp";
import {
  applyStaffSession,
  installStaffSessionGuard,
  type StaffUser,
  staffSession,
  staffSignedOutNotice,
} from "../shell/session";

const REGION_EAST = "0192f0a4-0000-7000-8000-0000000000e1";

export const customerService: StaffUser = {
  kind: "staff",
  id: "0192f0a4-0000-7000-8000-00000000c501",
  name: "Kaisa Virtanen",
  email: "asiakaspalvelu.ita@example.fi",
  roles: ["customer_service"],
  language: "fi",
  regionIds: [REGION_EAST],
};

export const editor: StaffUser = {
  ...customerService,
  id: "0192f0a4-0000-7000-8000-00000000ed01",
  name: "Eero Toimittaja",
  email: "viestinta@example.fi",
  roles: ["editor"],
};

export const admin: StaffUser = {
  ...customerService,
  id: "0192f0a4-0000-7000-8000-00000000ad01",
  name: "Anna Ylläpito",
  email: "yllapito@example.fi",
  roles: ["admin"],
  allRegions: true,
};

export function staffSessionOf(user: StaffUser | null): Session {
  return {
    authenticated: user !== null,
    principal: user,
    passwordLoginAvailable: false,
    strongAuth: "demo",
  };
}

let unbindDocument: () => void = () => undefined;

/** Open `path` in the whole console (header, nav, gate) as `user` (null: signed out); the
 * document title and `<html lang>` follow, as in the browser. */
export function renderConsole(path: string, user: StaffUser | null = customerService) {
  unbindDocument();
  unbindDocument = bindStaffDocument(document);
  installStaffSessionGuard();
  applyStaffSession(staffSessionOf(user));
  navigate(path);
  return render(<StaffApp />);
}

/** Put the console's signals, the app's and the stubs back between tests. */
export function resetConsole(): void {
  unbindDocument();
  unbindDocument = () => undefined;
  resetApp();
  staffSession.value = { status: "loading" };
  staffSignedOutNotice.value = null;
  staffScreenTitle.value = null;
  if (typeof history !== "undefined") history.replaceState(null, "", "/");
}
