import { describe, expect, it } from "vitest";
import { fillMissingDays, monthTicks } from "./chart";

describe("chart data", () => {
  it("fills missing days with zeros, across month ends", () => {
    const rows = [
      { date: "2024-02-28", n: 1 },
      { date: "2024-03-02", n: 2 },
    ];
    expect(fillMissingDays(rows, (date) => ({ date, n: 0 }))).toEqual([
      { date: "2024-02-28", n: 1 },
      { date: "2024-02-29", n: 0 },
      { date: "2024-03-01", n: 0 },
      { date: "2024-03-02", n: 2 },
    ]);
    expect(fillMissingDays([], (date) => ({ date }))).toEqual([]);
  });

  it("ticks month starts, thinned to at most maxTicks", () => {
    const days = fillMissingDays([{ date: "2024-01-15" }, { date: "2025-12-31" }], (date) => ({ date })).map(
      (row) => row.date,
    );
    expect(monthTicks(days)).toEqual([
      "2024-02-01",
      "2024-04-01",
      "2024-06-01",
      "2024-08-01",
      "2024-10-01",
      "2024-12-01",
      "2025-02-01",
      "2025-04-01",
      "2025-06-01",
      "2025-08-01",
      "2025-10-01",
      "2025-12-01",
    ]);
    expect(monthTicks(["2024-01-30", "2024-01-31", "2024-02-01"])).toBeUndefined();
  });
});
