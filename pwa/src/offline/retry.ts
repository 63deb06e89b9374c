/** When to try again after a temporary failure: exponential backoff with jitter. */
import type { SyncFailure } from "./transport";

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 1000, maxMs: 5 * 60_000 };

/** A timer that can be cancelled (tests pass a manual one). */
export type Schedule = (run: () => void, ms: number) => () => void;

export const defaultSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/**
 * The wait before retry number `attempt` (0-based): base·2^attempt capped at max, scaled by
 * 50–100 % (`random` in [0, 1)) so that many phones do not retry in step; the server's
 * `Retry-After` wins when it gave one.
 */
export function retryDelay(
  attempt: number,
  failure: SyncFailure,
  backoff: Backoff = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  if (failure.retryAfter !== null) return failure.retryAfter * 1000;
  const exponential = Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt);
  return Math.round(exponential * (0.5 + random() / 2));
}
