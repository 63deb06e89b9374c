/** The push endpoints of this device's notifications, and the preferences' shapes. */
import { apiRequest } from "../../../api/client";
import type { SubscriptionJSON } from "./push";

export interface QuietHours {
  start: string; // "HH:MM", the portal's local time; may cross midnight
  end: string;
}

export interface NotificationPreferences {
  ticketUpdates: boolean;
  messageReplies: boolean;
  news: boolean;
  urgent: boolean; // always true
  quietHours: QuietHours | null;
}

/** Only what changes is sent; `quietHours: null` removes the quiet period. */
export type PreferencesChange = Partial<NotificationPreferences>;

export interface SubscriptionOut {
  id: string;
  deviceLabel: string;
  createdAt: string;
  endpoint: string;
}

export const getPublicKey = () => apiRequest<{ publicKey: string }>("GET", "/api/push/public-key");

export const listSubscriptions = () =>
  apiRequest<SubscriptionOut[]>("GET", "/api/me/push-subscriptions");

/** 201 when new, 200 when the endpoint was known: either way its row. */
export const saveSubscription = (subscription: SubscriptionJSON) =>
  apiRequest<SubscriptionOut>("POST", "/api/me/push-subscriptions", subscription);

export const deleteSubscription = (id: string) =>
  apiRequest<void>("DELETE", `/api/me/push-subscriptions/${encodeURIComponent(id)}`);
