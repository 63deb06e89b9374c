import { describe, expect, it } from "vitest";
import { describeCatalogs } from "../test/catalogChecks";
import { catalogs, translate } from "./catalog";
import { t } from "./t";

describeCatalogs("message catalogs", catalogs);

describe("translate", () => {
  it("uses the portal's name in each language", () => {
    expect(translate("fi", "app.name")).toBe("Asukasportaali");
    expect(translate("sv", "app.name")).toBe("Invånarportalen");
    expect(translate("en", "app.name")).toBe("Resident Portal");
  });

  it("rejects unknown keys at compile time", () => {
    // @ts-expect-error: not a key of the Finnish catalog
    expect(t("shell.nope")).toBe("shell.nope");
  });
});
