import { renderToString } from "preact-render-to-string";
import { afterEach, describe, expect, it } from "vitest";
import { LANGUAGES } from "../../i18n/languages";
import { language } from "../../state/language";
import { sessionState } from "../../state/session";
import { pendingUpdate } from "../update/serviceWorker";
import { ShellApp } from "./ShellApp";

function signedOut() {
  sessionState.value = {
    status: "ready",
    session: {
      authenticated: false,
      principal: null,
      passwordLoginAvailable: false,
      strongAuth: "oidc",
    },
  };
}

afterEach(() => {
  language.value = "fi";
  pendingUpdate.value = null;
  sessionState.value = { status: "loading" };
});

const GREETINGS = {
  fi: "Tervetuloa asukassivuille",
  sv: "Välkommen till boendesidorna",
  en: "Welcome to the resident pages",
} as const;

describe("ShellApp", () => {
  for (const lang of LANGUAGES) {
    it(`greets in ${lang}, with the emergency hint`, () => {
      signedOut();
      language.value = lang;
      const html = renderToString(<ShellApp />);
      expect(html).toContain(`<h1 data-testid="greeting">${GREETINGS[lang]}</h1>`);
      expect(html).toMatch(/data-testid="emergency-hint"/);
      expect(html).toMatch(new RegExp(`aria-pressed="true"[^>]*data-testid="language-${lang}"`));
    });
  }

  it("has landmarks, one h1 and a working skip link", () => {
    signedOut();
    const html = renderToString(<ShellApp />);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    for (const tag of ["header", "main", "footer"]) expect(html).toContain(`<${tag}`);
    expect(html).toContain('href="#main"');
    expect(html).toContain('id="main"');
    expect(html).toContain('data-testid="language-switcher"');
  });

  it("renders no inline styles (CSP style-src 'self')", () => {
    pendingUpdate.value = { apply: () => undefined };
    const html = renderToString(<ShellApp />);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/<style|<script/);
  });

  it("while the session loads: a status only, nothing that the screen would push down", () => {
    const html = renderToString(<ShellApp />);
    expect(html).toContain('data-testid="session-loading"');
    expect(html).not.toContain("<h1");
    expect(html).not.toContain("<main");
    expect(html).not.toContain('data-testid="emergency-hint"');
    expect(html).not.toContain("<footer");
  });

  it("shows the update prompt only while an update waits", () => {
    expect(renderToString(<ShellApp />)).not.toContain('data-testid="update-prompt"');
    pendingUpdate.value = { apply: () => undefined };
    language.value = "sv";
    const html = renderToString(<ShellApp />);
    expect(html).toContain('data-testid="update-prompt"');
    expect(html).toContain("Uppdatera och ladda om");
  });
});
