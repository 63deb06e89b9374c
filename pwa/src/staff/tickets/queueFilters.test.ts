import { describe, expect, it } from "vitest";
import { apiQuery, daysBefore, filtersFromQuery, filtersToQuery, NO_FILTERS } from "./queueFilters";

const STAFF = "0192f0a4-0000-7000-8000-00000000c502";
const PROPERTY = "0192f0a4-0000-7000-8000-0000000000b1";

describe("queue filters ⇄ URL", () => {
  it("round-trips every filter through the console URL", () => {
    const filters = {
      statuses: ["received", "waiting_for_parts"] as const,
      category: "water_drains",
      propertyId: PROPERTY,
      olderThan: 7,
      assignee: STAFF,
      overdue: true,
      q: "Kontulantie 5",
      sort: "-expected_by",
      page: 2,
    };
    const query = filtersToQuery({ ...filters, statuses: [...filters.statuses] });
    expect(query.toString()).toBe(
      `status=received&status=waiting_for_parts&category=water_drains&propertyId=${PROPERTY}` +
        `&olderThan=7&assigneeId=${STAFF}&overdue=true&q=Kontulantie+5&sort=-expected_by&page=3`,
    );
    expect(filtersFromQuery(query)).toEqual({ ...filters, statuses: [...filters.statuses] });
  });

  it("no filters is an empty query, and junk in a URL is dropped", () => {
    expect(filtersToQuery(NO_FILTERS).toString()).toBe("");
    const junk = new URLSearchParams(
      "status=open&status=done&olderThan=5&assigneeId=x&propertyId=1&sort=name&page=-3&overdue=1",
    );
    expect(filtersFromQuery(junk)).toEqual({ ...NO_FILTERS, statuses: ["done"] });
  });

  it("unassigned is its own flag", () => {
    const query = filtersToQuery({ ...NO_FILTERS, assignee: "unassigned" });
    expect(query.toString()).toBe("unassigned=true");
    expect(filtersFromQuery(query).assignee).toBe("unassigned");
  });
});

describe("the API query", () => {
  it("turns 'older than' into createdBefore and the page into limit/offset", () => {
    const today = new Date(2026, 10, 30, 15, 0);
    const query = apiQuery(
      { ...NO_FILTERS, statuses: ["scheduled"], olderThan: 14, assignee: "unassigned", page: 1 },
      today,
    );
    expect(query.toString()).toBe(
      "status=scheduled&createdBefore=2026-11-16&unassigned=true&sort=created&limit=50&offset=50",
    );
    expect(daysBefore(new Date(2026, 2, 1), 1)).toBe("2026-02-28");
  });
});
