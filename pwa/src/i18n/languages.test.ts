import { describe, expect, it } from "vitest";
import { detectLanguage, isLanguage } from "./languages";

describe("detectLanguage", () => {
  it.each([
    [["fi-FI", "en-US"], "fi"],
    [["sv-FI", "fi"], "sv"],
    [["sv"], "sv"],
    [["en-GB", "fi"], "en"],
    [["EN-us"], "en"],
    [["de-DE", "sv-SE", "fi"], "sv"],
    [["de", "fr"], "fi"],
    [[], "fi"],
    [["se-FI", "en"], "en"], // Northern Sámi is not "sv"
  ] as const)("%j → %s", (preferred, expected) => {
    expect(detectLanguage(preferred)).toBe(expected);
  });
});

describe("isLanguage", () => {
  it("accepts only the UI languages", () => {
    expect(isLanguage("sv")).toBe(true);
    expect(isLanguage("sv-FI")).toBe(false);
    expect(isLanguage(null)).toBe(false);
  });
});
