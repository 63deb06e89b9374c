/**
 * The home the screens show, for people with two leases (the home switcher). Remembered on
 * this device; a home that is no longer theirs falls back to the first one.
 */
import { signal } from "@preact/signals";
import type { Home } from "../api/types";

const KEY = "resident-portal.active-home";

function stored(): string | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export const chosenLeaseId = signal<string | null>(stored());

export function chooseHome(leaseId: string): void {
  chosenLeaseId.value = leaseId;
  try {
    localStorage.setItem(KEY, leaseId);
  } catch {
    // storage unavailable: the choice lasts this visit
  }
}

/** The chosen home if it is still one of `homes`, else the first that has started. */
export function activeHome(homes: readonly Home[]): Home | null {
  const chosen = homes.find((home) => home.leaseId === chosenLeaseId.value);
  if (chosen) return chosen;
  return homes.find((home) => home.access !== "before_start") ?? homes[0] ?? null;
}
