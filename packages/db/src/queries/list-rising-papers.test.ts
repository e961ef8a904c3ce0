import { beforeAll, expect, it } from "vitest";
import { capturedPaper, describeEachDatabase, storeFresh } from "../../testing/index.ts";
import type { CapturedPaper } from "../write/capture.ts";
import { listRisingPapers } from "./list-rising-papers.ts";

// The newest capture is at noon on 2025-10-20; every window ends there.
const now = Date.UTC(2025, 9, 20, 12);
const hoursAgo = (h: number) => new Date(now - h * 3_600_000);
const lab = { name: "rising-lab", fullname: null, avatar: null };

const steady = (upvotes: number) =>
  capturedPaper("2510.10001", upvotes, { dailyDate: "2025-10-10", organization: lab });
const fresh = (upvotes: number) => capturedPaper("2510.20001", upvotes, { dailyDate: "2025-10-20", rank: 2 });
// First captured two hours ago by a backfill, a month after it was featured: what it gained when is unknown.
const backfilled = capturedPaper("2509.20001", 100, { dailyDate: "2025-09-20" });
// Last captured ten days ago: it gained nothing that was seen in the last 7 days.
const stale = capturedPaper("2510.01001", 500, { dailyDate: "2025-10-01" });

const captures: [number, CapturedPaper[]][] = [
  [240, [stale]],
  [192, [steady(10)]],
  [48, [steady(20)]],
  [3, [fresh(5)]],
  [2, [backfilled]],
  [1, [steady(50)]],
  [0, [fresh(25)]],
];

describeEachDatabase("rising papers", (getDb) => {
  beforeAll(async () =>
    storeFresh(
      getDb(),
      captures.map(([h, papers]) => ({ capturedAt: hoursAgo(h), listingDate: null, papers })),
    ),
  );

  it("ranks by upvotes gained over the window, from the value in effect at its start", async () => {
    const day = await listRisingPapers(getDb(), { orgs: [] }, { window: "24h", limit: 10 });
    expect(day.asOf?.toISOString()).toBe(new Date(now).toISOString());
    expect(day.rows.map((row) => [row.id, row.gained24h, row.gained7d])).toEqual([
      ["2510.10001", 30, 40], // 50 now, 20 in effect 24 h ago (captured 48 h ago), 10 seven days ago
      ["2510.20001", 25, 25], // featured today: every upvote was gained in both windows
      ["2509.20001", null, null], // no capture before the windows, featured long before them
    ]);
    const fresh = day.rows.find((row) => row.id === "2510.20001");
    expect(fresh?.perHour).toBeCloseTo(25 / 12); // featured at midnight UTC, twelve hours before the newest capture
    expect(fresh?.rank).toBe(2);
    expect(day.rows.find((row) => row.id === "2510.10001")?.dayRank).toBe(1);
  });

  it("sorts by the week's gain, and applies the views' filters", async () => {
    const week = await listRisingPapers(getDb(), { orgs: [] }, { window: "7d", limit: 2 });
    expect(week.rows.map((row) => row.id)).toEqual(["2510.10001", "2510.20001"]);
    const lab = await listRisingPapers(getDb(), { orgs: ["rising-lab"] }, { window: "24h", limit: 10 });
    expect(lab.rows.map((row) => row.id)).toEqual(["2510.10001"]);
    const none = await listRisingPapers(
      getDb(),
      { orgs: [], minUpvotes: 1000 },
      { window: "24h", limit: 10 },
    );
    expect(none).toEqual({ asOf: new Date(now), rows: [] });
  });
});
