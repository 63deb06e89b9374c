/** Entry of the staff console (staff/index.html → dist/staff/index.html): not part of the
 * resident app's bundle or its service worker's precache. */
import { render } from "preact";
import "../styles.css";
import "./staff.css";
import { loadChosenCatalogs } from "../state/language";
import { initRouter } from "../state/route";
import { bindStaffDocument, initStaffLanguage } from "./i18n/language";
import { StaffApp } from "./StaffApp";
import { installStaffSessionGuard, loadStaffSession } from "./shell/session";

initStaffLanguage();
// The shared API client's own messages (no connection, cancelled passkey prompt).
loadChosenCatalogs();
bindStaffDocument(document);
initRouter();
installStaffSessionGuard();
// Also makes the server set the CSRF cookie before any form is sent.
void loadStaffSession();

const root = document.getElementById("app");
if (root) render(<StaffApp />, root);
