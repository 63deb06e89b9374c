/**
 * What in Settings needs the network (passkeys, password, signing out, push on this device):
 * offline it says so instead of failing, and comes back when the connection does.
 */
import { useEffect, useState } from "preact/hooks";
import type { ProblemError } from "../../api/client";
import { ErrorAlert } from "../../components/ErrorAlert";
import type { MessageKey } from "../../i18n/catalog";
import { t } from "../../i18n/t";

function browserOnline(): boolean {
  return typeof navigator === "undefined" || navigator.onLine !== false;
}

/** The browser's idea of the connection, following `online` / `offline` events. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(browserOnline);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    addEventListener("online", up);
    addEventListener("offline", down);
    setOnline(browserOnline());
    return () => {
      removeEventListener("online", up);
      removeEventListener("offline", down);
    };
  }, []);
  return online;
}

/** The request never reached the server (no connection), as `apiRequest` reports it. */
export function isNetworkProblem(problem: ProblemError | null | undefined): boolean {
  return problem?.type === "about:blank#network";
}

interface Props {
  message: MessageKey;
  testid: string;
  /** Offered when the browser thinks it is online but the server could not be reached. */
  onRetry?: (() => void) | undefined;
}

/** "This needs a connection": a calm notice, not an error. */
export function NeedsConnection({ message, testid, onRetry }: Props) {
  return (
    <div class="notice" role="status" data-testid={testid}>
      <p>
        <strong>{t("settings.offline.title")}</strong> {t(message)}
      </p>
      {onRetry && (
        <button type="button" class="button" onClick={onRetry}>
          {t("common.tryAgain")}
        </button>
      )}
    </div>
  );
}

/** A failed request's problem; one that never reached the server as "needs a connection". */
export function ProblemOrOffline({
  problem,
  message,
  testid,
}: {
  problem: ProblemError | null;
  message: MessageKey;
  testid: string;
}) {
  const offline = isNetworkProblem(problem);
  return (
    <>
      <ErrorAlert problem={offline ? null : problem} />
      {offline && <NeedsConnection message={message} testid={testid} />}
    </>
  );
}
