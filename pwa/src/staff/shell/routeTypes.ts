/** The shape of the console's routes table (src/staff/routes.ts concatenates each area's). */
import type { FunctionComponent } from "preact";
import type { StaffMessageKey } from "../i18n/catalog";
import type { StaffRole, StaffUser } from "./session";

/** What every console screen gets. */
export interface StaffScreenProps {
  /** The signed-in staff user (roles, regions). */
  principal: StaffUser;
  /** The RegExp path's capture groups, decoded ([] for a fixed path). */
  params: string[];
}

export interface StaffRoute {
  /** "/staff/news" matches only itself; a RegExp (anchored, ^…$) matches the whole path
   * and its groups become `params`, e.g. /^\/staff\/news\/([0-9a-f-]{36})$/. */
  path: string | RegExp;
  screen: FunctionComponent<StaffScreenProps>;
  /** Who may open it (admins always may); absent: every staff user. */
  roles?: readonly StaffRole[];
  /** An entry in the navigation (only for a string path), sorted by `order`. */
  nav?: { label: StaffMessageKey; order: number };
}
