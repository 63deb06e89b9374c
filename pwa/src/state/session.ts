/** Who is signed in, as the server says; the UI follows the principal's language. */
import { signal } from "@preact/signals";
import { type ProblemError, setUnauthorizedHandler } from "../api/client";
import { getSession } from "../api/identity";
import type { Principal, ResidentPrincipal, Session } from "../api/types";
import { offlineAccountSignedIn, offlineAccountSignedOut } from "../offline/account";
import { setLanguage } from "./language";
import { navigate } from "./route";
import { openSyncFor, profileLanguage } from "./sync";

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

const REMEMBERED_KEY = "resident-portal.last-session";

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** A signed-in resident's session is remembered on this device, so that the app opens
 * offline on their saved data; signing out (or any signed-out answer) forgets it. */
function rememberSession(session: Session): void {
  const store = storage();
  if (session.authenticated && session.principal?.kind === "resident") {
    store?.setItem(REMEMBERED_KEY, JSON.stringify(session));
  } else {
    store?.removeItem(REMEMBERED_KEY);
  }
}

function rememberedSession(): Session | null {
  try {
    const text = storage()?.getItem(REMEMBERED_KEY);
    const session = text ? (JSON.parse(text) as Session) : null;
    return session?.authenticated && session.principal?.kind === "resident" ? session : null;
  } catch {
    return null;
  }
}

/** Take a session from the server; a signed-in person's own language wins. */
export function applySession(session: Session): void {
  rememberSession(session);
  if (session.authenticated && session.principal) {
    // The open profile row wins: a session read before a queued language change was sent
    // still brings the old language.
    setLanguage(profileLanguage(session.principal.id) ?? session.principal.language);
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

let waitingForOnline = false;

/** One listener however many times the session was asked for offline. */
function askAgainWhenOnline(): void {
  if (waitingForOnline || typeof addEventListener === "undefined") return;
  waitingForOnline = true;
  addEventListener(
    "online",
    () => {
      waitingForOnline = false;
      void loadSession();
    },
    { once: true },
  );
}

export async function loadSession(): Promise<void> {
  try {
    applySession(await getSession());
  } catch (error) {
    const problem = error as ProblemError;
    // No connection: the remembered resident sees their saved data; the server is asked
    // again as soon as the connection returns.
    const remembered = problem.type === "about:blank#network" ? rememberedSession() : null;
    if (remembered) {
      applySession(remembered);
      askAgainWhenOnline();
      return;
    }
    sessionState.value = { status: "error", problem };
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
