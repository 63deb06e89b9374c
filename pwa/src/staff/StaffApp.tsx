import { st } from "./i18n/st";
import { StaffHeader } from "./shell/StaffHeader";
import { StaffNav } from "./shell/StaffNav";
import { StaffRoutes } from "./shell/StaffRoutes";
import { currentStaff } from "./shell/session";

/** The console frame: skip link, header, the sections (signed-in staff only), the screen. */
export function StaffApp() {
  const user = currentStaff();
  return (
    <div class={user ? "staff-app staff-app--nav" : "staff-app"}>
      <a class="skip-link" href="#main">
        {st("shell.skipLink")}
      </a>
      <StaffHeader />
      {user && <StaffNav user={user} />}
      <main id="main" class="staff-main" tabIndex={-1}>
        <StaffRoutes />
      </main>
    </div>
  );
}
