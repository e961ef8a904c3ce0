import { expect, it } from "vitest";
import { capturedPaper, describeEachDatabase, storeFresh } from "../../testing/index.ts";
import { getLatestTrending } from "./get-latest-trending.ts";

const lab = { name: "trend-lab", fullname: null, avatar: null };
const at = (hour: number) => new Date(Date.UTC(2025, 10, 3, hour));
const listing = (ids: string[]) =>
  ids.map((id, i) => capturedPaper(id, 10 * (ids.length - i), { dailyDate: "2025-11-02", rank: i + 1 }));

describeEachDatabase("latest trending listing", (getDb) => {
  it("says so when the trending listing was never captured", async () => {
    await storeFresh(getDb(), [
      { capturedAt: at(1), listingDate: "2025-11-02", papers: listing(["2511.00001"]) },
    ]);
    expect(await getLatestTrending(getDb(), { orgs: [] })).toEqual({ capturedAt: null, listed: 0, rows: [] });
  });

  it("keeps each trending capture's order, even where no count changed, and shows the newest", async () => {
    const first = listing(["2511.00001", "2511.00002", "2511.00003"]);
    // The same papers with the same counts an hour later, reordered: change-only snapshots add nothing, the order
    // is kept all the same.
    const second = [
      capturedPaper("2511.00003", 10, { dailyDate: "2025-11-02", rank: 1, organization: lab }),
      capturedPaper("2511.00001", 30, { dailyDate: "2025-11-02", rank: 2 }),
      capturedPaper("2511.00002", 20, { dailyDate: "2025-11-02", rank: 3 }),
    ];
    await storeFresh(getDb(), [
      { capturedAt: at(1), listingDate: null, trending: true, papers: first },
      // A day's listing captured later is not a trending one.
      { capturedAt: at(3), listingDate: "2025-11-02", papers: listing(["2511.00009"]) },
      { capturedAt: at(2), listingDate: null, trending: true, papers: second },
    ]);
    const latest = await getLatestTrending(getDb(), { orgs: [] });
    expect(latest.capturedAt?.toISOString()).toBe(at(2).toISOString());
    expect(latest.listed).toBe(3);
    expect(latest.rows.map((row) => [row.position, row.id])).toEqual([
      [1, "2511.00003"],
      [2, "2511.00001"],
      [3, "2511.00002"],
    ]);
    // Filters narrow the rows, not the listing's places or its size.
    const ofLab = await getLatestTrending(getDb(), { orgs: ["trend-lab"] });
    expect(ofLab).toMatchObject({
      listed: 3,
      rows: [{ position: 1, id: "2511.00003", organization: "trend-lab" }],
    });
  });
});
