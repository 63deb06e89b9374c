import { Link } from "../../components/Link";
import type { MessageKey } from "../../i18n/catalog";
import { t } from "../../i18n/t";
import { currentPath } from "../../state/route";
import { currentResident } from "../../state/session";

const ENTRIES: ReadonlyArray<{ href: string; label: MessageKey; section: RegExp }> = [
  { href: "/", label: "shell.navHome", section: /^\/$/ },
  { href: "/tickets", label: "shell.navTickets", section: /^\/tickets(\/|$)/ },
  { href: "/report", label: "shell.navReport", section: /^\/report$/ },
  { href: "/settings", label: "shell.navSettings", section: /^\/settings$/ },
];

/** The signed-in resident's main menu; the entry of the screen shown is marked current. */
export function ShellNav() {
  if (!currentResident()) return null;
  const path = currentPath.value;
  return (
    <nav class="shell-nav" aria-label={t("shell.navLabel")} data-testid="shell-nav">
      <ul>
        {ENTRIES.map((entry) => (
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
