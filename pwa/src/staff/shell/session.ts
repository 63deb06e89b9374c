/** Who is signed in to the console, as GET /api/session says. */
import { signal } from "@preact/signals";
import { type ProblemError, setUnauthorizedHandler } from "../../api/client";
import { getSession } from "../../api/identity";
import type { Session, StaffPrincipal } from "../../api/types";
import { toDisplayProblem } from "../../components/problems";
import { isLanguage } from "../../i18n/languages";
import { setStaffLanguage } from "../i18n/language";

export type StaffRole = "customer_service" | "maintenance" | "lease_control" | "editor" | "admin";

/** The signed-in staff user. Regions come with the session where the server sends them. */
export interface StaffUser extends StaffPrincipal {
  regionIds?: string[];
  allRegions?: boolean;
}

export type StaffSessionState =
  | { status: "loading" }
  | { status: "error"; problem: ProblemError }
  | { status: "ready"; session: Session };

export const staffSession = signal<StaffSessionState>({ status: "loading" });

/** Why the login screen is shown again: said once, politely. */
export const staffSignedOutNotice = signal<"expired" | "signedOut" | null>(null);

/** The signed-in staff user, or null (signed out, a resident, still loading). */
export function currentStaff(): StaffUser | null {
  const state = staffSession.value;
  if (state.status !== "ready" || !state.session.authenticated) return null;
  const principal = state.session.principal;
  return principal?.kind === "staff" ? (principal as StaffUser) : null;
}

/** Whether `user` has any of `roles` (admins may do everything, as on the server). */
export function hasAnyRole(user: StaffUser, roles: readonly StaffRole[] | undefined): boolean {
  if (!roles || roles.length === 0) return true;
  return user.roles.includes("admin") || roles.some((role) => user.roles.includes(role));
}

/** Take a session from the server. Right after signing in (`signedIn`), the staff user's own
 * language is taken; otherwise the console keeps the language chosen on this browser. */
export function applyStaffSession(session: Session, options: { signedIn?: boolean } = {}): void {
  const principal = session.authenticated ? session.principal : null;
  if (options.signedIn && principal?.kind === "staff" && isLanguage(principal.language)) {
    setStaffLanguage(principal.language);
  }
  if (principal) staffSignedOutNotice.value = null;
  staffSession.value = { status: "ready", session };
}

export async function loadStaffSession(): Promise<void> {
  try {
    applyStaffSession(await getSession());
  } catch (error) {
    const problem = toDisplayProblem(error);
    if (problem) staffSession.value = { status: "error", problem };
  }
}

/** Back to the login screen on the same path (after signing in, the screen is there again). */
export function endStaffSession(notice: "expired" | "signedOut"): void {
  const state = staffSession.peek();
  const previous = state.status === "ready" ? state.session : null;
  staffSession.value = {
    status: "ready",
    session: {
      authenticated: false,
      principal: null,
      passwordLoginAvailable: previous?.passwordLoginAvailable ?? false,
      strongAuth: previous?.strongAuth ?? "oidc",
    },
  };
  staffSignedOutNotice.value = notice;
}

/** A 401 while signed in: the session expired or was ended elsewhere. */
export function installStaffSessionGuard(): void {
  setUnauthorizedHandler(() => {
    const state = staffSession.peek();
    if (state.status === "ready" && state.session.authenticated) endStaffSession("expired");
  });
}
