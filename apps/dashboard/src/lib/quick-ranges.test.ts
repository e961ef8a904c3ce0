import { describe, expect, it } from "vitest";
import { currentQuickRange, quickRanges } from "./quick-ranges";

describe("quick ranges", () => {
  it("end at the newest stored day, across month and year ends", () => {
    expect(quickRanges("2025-01-03").map((range) => [range.key, range.from])).toEqual([
      ["day", "2025-01-03"],
      ["7d", "2024-12-28"],
      ["30d", "2024-12-05"],
      ["year", "2025-01-01"],
      ["all", undefined],
    ]);
    expect(quickRanges("2024-03-01")[1]?.from).toBe("2024-02-24"); // a leap year's February
  });

  it("know which one the filters are on, and that an explicit end date is none of them", () => {
    const ranges = quickRanges("2025-06-30");
    expect(currentQuickRange(ranges, {})?.key).toBe("all");
    expect(currentQuickRange(ranges, { from: "2025-06-24" })?.key).toBe("7d");
    expect(currentQuickRange(ranges, { from: "2025-06-24", to: "2025-06-30" })).toBeUndefined();
    expect(currentQuickRange(ranges, { from: "2025-06-20" })).toBeUndefined();
  });
});
