import { render } from "preact";
import "./styles.css";
import { ShellApp } from "./features/shell/ShellApp";
import { registerServiceWorker } from "./features/update/serviceWorker";
import { bindDocumentLanguage, initLanguage } from "./state/language";

initLanguage();
bindDocumentLanguage(document);

const root = document.getElementById("app");
if (root) render(<ShellApp />, root);

if (import.meta.env.PROD) registerServiceWorker(`${import.meta.env.BASE_URL}sw.js`);
