import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { ProblemError } from "../../api/client";
import { toDisplayProblem } from "../../components/problems";

export type Load<T> =
  | { status: "loading"; data: T | null }
  | { status: "ready"; data: T }
  | { status: "failed"; data: T | null; problem: ProblemError | null };

/**
 * Load data for a screen: `fetcher` runs when `deps` change and on `reload()`; an answer to
 * an older request is dropped. While reloading, the previous data stays (`data`), so tables
 * do not flash empty.
 */
export function useLoad<T>(
  fetcher: () => Promise<T>,
  deps: readonly unknown[],
): Load<T> & { reload(): void; set(data: T): void } {
  const [load, setLoad] = useState<Load<T>>({ status: "loading", data: null });
  const latest = useRef(0);
  const run = useCallback(() => {
    const request = ++latest.current;
    setLoad((prev) => ({ status: "loading", data: prev.data }));
    fetcher().then(
      (data) => {
        if (request === latest.current) setLoad({ status: "ready", data });
      },
      (error: unknown) => {
        if (request !== latest.current) return;
        setLoad((prev) => ({
          status: "failed",
          data: prev.data,
          problem: toDisplayProblem(error),
        }));
      },
    );
  }, deps);
  useEffect(() => {
    run();
    return () => {
      latest.current += 1; // unmounted: ignore the answer
    };
  }, [run]);
  return { ...load, reload: run, set: (data: T) => setLoad({ status: "ready", data }) };
}
