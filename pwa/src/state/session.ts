/** Who is signed in, as the server says; the UI follows the principal's language. */
import { signal } from "@preact/signals";
import { type ProblemError, setUnauthorizedHandler } from "../api/client";
import { getSession } from "../api/identity";
import type { Principal, ResidentPrincipal, Session } from "../api/types";
import { offlineAccountSignedIn, offlineAccountSignedOut } from "../offline/account";
import { setLanguage } from "./language";
import { navigate } from "./route";
import { openSyncFor } from "./sync";

export type SessionState =
  | { status: "loading" }
  | { status: "error"; problem: ProblemError }
  | { status: "ready"; session: Session };

export const sessionState = signal<SessionState>({ status: "loading" });

/** Why the person is back on the landing page, shown there politely once. */
export type SignedOutNotice = "expired" | "signedOut" | "revoked";
export const signedOutNotice = signal<SignedOutNotice | null>(null);

export function currentSession(): Session | null {
  const state = sessionState.value;
  return state.status === "ready" ? state.session : null;
}

export function currentPrincipal(): Principal | null {
  const session = currentSession();
  return session?.authenticated ? session.principal : null;
}

export function currentResident(): ResidentPrincipal | null {
  const principal = currentPrincipal();
  return principal?.kind === "resident" ? principal : null;
}

/** Take a session from the server; a signed-in person's own language wins. */
export function applySession(session: Session): void {
  if (session.authenticated && session.principal) {
    setLanguage(session.principal.language);
    signedOutNotice.value = null;
    // Another account's offline data never stays on this device; then the resident's own
    // offline data opens and syncs.
    const { principal } = session;
    void offlineAccountSignedIn(principal.id)
      .then(() => (principal.kind === "resident" ? openSyncFor(principal.id) : null))
      .catch(() => undefined);
  }
  sessionState.value = { status: "ready", session };
}

export async function loadSession(): Promise<void> {
  try {
    applySession(await getSession());
  } catch (error) {
    sessionState.value = { status: "error", problem: error as ProblemError };
  }
}

/** The session is over (signed out, expired, passkey revoked): back to the landing page. */
export function endSession(notice: SignedOutNotice | null): void {
  const previous = currentSession();
  sessionState.value = {
    status: "ready",
    session: {
      authenticated: false,
      principal: null,
      passwordLoginAvailable: previous?.passwordLoginAvailable ?? false,
      strongAuth: previous?.strongAuth ?? "oidc",
    },
  };
  signedOutNotice.value = notice;
  // Signing out wipes the offline data; an expired session keeps queued work for next sign-in.
  if (notice !== "expired") void offlineAccountSignedOut().catch(() => undefined);
  navigate("/", { replace: true });
  // Fresh flags and a fresh CSRF cookie for the signed-out page.
  void getSession()
    .then((session) => {
      if (!session.authenticated) sessionState.value = { status: "ready", session };
    })
    .catch(() => undefined);
}

/** A 401 while signed in means the session ended elsewhere. */
export function installSessionGuard(): void {
  setUnauthorizedHandler(() => {
    if (currentSession()?.authenticated) endSession("expired");
  });
}
