import { describe, expect, it } from "vitest";
import {
  fillMissingDays,
  fillPeriods,
  formatHours,
  formatShare,
  formatStat,
  monthTicks,
  pivotSeries,
} from "./chart";

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

describe("periods", () => {
  it("fills missing weeks and months", () => {
    expect(
      fillPeriods([{ date: "2024-01-01" }, { date: "2024-01-22" }], "week", (date) => ({ date })).map(
        (r) => r.date,
      ),
    ).toEqual(["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"]);
    expect(
      fillPeriods([{ date: "2023-11-01" }, { date: "2024-02-01" }], "month", (date) => ({ date })).map(
        (r) => r.date,
      ),
    ).toEqual(["2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01"]);
  });

  it("ticks the first week of each month", () => {
    expect(monthTicks(["2024-01-22", "2024-01-29", "2024-02-05", "2024-02-12", "2024-03-04"])).toEqual([
      "2024-02-05",
      "2024-03-04",
    ]);
  });

  it("pivots long rows into one object per period, series by index", () => {
    const rows = [
      { p: "2024-01-01", k: "a.b", n: 2 },
      { p: "2024-01-01", k: null, n: 1 },
      { p: "2023-12-01", k: "c", n: 4 },
    ];
    expect(
      pivotSeries(
        rows,
        (r) => r.k,
        (r) => r.p,
        (r) => r.n,
        ["a.b", "c", null],
      ),
    ).toEqual([
      { date: "2023-12-01", s0: 0, s1: 4, s2: 0 },
      { date: "2024-01-01", s0: 2, s1: 0, s2: 1 },
    ]);
  });

  it("formats hours, shares and statistics", () => {
    expect(formatHours(1.25)).toBe("1.3 h");
    expect(formatHours(50)).toBe("2 d 2 h");
    expect(formatShare(2 / 13)).toBe("15.4%");
    expect(formatStat(14.5)).toBe("14.5");
    expect(formatStat(1200)).toBe("1,200");
  });
});
