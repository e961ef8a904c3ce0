import { beforeAll, expect, it } from "vitest";
import { capturedPaper, describeEachDatabase, storeFresh } from "../../testing/index.ts";
import { listThresholdCrossings } from "./list-threshold-crossings.ts";

const at = (hour: number) => new Date(Date.UTC(2025, 10, 3, hour));
const lab = { name: "cross-lab", fullname: null, avatar: null };
const early = (upvotes: number) => capturedPaper("2511.10001", upvotes, { dailyDate: "2025-11-02" });
const late = (upvotes: number) =>
  capturedPaper("2511.10002", upvotes, { dailyDate: "2025-11-03", organization: lab });
const never = (upvotes: number) => capturedPaper("2511.10003", upvotes, { dailyDate: "2025-11-03" });

describeEachDatabase("threshold crossings", (getDb) => {
  beforeAll(() =>
    storeFresh(getDb(), [
      { capturedAt: at(1), listingDate: null, papers: [early(5), late(1), never(1)] },
      { capturedAt: at(2), listingDate: null, papers: [early(12), late(4), never(2)] },
      { capturedAt: at(3), listingDate: null, papers: [early(30), late(11), never(3)] },
      { capturedAt: at(4), listingDate: null, papers: [early(31), late(15), never(9)] },
    ]),
  );

  it("lists the papers that reached the threshold, newest crossing first, at the first capture above it", async () => {
    const ten = await listThresholdCrossings(getDb(), { orgs: [] }, { upvotes: 10, limit: 10 });
    expect(ten.map((row) => [row.id, row.crossedAt.toISOString(), row.upvotes])).toEqual([
      ["2511.10002", at(3).toISOString(), 15],
      ["2511.10001", at(2).toISOString(), 31],
    ]);
    const ofLab = await listThresholdCrossings(getDb(), { orgs: ["cross-lab"] }, { upvotes: 10, limit: 10 });
    expect(ofLab.map((row) => row.id)).toEqual(["2511.10002"]);
    expect(await listThresholdCrossings(getDb(), { orgs: [] }, { upvotes: 100, limit: 10 })).toEqual([]);
    expect(await listThresholdCrossings(getDb(), { orgs: [] }, { upvotes: 10, limit: 1 })).toHaveLength(1);
  });
});
