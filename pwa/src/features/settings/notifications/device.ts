/** Turning push on and off for this device: the browser's part and the server's, in order. */
import { ProblemError } from "../../../api/client";
import type { MessageKey } from "../../../i18n/catalog";
import { t } from "../../../i18n/t";
import { deleteSubscription, getPublicKey, listSubscriptions, saveSubscription } from "./api";
import {
  activeRegistration,
  currentSubscription,
  NoServiceWorkerError,
  type PushEnv,
  requestPermission,
  type SubscriptionJSON,
  subscribeDevice,
} from "./push";

/** A browser failure as a problem the resident can read (server problems stay as they are). */
function asProblem(error: unknown, title: MessageKey): ProblemError {
  if (error instanceof ProblemError) return error;
  const notReady = error instanceof NoServiceWorkerError;
  return new ProblemError({
    type: notReady ? "about:blank#push-not-ready" : "about:blank#push-failed",
    title: t(title),
    detail: t(
      notReady ? "notifications.errors.notReadyDetail" : "notifications.errors.browserDetail",
    ),
    status: 0,
  });
}

export type TurnOnResult = "on" | "denied" | "dismissed";

/**
 * Ask for permission (first, while the tap still counts as one), then subscribe with the
 * server's key and register the subscription. A subscription made here that the server
 * refused is taken back, so the device never says "on" while the server does not know it.
 */
export async function turnOn(env: PushEnv): Promise<TurnOnResult> {
  const notification = env.notification;
  try {
    if (!notification) throw new Error("no Notification");
    const permission = await requestPermission(notification);
    if (permission === "denied") return "denied";
    if (permission !== "granted") return "dismissed";
    const [{ publicKey }, registration] = await Promise.all([
      getPublicKey(),
      activeRegistration(env.navigator),
    ]);
    const { subscription, fresh } = await subscribeDevice(registration, publicKey);
    try {
      await saveSubscription(subscription.toJSON());
    } catch (error) {
      if (fresh) await subscription.unsubscribe().catch(() => false);
      throw error;
    }
    return "on";
  } catch (error) {
    throw asProblem(error, "notifications.errors.onTitle");
  }
}

/** The server's id of this browser's subscription (null: the server has none). */
async function serverIdOf(subscription: SubscriptionJSON): Promise<string | null> {
  const rows = await listSubscriptions();
  return rows.find((row) => row.endpoint === subscription.endpoint)?.id ?? null;
}

/** Delete the server's row for this device, then unsubscribe in the browser. */
export async function turnOff(env: PushEnv): Promise<void> {
  try {
    const subscription = await currentSubscription(env.navigator);
    if (!subscription) return;
    const id = await serverIdOf(subscription.toJSON());
    if (id) await deleteSubscription(id);
    await subscription.unsubscribe();
  } catch (error) {
    throw asProblem(error, "notifications.errors.offTitle");
  }
}
