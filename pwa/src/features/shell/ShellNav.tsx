import { Link } from "../../components/Link";
import type { MessageKey } from "../../i18n/catalog";
import { t } from "../../i18n/t";
import { activeHome } from "../../state/activeHome";
import { currentPath } from "../../state/route";
import { currentResident } from "../../state/session";

interface Entry {
  href: string;
  label: MessageKey;
  section: RegExp;
  /** Shown only when the active home is the resident's as main tenant. */
  mainTenant?: boolean;
}

const ENTRIES: readonly Entry[] = [
  { href: "/", label: "shell.navHome", section: /^\/$/ },
  { href: "/tickets", label: "shell.navTickets", section: /^\/(tickets|report)(\/|$)/ },
  { href: "/messages", label: "shell.navMessages", section: /^\/messages(\/|$)/ },
  { href: "/news", label: "shell.navNews", section: /^\/news(\/|$)/ },
  { href: "/property", label: "shell.navProperty", section: /^\/property$/ },
  { href: "/rent", label: "shell.navRent", section: /^\/rent$/, mainTenant: true },
  { href: "/occupants", label: "shell.navOccupants", section: /^\/occupants$/, mainTenant: true },
  { href: "/settings", label: "shell.navSettings", section: /^\/settings$/ },
];

/** The signed-in resident's main menu; the entry of the screen shown is marked current. */
export function ShellNav() {
  const resident = currentResident();
  if (!resident) return null;
  const path = currentPath.value;
  const mainTenant = activeHome(resident.homes)?.access === "main_tenant";
  const entries = ENTRIES.filter((entry) => mainTenant || !entry.mainTenant);
  return (
    <nav class="shell-nav" aria-label={t("shell.navLabel")} data-testid="shell-nav">
      <ul>
        {entries.map((entry) => (
          <li key={entry.href}>
            <Link href={entry.href} current={entry.section.test(path) ? "page" : undefined}>
              {t(entry.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
