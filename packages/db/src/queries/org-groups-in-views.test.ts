import { beforeAll, expect, it } from "vitest";
import { capturedPaper, describeEachDatabase, storeFresh } from "../../testing/index.ts";
import { getCompareSeries } from "./get-compare-series.ts";
import { getOrgActivity } from "./get-org-activity.ts";
import { listOrgLeaderboard } from "./list-org-leaderboard.ts";
import { listPapers } from "./list-papers.ts";

// ByteDance and ByteDance-Seed are one company in the default groups; lab-x is in no group.
const org = (name: string) => ({ name, fullname: null, avatar: null });
const papers = [
  capturedPaper("2511.20001", 10, { dailyDate: "2025-11-03", organization: org("ByteDance") }),
  capturedPaper("2511.20002", 20, { dailyDate: "2025-11-04", organization: org("ByteDance-Seed") }),
  capturedPaper("2511.20003", 40, { dailyDate: "2025-11-04", organization: org("ByteDance-Seed") }),
  capturedPaper("2511.20004", 5, { dailyDate: "2025-11-05", organization: org("lab-x") }),
  capturedPaper("2511.20005", 1, { dailyDate: "2025-11-05" }),
];

describeEachDatabase("organisation groups in the views", (getDb) => {
  beforeAll(() =>
    storeFresh(getDb(), [{ capturedAt: new Date("2025-11-06T00:00:00Z"), listingDate: null, papers }]),
  );

  it("filters on a group's every organisation only when groups are asked for", async () => {
    const ids = async (groups: boolean) =>
      (
        await listPapers(
          getDb(),
          { orgs: ["ByteDance"], groups },
          {
            sort: { key: "date", dir: "asc" },
            page: 1,
            pageSize: 50,
          },
        )
      ).rows.map((row) => row.id);
    expect(await ids(false)).toEqual(["2511.20001"]);
    expect(await ids(true)).toEqual(["2511.20001", "2511.20002", "2511.20003"]);
  });

  it("ranks and charts groups instead of names, names untouched without groups", async () => {
    const board = async (groups: boolean) =>
      (await listOrgLeaderboard(getDb(), { orgs: [], groups }, { limit: 10 })).map((r) => [
        r.name,
        r.papers,
        r.upvotes,
      ]);
    expect(await board(true)).toEqual([
      ["ByteDance", 3, 70],
      ["lab-x", 1, 5],
    ]);
    expect(await board(false)).toEqual([
      ["ByteDance-Seed", 2, 60],
      ["ByteDance", 1, 10],
      ["lab-x", 1, 5],
    ]);
    const activity = await getOrgActivity(
      getDb(),
      { orgs: [], groups: true },
      { granularity: "month", top: 5 },
    );
    expect(activity.orgs).toEqual(["ByteDance", "lab-x"]);
    expect(activity.rows.map((r) => [r.org, r.papers])).toEqual([
      ["ByteDance", 3],
      ["lab-x", 1],
    ]);
    const compared = await getCompareSeries(
      getDb(),
      { orgs: ["ByteDance", "lab-x"], groups: true },
      { by: "org", granularity: "month" },
    );
    expect(compared.rows.map((r) => [r.key, r.papers, r.share])).toEqual([
      ["ByteDance", 3, 0.75],
      ["lab-x", 1, 0.25],
    ]);
  });
});
