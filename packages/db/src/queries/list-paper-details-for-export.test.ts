import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/databases.ts";
import { seedExportData } from "../../testing/export-seed.ts";
import { noFilters } from "./filters.ts";
import { listPaperDetailsForExport } from "./list-paper-details-for-export.ts";

describeEachDatabase("papers export details", (getDb) => {
  beforeAll(async () => {
    await seedExportData(getDb());
  });

  it("adds each paper's lists, group, GitHub, rank and date exactness, batch by batch", async () => {
    const rows = [];
    // One paper per batch: each batch's details are looked up on their own.
    for await (const batch of listPaperDetailsForExport(getDb(), noFilters, { batchSize: 1 }))
      rows.push(...batch);
    expect(
      rows.map((row) => ({
        id: row.id,
        dailyDate: row.dailyDate,
        exact: row.dailyDateExact,
        group: row.organizationGroup,
        authors: row.authors,
        users: row.authorUsers,
        keywords: row.keywords,
        topics: row.topics,
        github: [row.githubRepo, row.githubStars],
        rank: row.rank,
      })),
    ).toEqual([
      {
        id: "2601.00010",
        dailyDate: "2026-01-05",
        exact: true,
        group: "ByteDance",
        authors: ["Ada Example", "Bo Example"],
        users: ["ada-ex", null],
        keywords: ["diffusion model", "video"],
        // No topic catalogue stored: slugs in their own order.
        topics: ["diffusion", "video"],
        github: ["https://github.com/example/one", 42],
        // Its latest capture is the trending listing, second place.
        rank: 2,
      },
      {
        id: "2601.00020",
        dailyDate: "2026-01-05",
        exact: true,
        group: null,
        authors: ["Cy Example"],
        users: ["cy"],
        keywords: [],
        topics: [],
        github: [null, null],
        rank: 2,
      },
      {
        id: "2601.00030",
        dailyDate: "2026-01-06",
        exact: false,
        group: null,
        authors: [],
        users: [],
        keywords: [],
        topics: ["llm"],
        github: [null, null],
        rank: 1,
      },
    ]);
  });

  it("keeps the filters and sort of the base export", async () => {
    const ids = [];
    for await (const batch of listPaperDetailsForExport(getDb(), { orgs: ["ByteDance"], groups: true })) {
      ids.push(...batch.map((row) => [row.id, row.organizationGroup]));
    }
    expect(ids).toEqual([["2601.00010", "ByteDance"]]);
  });
});
