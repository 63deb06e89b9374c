/**
 * Which account's offline database this browser holds. Sign-out and a different account
 * signing in wipe it; an expired session keeps it (queued work goes out after sign-in).
 */
import { wipe } from "./db";

export const ACCOUNT_KEY = "resident-portal.offline-account";

function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

type Listener = (accountId: string) => void;
const beforeWipe = new Set<Listener>();

/** Called before an account's database is wiped (e.g. to close its SyncClient). */
export function onBeforeWipe(listener: Listener): () => void {
  beforeWipe.add(listener);
  return () => beforeWipe.delete(listener);
}

async function wipeAccount(accountId: string): Promise<void> {
  for (const listener of beforeWipe) listener(accountId);
  await wipe(accountId);
}

/** A person signed in: another account's database on this device is deleted. */
export async function offlineAccountSignedIn(accountId: string): Promise<void> {
  const store = storage();
  const previous = store?.getItem(ACCOUNT_KEY) ?? null;
  if (previous !== null && previous !== accountId) await wipeAccount(previous);
  store?.setItem(ACCOUNT_KEY, accountId);
}

/** The person signed out (or revoked this device): their database is deleted. */
export async function offlineAccountSignedOut(accountId?: string): Promise<void> {
  const store = storage();
  const previous = accountId ?? store?.getItem(ACCOUNT_KEY) ?? null;
  if (previous !== null) await wipeAccount(previous);
  store?.removeItem(ACCOUNT_KEY);
}
