import { afterEach, describe, expect, it } from "vitest";
import {
  bindDocumentLanguage,
  initialLanguage,
  LANGUAGE_STORAGE_KEY,
  language,
  setLanguage,
} from "./language";

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      data.set(key, value);
    },
  };
}

const brokenStorage = {
  getItem: (): string | null => {
    throw new Error("denied");
  },
  setItem: (): void => {
    throw new Error("denied");
  },
};

afterEach(() => {
  language.value = "fi";
});

describe("initialLanguage", () => {
  it("prefers the saved choice over the browser", () => {
    const storage = memoryStorage({ [LANGUAGE_STORAGE_KEY]: "en" });
    expect(initialLanguage(storage, ["sv-FI"])).toBe("en");
  });

  it("ignores an invalid saved value", () => {
    const storage = memoryStorage({ [LANGUAGE_STORAGE_KEY]: "de" });
    expect(initialLanguage(storage, ["sv-FI"])).toBe("sv");
  });

  it("falls back to the browser when storage is denied or absent", () => {
    expect(initialLanguage(brokenStorage, ["en-GB"])).toBe("en");
    expect(initialLanguage(undefined, [])).toBe("fi");
  });
});

describe("setLanguage", () => {
  it("switches and persists the language", () => {
    const storage = memoryStorage();
    setLanguage("sv", storage);
    expect(language.value).toBe("sv");
    expect(storage.data.get(LANGUAGE_STORAGE_KEY)).toBe("sv");
  });

  it("still switches when storage fails", () => {
    setLanguage("en", brokenStorage);
    expect(language.value).toBe("en");
  });
});

describe("bindDocumentLanguage", () => {
  it("keeps <html lang> and the title in step", () => {
    const doc = { documentElement: { lang: "" }, title: "" };
    const dispose = bindDocumentLanguage(doc);
    expect(doc.documentElement.lang).toBe("fi");
    expect(doc.title).toBe("Asukasportaali");
    setLanguage("sv", undefined);
    expect(doc.documentElement.lang).toBe("sv");
    expect(doc.title).toBe("Invånarportalen");
    dispose();
  });
});
