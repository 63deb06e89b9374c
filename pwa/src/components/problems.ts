import { localProblem, ProblemError } from "../api/client";
import { isAborted, isNotAllowed } from "../features/passkeys/webauthn";
import { t } from "../i18n/t";

/**
 * Any failure as something a person can read: the server's problem as it is, a cancelled or
 * timed-out passkey prompt as our own friendly message; never raw exception text.
 * Null when there is nothing to say (an aborted request the app itself cancelled).
 */
export function toDisplayProblem(error: unknown): ProblemError | null {
  if (error instanceof ProblemError) return error;
  if (isAborted(error)) return null;
  if (isNotAllowed(error)) {
    return new ProblemError({
      type: "about:blank#not-allowed",
      title: t("errors.notAllowed.title"),
      detail: t("errors.notAllowed.detail"),
      status: 0,
    });
  }
  if (error instanceof DOMException && error.name === "InvalidStateError") {
    return new ProblemError({
      type: "about:blank#already-registered",
      title: t("errors.alreadyRegistered.title"),
      detail: t("errors.alreadyRegistered.detail"),
      status: 0,
    });
  }
  if (error instanceof DOMException && error.name === "NotSupportedError") {
    return new ProblemError({
      type: "about:blank#unsupported",
      title: t("errors.unsupported.title"),
      detail: t("errors.unsupported.detail"),
      status: 0,
    });
  }
  return localProblem("unexpected");
}
