import { useEffect, useRef, useState } from "preact/hooks";
import type { ProblemError } from "../api/client";
import { toDisplayProblem } from "./problems";

export interface Action {
  busy: boolean;
  /** Busy, or rate-limited: buttons stay disabled until `Retry-After` has passed. */
  disabled: boolean;
  problem: ProblemError | null;
  setProblem(problem: ProblemError | null): void;
  /** Run `task`; its failure becomes `problem`, and the result is undefined. */
  run<T>(task: () => Promise<T>): Promise<T | undefined>;
}

/** One user action at a time, with its readable problem and 429 back-off. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  async function run<T>(task: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setProblem(null);
    try {
      return await task();
    } catch (error) {
      if (!mounted.current) return undefined;
      const shown = toDisplayProblem(error);
      setProblem(shown);
      if (shown?.retryAfter) {
        setBlocked(true);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => setBlocked(false), shown.retryAfter * 1000);
      }
      return undefined;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }

  return { busy, disabled: busy || blocked, problem, setProblem, run };
}
