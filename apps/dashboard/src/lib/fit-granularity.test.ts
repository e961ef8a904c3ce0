import { describe, expect, it } from "vitest";
import { countPeriods, fitGranularity } from "./fit-granularity";

describe("countPeriods", () => {
  it("counts days, ISO weeks and months holding a day of the range", () => {
    expect(countPeriods("2026-01-01", "2026-01-01", "day")).toBe(1);
    expect(countPeriods("2024-01-01", "2024-12-31", "day")).toBe(366);
    // Sun 2026-11-29 and Mon 2026-11-30 are in two weeks.
    expect(countPeriods("2026-11-29", "2026-11-30", "week")).toBe(2);
    expect(countPeriods("2026-11-30", "2026-12-06", "week")).toBe(1);
    expect(countPeriods("2025-12-31", "2026-01-01", "month")).toBe(2);
    expect(countPeriods("2021-11-29", "2026-11-27", "month")).toBe(61);
    expect(countPeriods("2026-02-01", "2026-01-01", "day")).toBe(0);
  });
});

describe("fitGranularity", () => {
  it("keeps the requested granularity while it fits", () => {
    expect(fitGranularity("day", { first: "2026-01-01", last: "2026-06-01" }, 200)).toEqual({
      granularity: "day",
      coarsened: false,
      requestedPoints: 152,
    });
  });

  it("draws weeks, then months, when the range holds too many periods", () => {
    expect(fitGranularity("day", { first: "2025-01-01", last: "2026-06-30" }, 200)).toMatchObject({
      granularity: "week",
      coarsened: true,
      requestedPoints: 546,
    });
    expect(fitGranularity("day", { first: "2021-11-29", last: "2026-11-27" }, 200).granularity).toBe("month");
    expect(fitGranularity("week", { first: "1970-01-01", last: "2099-12-31" }, 200).granularity).toBe(
      "month",
    );
  });

  it("leaves an empty view as requested", () => {
    expect(fitGranularity("day", null)).toEqual({ granularity: "day", coarsened: false, requestedPoints: 0 });
  });
});
