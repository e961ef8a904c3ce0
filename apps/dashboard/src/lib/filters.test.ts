import { describe, expect, it } from "vitest";
import { filtersToQuery, parseFilters } from "./filters";

describe("parseFilters", () => {
  it("reads repeatable orgs and a date range", () => {
    const { filters, issues } = parseFilters(
      new URLSearchParams("org=ByteDance-Seed&org=Qwen&org=Qwen&from=2026-07-01&to=2026-07-31&x=1"),
    );
    expect(issues).toEqual([]);
    expect(filters).toEqual({ orgs: ["ByteDance-Seed", "Qwen"], from: "2026-07-01", to: "2026-07-31" });
  });

  it("accepts Next's searchParams record and treats empty values as absent", () => {
    expect(parseFilters({ org: ["a", ""], from: "", to: undefined })).toEqual({
      filters: { orgs: ["a"] },
      issues: [],
    });
  });

  it("reports bad values by parameter and leaves them out", () => {
    const { filters, issues } = parseFilters(
      new URLSearchParams(`from=2024-13-45&to=yesterday&org=${"x".repeat(201)}`),
    );
    expect(filters).toEqual({ orgs: [] });
    expect(issues.map((issue) => issue.param)).toEqual(["org", "from", "to"]);
    expect(issues[1]?.message).toContain("real calendar date");
  });

  it("rejects a range that ends before it starts", () => {
    const { filters, issues } = parseFilters(new URLSearchParams("from=2024-02-01&to=2024-01-01"));
    expect(filters).toEqual({ orgs: [], from: "2024-02-01" });
    expect(issues).toEqual([{ param: "to", message: "must not be before from (2024-02-01)" }]);
  });

  it("round-trips through the URL", () => {
    const filters = { orgs: ["a b", "c&d"], from: "2024-01-01" };
    expect(parseFilters(new URLSearchParams(filtersToQuery(filters))).filters).toEqual(filters);
    expect(filtersToQuery({ orgs: [] })).toBe("");
  });
});
