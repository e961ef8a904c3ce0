import type { DayCoverage } from "@paperpulse/db";
import { describe, expect, it } from "vitest";
import { classifyDay, planBackfill } from "./plan-backfill.ts";

const day = (date: string, over: Partial<DayCoverage> = {}): DayCoverage => ({
  date,
  okPages: 0,
  items: 0,
  failedPages: 0,
  lastCapturedAt: null,
  ...over,
});

describe("backfill planning", () => {
  const coverage = [
    day("2024-03-01", { okPages: 1, items: 12, lastCapturedAt: new Date("2024-03-20T00:00:00Z") }),
    day("2024-03-02", { okPages: 1, items: 12, lastCapturedAt: new Date("2024-03-05T00:00:00Z") }),
    day("2024-03-03", { okPages: 1, items: 0, lastCapturedAt: new Date("2024-03-04T00:00:00Z") }),
    day("2024-03-04", { failedPages: 2 }),
    day("2024-03-05"),
  ];

  it("tells settled, captured-too-early, empty, failed and missing days apart", () => {
    expect(coverage.map(classifyDay)).toEqual(["settled", "captured", "no-papers", "failed", "missing"]);
  });

  it("fetches every day but the settled ones, or all of them with --force", () => {
    expect(planBackfill(coverage, false)).toEqual(["2024-03-02", "2024-03-03", "2024-03-04", "2024-03-05"]);
    expect(planBackfill(coverage, true)).toHaveLength(5);
  });
});
