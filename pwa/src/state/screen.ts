import { signal } from "@preact/signals";
import type { MessageKey } from "../i18n/catalog";

/** The message key of the current screen's title; the document title follows it. */
export const screenTitle = signal<MessageKey | null>(null);
