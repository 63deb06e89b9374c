import homeEn from "../features/home/messages/en.json";
import homeFi from "../features/home/messages/fi.json";
import homeSv from "../features/home/messages/sv.json";
import messagesEn from "../features/messages/messages/en.json";
import messagesFi from "../features/messages/messages/fi.json";
import messagesSv from "../features/messages/messages/sv.json";
import newsEn from "../features/news/messages/en.json";
import newsFi from "../features/news/messages/fi.json";
import newsSv from "../features/news/messages/sv.json";
import occupantsEn from "../features/occupants/messages/en.json";
import occupantsFi from "../features/occupants/messages/fi.json";
import occupantsSv from "../features/occupants/messages/sv.json";
import propertyEn from "../features/property/messages/en.json";
import propertyFi from "../features/property/messages/fi.json";
import propertySv from "../features/property/messages/sv.json";
import rentEn from "../features/rent/messages/en.json";
import rentFi from "../features/rent/messages/fi.json";
import rentSv from "../features/rent/messages/sv.json";
import reportEn from "../features/report/messages/en.json";
import reportFi from "../features/report/messages/fi.json";
import reportSv from "../features/report/messages/sv.json";
import notificationsEn from "../features/settings/notifications/messages/en.json";
import notificationsFi from "../features/settings/notifications/messages/fi.json";
import notificationsSv from "../features/settings/notifications/messages/sv.json";
import ticketsEn from "../features/tickets/messages/en.json";
import ticketsFi from "../features/tickets/messages/fi.json";
import ticketsSv from "../features/tickets/messages/sv.json";
import enBase from "./en.json";
import fiBase from "./fi.json";
import type { Language } from "./languages";
import svBase from "./sv.json";

// A feature with many screens keeps its messages beside it, under its own namespace
// ("homeScreen.…", "tickets.…", "report.…", "notifications.…"); the rest live in the shared catalogs.
const fi = {
  ...fiBase,
  homeScreen: homeFi,
  tickets: ticketsFi,
  report: reportFi,
  notifications: notificationsFi,
  news: newsFi,
  property: propertyFi,
  messages: messagesFi,
  rent: rentFi,
  occupants: occupantsFi,
};
const sv = {
  ...svBase,
  homeScreen: homeSv,
  tickets: ticketsSv,
  report: reportSv,
  notifications: notificationsSv,
  news: newsSv,
  property: propertySv,
  messages: messagesSv,
  rent: rentSv,
  occupants: occupantsSv,
};
const en = {
  ...enBase,
  homeScreen: homeEn,
  tickets: ticketsEn,
  report: reportEn,
  notifications: notificationsEn,
  news: newsEn,
  property: propertyEn,
  messages: messagesEn,
  rent: rentEn,
  occupants: occupantsEn,
};

/** Finnish is the reference catalog: its shape defines the message keys. */
export type Catalog = typeof fi;

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K}`
    : T[K] extends object
      ? Leaves<T[K], `${Prefix}${K}.`>
      : never;
}[keyof T & string];

/** Dotted key of one message, e.g. "shell.greeting". */
export type MessageKey = Leaves<Catalog>;

export const catalogs: Readonly<Record<Language, Catalog>> = { fi, sv, en };

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" && node !== "" ? node : undefined;
}

/** The message in `lang`, falling back to Finnish, then to the key itself. */
export function translate(lang: Language, key: MessageKey): string {
  return lookup(catalogs[lang], key) ?? lookup(catalogs.fi, key) ?? key;
}
