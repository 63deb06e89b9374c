import { Link } from "../../components/Link";
import { currentPath } from "../../state/route";
import { st } from "../i18n/st";
import { navEntries } from "../routes";
import type { StaffUser } from "./session";

/** The sections the staff user's roles open, as a list of links. */
export function StaffNav({ user }: { user: StaffUser }) {
  const path = currentPath.value;
  return (
    <nav class="staff-nav" aria-label={st("shell.navLabel")} data-testid="staff-nav">
      <ul>
        {navEntries(user).map((entry) => (
          <li key={entry.href}>
            <Link
              href={entry.href}
              current={
                path === entry.href || path.startsWith(`${entry.href}/`) ? "page" : undefined
              }
            >
              {st(entry.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
