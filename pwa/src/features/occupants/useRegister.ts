import { useEffect, useState } from "preact/hooks";
import { apiRequest, ProblemError } from "../../api/client";
import type { Occupant } from "./occupantModel";

export type RegisterState =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "failed"; detail: string }
  | { kind: "loaded"; occupants: readonly Occupant[] };

/**
 * The register of occupants of a home (not in the offline data): read from the server when
 * a report needs a person of the household (moving out, a name change).
 */
export function useRegister(leaseId: string, needed: boolean) {
  const [state, setState] = useState<RegisterState>({ kind: "idle" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setState({ kind: "idle" });
  }, [leaseId]);

  useEffect(() => {
    if (!needed || attempt < 0) return;
    let live = true;
    setState((current) => (current.kind === "loaded" ? current : { kind: "loading" }));
    apiRequest<Occupant[]>("GET", `/api/homes/${leaseId}/occupants`)
      .then((occupants) => live && setState({ kind: "loaded", occupants }))
      .catch((error: unknown) => {
        if (!live) return;
        setState((current) =>
          current.kind === "loaded"
            ? current
            : { kind: "failed", detail: error instanceof ProblemError ? error.detail : "" },
        );
      });
    return () => {
      live = false;
    };
  }, [leaseId, needed, attempt]);

  return { state, retry: () => setAttempt((n) => n + 1) };
}
