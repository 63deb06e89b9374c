import { useEffect, useRef } from "preact/hooks";
import type { ProblemError } from "../api/client";

/** The problem's title and detail in an alert region that takes the focus when it appears. */
export function ErrorAlert({ problem }: { problem: ProblemError | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  return (
    <div class="error-region" role="alert" ref={ref} tabIndex={-1}>
      {problem && (
        <div class="error-alert" data-testid="error-alert">
          <p class="error-alert__title">{problem.title}</p>
          {problem.detail && <p class="error-alert__detail">{problem.detail}</p>}
        </div>
      )}
    </div>
  );
}
