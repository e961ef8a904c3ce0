import { describe, expect, it } from "vitest";
import { mergeCurves, rankChanges } from "./curves";

describe("mergeCurves", () => {
  it("puts the paper's points and the median on one numeric axis, each held until it changes", () => {
    const points = [
      { hours: 0, upvotes: 2, comments: 0 },
      { hours: 1.5, upvotes: 6, comments: 1 },
      { hours: 9, upvotes: 6, comments: 1, confirmed: true as const },
    ];
    const median = [
      { hours: 0, upvotes: 1, comments: 0, papers: 3 },
      { hours: 1, upvotes: 5.5, comments: 1, papers: 2 },
    ];
    expect(mergeCurves(points, median, "upvotes")).toEqual([
      { hours: 0, paper: 2, median: 1, mark: "change" },
      { hours: 1, paper: 2, median: 5.5, mark: null },
      { hours: 1.5, paper: 6, median: null, mark: "change" },
      // The last confirmed capture: drawn as its own, open, point.
      { hours: 9, paper: 6, median: null, mark: "confirmed" },
    ]);
  });

  it("breaks the paper's line inside a stretch nobody captured it", () => {
    const points = [
      { hours: 2, upvotes: 3, comments: 0 },
      { hours: 20, upvotes: 9, comments: 0 },
    ];
    const median = [{ hours: 2, upvotes: 1, comments: 0, papers: 1 }];
    const rows = mergeCurves(points, median, "upvotes", [{ fromHours: 4, toHours: 20 }]);
    expect(rows.map((row) => [row.hours, row.paper, row.mark])).toEqual([
      [2, 3, "change"],
      [12, null, "gap"],
      [20, 9, "change"],
    ]);
    // Before the paper's first capture it has no value: nothing is drawn there.
    expect(mergeCurves(points, [{ hours: 0, upvotes: 1, comments: 0, papers: 1 }], "upvotes")[0]).toEqual({
      hours: 0,
      paper: null,
      median: 1,
      mark: null,
    });
  });
});

describe("rankChanges", () => {
  it("keeps the first place and each change, skipping captures without one", () => {
    const points = [
      { hours: 0, rank: 4 },
      { hours: 1, rank: 4 },
      { hours: 2, rank: null },
      { hours: 3, rank: 1 },
      { hours: 9, rank: 2 },
      { hours: 12, rank: 2 },
    ];
    expect(rankChanges(points)).toEqual([
      { hours: 0, rank: 4 },
      { hours: 3, rank: 1 },
      { hours: 9, rank: 2 },
    ]);
    expect(rankChanges([{ hours: 0, rank: null }])).toEqual([]);
  });
});
