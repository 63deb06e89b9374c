import { useEffect, useRef } from "preact/hooks";
import { signInWithPasskey } from "../../api/identity";
import type { Session } from "../../api/types";
import { toDisplayProblem } from "../../components/problems";
import type { Action } from "../../components/useAction";
import { pickConditional } from "../passkeys/ceremonies";
import { conditionalMediationAvailable, isAborted, isNotAllowed } from "../passkeys/webauthn";

export interface ConditionalSignIn {
  /** Abort the pending autofill request (before a modal prompt). */
  stop(): void;
  /** Offer autofill unless a request is already pending (on focus of the username field). */
  ensure(): void;
}

/**
 * Passkey autofill on the landing page: started on page load where the browser has
 * conditional mediation (unless `autoStart` is off), aborted before a modal sign-in and
 * when the page goes away. After a finished attempt it is offered again on the next focus
 * of the username field, never in a loop.
 */
export function useLandingConditionalSignIn(
  action: Action,
  onSignedIn: (session: Session) => void,
  autoStart: boolean,
): ConditionalSignIn {
  const controller = useRef<AbortController | null>(null);
  const api = useRef<ConditionalSignIn | null>(null);

  if (!api.current) {
    const stop = () => {
      controller.current?.abort();
      controller.current = null;
    };
    const attempt = async (signal: AbortSignal) => {
      if (!(await conditionalMediationAvailable()) || signal.aborted) return;
      let credential: Awaited<ReturnType<typeof pickConditional>>;
      try {
        credential = await pickConditional(signal);
      } catch (error) {
        // Aborted by us, or nothing picked: stay quiet. A server problem is worth showing.
        if (!signal.aborted && !isAborted(error) && !isNotAllowed(error)) {
          action.setProblem(toDisplayProblem(error));
        }
        return;
      }
      if (!credential || signal.aborted) return;
      try {
        onSignedIn(await signInWithPasskey(credential));
      } catch (error) {
        action.setProblem(toDisplayProblem(error));
      }
    };
    const ensure = () => {
      if (controller.current) return;
      const mine = new AbortController();
      controller.current = mine;
      void attempt(mine.signal).finally(() => {
        if (controller.current === mine) controller.current = null;
      });
    };
    api.current = { stop, ensure };
  }

  useEffect(() => {
    if (autoStart) api.current?.ensure();
    return () => api.current?.stop();
  }, []);

  return api.current;
}
