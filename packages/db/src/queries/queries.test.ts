import { organizations, paperSnapshots, papers } from "@paperpulse/schema";
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/index.ts";
import { rebuildAggregates } from "../aggregates/index.ts";
import type { Db } from "../types.ts";
import {
  getDailyUpvotes,
  getPaper,
  listOrganizations,
  listPaperSnapshots,
  listPapersForExport,
  listTopPapers,
  type PaperExportRow,
} from "./index.ts";

// Four papers on two days, three of them with an organisation, each captured twice. Papers hold the second
// (latest) capture's counts, as the store keeps them; every expected value below is worked out by hand.
const t1 = new Date("2024-01-03T08:00:00.000Z");
const t2 = new Date("2024-01-05T20:30:00.000Z");

const seedPapers = [
  { id: "2401.00010", title: "Alpha one", day: "2024-01-01", org: "org-a", first: [5, 1], latest: [12, 3] },
  { id: "2401.00020", title: "Beta one", day: "2024-01-01", org: "org-b", first: [7, 0], latest: [9, 2] },
  { id: "2401.00030", title: "=Alpha two", day: "2024-01-02", org: "org-a", first: [1, 0], latest: [4, 1] },
  {
    id: "2401.00040",
    title: "No organisation",
    day: "2024-01-02",
    org: null,
    first: [20, 5],
    latest: [30, 6],
  },
] as const;

async function seed(db: Db): Promise<void> {
  await db.insert(organizations).values(
    ["org-a", "org-b", "org-c"].map((name) => ({
      name,
      fullname: `${name} fullname`,
      avatar: null,
      firstSeenAt: t1,
      lastSeenAt: t2,
    })),
  );
  await db.insert(papers).values(
    seedPapers.map((p) => ({
      id: p.id,
      title: p.title,
      dailyDate: p.day,
      dailyDateExact: true,
      organizationName: p.org,
      upvotes: p.latest[0],
      comments: p.latest[1],
      firstSeenAt: t1,
      lastSeenAt: t2,
    })),
  );
  // Latest captures are written first so that ordering by insertion would give the wrong answer.
  await db.insert(paperSnapshots).values([
    ...seedPapers.map((p) => ({
      paperId: p.id,
      capturedAt: t2,
      upvotes: p.latest[0],
      comments: p.latest[1],
    })),
    ...seedPapers.map((p) => ({
      paperId: p.id,
      capturedAt: t1,
      upvotes: p.first[0],
      comments: p.first[1],
    })),
  ]);
  // Rows written here, not by saveCapture: the precomputed tables are built from them as an open would.
  await rebuildAggregates(db);
}

async function collect(batches: AsyncGenerator<PaperExportRow[]>): Promise<PaperExportRow[][]> {
  const all: PaperExportRow[][] = [];
  for await (const batch of batches) all.push(batch);
  return all;
}

describeEachDatabase("dashboard loaders", (getDb) => {
  beforeAll(async () => {
    await seed(getDb());
  });

  it("sums the latest upvotes and counts papers per daily date", async () => {
    expect(await getDailyUpvotes(getDb(), { orgs: [] })).toEqual([
      { date: "2024-01-01", upvotes: 12 + 9, papers: 2 },
      { date: "2024-01-02", upvotes: 4 + 30, papers: 2 },
    ]);
  });

  it("filters daily upvotes by organisation and date range", async () => {
    expect(await getDailyUpvotes(getDb(), { orgs: ["org-a"] })).toEqual([
      { date: "2024-01-01", upvotes: 12, papers: 1 },
      { date: "2024-01-02", upvotes: 4, papers: 1 },
    ]);
    expect(await getDailyUpvotes(getDb(), { orgs: ["org-a", "org-b"] })).toEqual([
      { date: "2024-01-01", upvotes: 21, papers: 2 },
      { date: "2024-01-02", upvotes: 4, papers: 1 },
    ]);
    expect(await getDailyUpvotes(getDb(), { orgs: [], from: "2024-01-02" })).toEqual([
      { date: "2024-01-02", upvotes: 34, papers: 2 },
    ]);
    expect(await getDailyUpvotes(getDb(), { orgs: [], to: "2024-01-01" })).toEqual([
      { date: "2024-01-01", upvotes: 21, papers: 2 },
    ]);
    expect(await getDailyUpvotes(getDb(), { orgs: ["nobody"] })).toEqual([]);
  });

  it("lists top papers by latest upvotes", async () => {
    const top = await listTopPapers(getDb(), { orgs: [], limit: 3 });
    expect(top).toEqual([
      {
        id: "2401.00040",
        title: "No organisation",
        dailyDate: "2024-01-02",
        organization: null,
        upvotes: 30,
        comments: 6,
      },
      {
        id: "2401.00010",
        title: "Alpha one",
        dailyDate: "2024-01-01",
        organization: "org-a",
        upvotes: 12,
        comments: 3,
      },
      {
        id: "2401.00020",
        title: "Beta one",
        dailyDate: "2024-01-01",
        organization: "org-b",
        upvotes: 9,
        comments: 2,
      },
    ]);
    const alpha = await listTopPapers(getDb(), { orgs: ["org-a"], limit: 10 });
    expect(alpha.map((p) => p.id)).toEqual(["2401.00010", "2401.00030"]);
    const lateAlpha = await listTopPapers(getDb(), { orgs: ["org-a"], from: "2024-01-02", limit: 10 });
    expect(lateAlpha.map((p) => p.id)).toEqual(["2401.00030"]);
  });

  it("lists organisations with paper counts, most papers first", async () => {
    expect(await listOrganizations(getDb())).toEqual([
      { name: "org-a", fullname: "org-a fullname", papers: 2, upvotes: 16 },
      { name: "org-b", fullname: "org-b fullname", papers: 1, upvotes: 9 },
      { name: "org-c", fullname: "org-c fullname", papers: 0, upvotes: 0 },
    ]);
  });

  it("streams papers for export in keyset batches by daily date then id", async () => {
    const batches = await collect(listPapersForExport(getDb(), { orgs: [] }, { batchSize: 3 }));
    expect(batches.map((b) => b.length)).toEqual([3, 1]);
    const rows = batches.flat();
    expect(rows.map((r) => r.id)).toEqual(["2401.00010", "2401.00020", "2401.00030", "2401.00040"]);
    expect(rows[0]).toEqual({
      id: "2401.00010",
      title: "Alpha one",
      dailyDate: "2024-01-01",
      organization: "org-a",
      upvotes: 12,
      comments: 3,
      firstSeenAt: t1,
      lastSeenAt: t2,
    });
    const one = await collect(listPapersForExport(getDb(), { orgs: [] }, { batchSize: 1 }));
    expect(one.flat().map((r) => r.id)).toEqual(rows.map((r) => r.id));
    const exact = await collect(listPapersForExport(getDb(), { orgs: [] }, { batchSize: 4 }));
    expect(exact.map((b) => b.length)).toEqual([4]);
  });

  it("filters the export like the views", async () => {
    const rows = (await collect(listPapersForExport(getDb(), { orgs: ["org-a"], to: "2024-01-01" }))).flat();
    expect(rows.map((r) => r.id)).toEqual(["2401.00010"]);
    expect(await collect(listPapersForExport(getDb(), { orgs: ["org-c"] }))).toEqual([]);
  });

  it("lists a paper's snapshots in time order", async () => {
    expect(await listPaperSnapshots(getDb(), "2401.00010")).toEqual([
      { paperId: "2401.00010", capturedAt: t1, upvotes: 5, comments: 1 },
      { paperId: "2401.00010", capturedAt: t2, upvotes: 12, comments: 3 },
    ]);
    expect(await listPaperSnapshots(getDb(), "2401.99999")).toEqual([]);
  });

  it("gets one paper or null", async () => {
    expect(await getPaper(getDb(), "2401.00030")).toMatchObject({ id: "2401.00030", title: "=Alpha two" });
    expect(await getPaper(getDb(), "2401.0003")).toBeNull();
  });
});
