import { beforeAll, expect, it } from "vitest";
import { capturedPaper, describeEachDatabase, storeFresh } from "../../testing/index.ts";
import { listRisingKeywords } from "../topics/list-rising-keywords.ts";
import { listPapers } from "./list-papers.ts";

const papers = [
  capturedPaper("2511.00001", 9, { dailyDate: "2025-11-03", keywords: ["agents", "retrieval"] }),
  capturedPaper("2511.00002", 3, { dailyDate: "2025-11-04", keywords: ["agents"] }),
  capturedPaper("2511.00003", 4, {
    dailyDate: "2025-11-04",
    keywords: ["retrieval"],
    title: "Agents, in the title only",
  }),
  capturedPaper("2511.00004", 1, { dailyDate: "2025-11-05", keywords: ["agents"] }),
  // The window before: no paper carries "agents", so it counts as rising.
  ...[1, 2, 3].map((n) =>
    capturedPaper(`2510.0090${n}`, 2, { dailyDate: "2025-10-30", keywords: ["retrieval"] }),
  ),
];

describeEachDatabase("keyword filter", (getDb) => {
  beforeAll(async () =>
    storeFresh(getDb(), [{ capturedAt: new Date("2025-11-06T00:00:00Z"), listingDate: null, papers }]),
  );

  it("lists the papers carrying the keyword, as many as the rising keywords count", async () => {
    const page = await listPapers(
      getDb(),
      { orgs: [], keyword: "agents" },
      {
        sort: { key: "upvotes", dir: "desc" },
        page: 1,
        pageSize: 10,
      },
    );
    // Not the paper that has the word in its title only.
    expect(page.rows.map((row) => row.id)).toEqual(["2511.00001", "2511.00002", "2511.00004"]);
    expect(page.total).toBe(3);
    const rising = await listRisingKeywords(
      getDb(),
      { orgs: [], from: "2025-11-01", to: "2025-11-05" },
      { minCount: 1 },
    );
    expect(rising.keywords.find((k) => k.keyword === "agents")?.papers).toBe(page.total);
    const narrowed = await listPapers(
      getDb(),
      { orgs: [], keyword: "agents", from: "2025-11-04" },
      {
        sort: { key: "upvotes", dir: "desc" },
        page: 1,
        pageSize: 10,
      },
    );
    expect(narrowed.total).toBe(2);
  });
});
