import { formatDateTime } from "../../i18n/format";
import { t, tf } from "../../i18n/t";
import { language } from "../../state/language";
import { syncClient } from "../../state/sync";

/**
 * What the resident must know about their offline data: that it may be old (offline since
 * when), that work is waiting to be sent, and why it is stuck (signed out, app too old).
 */
export function ShellOfflineBanner() {
  const client = syncClient.value;
  if (!client) return null;
  const { state } = client;
  const status = state.status.value;
  const pending = state.pendingCount.value;
  const staleSince = state.staleSince.value;
  const offline = staleSince !== null || !state.online.value || status.kind === "offline";
  const lines: string[] = [];
  if (offline) {
    lines.push(
      staleSince === null
        ? t("shell.offlineNoData")
        : tf("shell.offlineSince", {
            time: formatDateTime(new Date(staleSince).toISOString(), language.value),
          }),
    );
  }
  if (pending > 0) {
    lines.push(
      pending === 1 ? t("shell.waitingOne") : tf("shell.waitingMany", { count: String(pending) }),
    );
  }
  if (status.kind === "unauthorized" && pending > 0) lines.push(t("shell.signInToSend"));
  if (status.kind === "updateRequired") lines.push(t("shell.updateToSync"));
  return (
    <div role="status" class="shell-offline" data-testid="offline-banner">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
