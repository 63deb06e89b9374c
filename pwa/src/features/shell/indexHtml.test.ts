import { describe, expect, it } from "vitest";
import html from "../../../index.html?raw";

describe("index.html", () => {
  it("is Finnish by default and links the icons", () => {
    // The manifest link itself is injected by vite-plugin-pwa at build time.
    expect(html).toMatch(/<html lang="fi"/);
    expect(html).toMatch(/<meta name="theme-color" content="#[0-9a-f]{6}"/);
    expect(html).toMatch(/<meta\s+name="description"\s+content="[^"]+"/);
    expect(html).toContain('rel="apple-touch-icon"');
    expect(html).toContain("<noscript>");
  });

  it("has nothing inline that the CSP would block", () => {
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/\ssrc="/);
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/);
  });
});
