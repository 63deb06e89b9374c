import { render } from "preact";
import "./styles.css";
import { ShellApp } from "./features/shell/ShellApp";
import { registerServiceWorker } from "./features/update/serviceWorker";
import { bindDocumentLanguage, initLanguage } from "./state/language";
import { listenToServiceWorker } from "./state/pageMessages";
import { initRouter } from "./state/route";
import { installSessionGuard, loadSession } from "./state/session";

initLanguage();
bindDocumentLanguage(document);
initRouter();
installSessionGuard();
listenToServiceWorker();
// Also makes the server set the CSRF cookie before any form is sent.
void loadSession();

const root = document.getElementById("app");
if (root) render(<ShellApp />, root);

if (import.meta.env.PROD) registerServiceWorker(`${import.meta.env.BASE_URL}sw.js`);
