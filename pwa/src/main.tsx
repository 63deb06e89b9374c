import { render } from "preact";
import "./styles.css";
import { ShellApp } from "./features/shell/ShellApp";
import { registerServiceWorker } from "./features/update/serviceWorker";
import { loadCatalog } from "./i18n/catalog";
import { bindDocumentLanguage, initLanguage, language, loadChosenCatalogs } from "./state/language";
import { listenToServiceWorker } from "./state/pageMessages";
import { initRouter } from "./state/route";
import { installSessionGuard, loadSession } from "./state/session";

initLanguage();
const firstCatalog = loadCatalog(language.value).catch(() => undefined);
loadChosenCatalogs();
bindDocumentLanguage(document);
initRouter();
installSessionGuard();
listenToServiceWorker();
// Also makes the server set the CSRF cookie before any form is sent.
void loadSession();

// The first screen waits for its language (a few kB, from the cache after the first visit).
const root = document.getElementById("app");
void firstCatalog.then(() => {
  if (root) render(<ShellApp />, root);
});

if (import.meta.env.PROD) registerServiceWorker(`${import.meta.env.BASE_URL}sw.js`);
