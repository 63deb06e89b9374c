import { describe, expect, it } from "vitest";
import pullFull from "../../offline/fixtures/pull-full-clear.json";
import type { CategoriesRow } from "../../offline/views";
import { fileableGroups, firstInvalidStep, newDraft, ticketArgs, validateStep } from "./draft";

const categories = pullFull.response.body.patch.find(
  (op) => "key" in op && op.key === "ticketCategories",
)?.value as unknown as CategoriesRow;
const LEASE = "00000000-0000-4000-8000-000000000001";

function complete() {
  return {
    ...newDraft(LEASE, "+358 40 000 0123"),
    area: "apartment",
    category: "kitchen",
    description: "Hana vuotaa",
    masterKeyPermission: true,
    pets: false,
  };
}

describe("the defect notification's checks", () => {
  it("never offers the emergency group or its categories", () => {
    const groups = fileableGroups(categories);
    expect(groups.map((g) => g.code)).toEqual(["apartment", "common_area"]);
    expect(groups.flatMap((g) => g.categories).some((c) => c.emergency)).toBe(false);
  });

  it("requires a contact window when the master key may not be used", () => {
    const draft = { ...complete(), masterKeyPermission: false };
    expect(validateStep("access", draft, [LEASE], categories)).toEqual({
      contactWindow: "contactWindowRequired",
    });
    expect(validateStep("access", { ...draft, contactWindow: "  " }, [LEASE], categories)).toEqual({
      contactWindow: "contactWindowRequired",
    });
    expect(
      validateStep("access", { ...draft, contactWindow: "Arkisin 8–12" }, [LEASE], categories),
    ).toEqual({});
    expect(validateStep("access", complete(), [LEASE], categories)).toEqual({});
  });

  it("checks the phone number as the server does", () => {
    const draft = complete();
    expect(validateStep("access", { ...draft, contactPhone: "" }, [LEASE], categories)).toEqual({
      contactPhone: "phoneRequired",
    });
    expect(
      validateStep("access", { ...draft, contactPhone: "soita" }, [LEASE], categories),
    ).toEqual({ contactPhone: "phoneInvalid" });
  });

  it("finds the first step to fix, and builds the createTicket arguments", () => {
    expect(firstInvalidStep({ ...complete(), description: " " }, [LEASE], categories)?.step).toBe(
      "description",
    );
    expect(
      firstInvalidStep({ ...complete(), category: "water_leak" }, [LEASE], categories)?.step,
    ).toBe("category");
    expect(firstInvalidStep(complete(), [LEASE], categories)).toBeNull();
    const args = ticketArgs("id-1", { ...complete(), contactWindow: "ignored with the key" });
    expect(args).toEqual({
      id: "id-1",
      leaseId: LEASE,
      category: "kitchen",
      location: "",
      description: "Hana vuotaa",
      masterKeyPermission: true,
      contactWindow: null,
      pets: false,
      contactPhone: "+358 40 000 0123",
      photos: [],
    });
  });
});
