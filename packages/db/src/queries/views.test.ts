import {
  organizations,
  paperSnapshots,
  papers,
  paperTexts,
  paperTopics,
  scrapePages,
  scrapeRuns,
  topics,
} from "@paperpulse/schema";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { describeEachDatabase } from "../../testing/index.ts";
import { rebuildAggregates } from "../aggregates/index.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import {
  type Filters,
  getFreshness,
  getOrgActivity,
  getOrganization,
  getOverviewStats,
  getPaperCurves,
  getPaperDetail,
  getUpvoteSeries,
  hoursToShare,
  listOrgLeaderboard,
  listPapers,
  listPapersForExport,
  listSnapshotsForExport,
  type PaperSort,
} from "./index.ts";

// Seventeen papers on four daily dates: three on Mon 2024-01-01 and two on Tue 2024-01-02 (one ISO week), eleven on
// Tue 2024-01-09 (so one of them ranks 11th on its day), one on Mon 2024-02-05. Every expected value below is worked
// out by hand from this table.
const seen = new Date("2024-03-01T00:00:00.000Z");
const lastSeen = new Date("2024-03-02T12:00:00.000Z");

type Seed = {
  id: string;
  day: string;
  org: string | null;
  up: number;
  c: number;
  title: string;
  summary?: string;
};
const filler: Seed[] = Array.from({ length: 9 }, (_, i) => ({
  id: `2401.000${11 + i}`,
  day: "2024-01-09",
  org: "org-f",
  up: 20 - i,
  c: 0,
  title: `Filler ${i + 1}`,
}));
const seeds: Seed[] = [
  {
    id: "2401.00001",
    day: "2024-01-01",
    org: "org-a",
    up: 12,
    c: 3,
    title: "Alpha one",
    summary: "Video diffusion",
  },
  { id: "2401.00002", day: "2024-01-01", org: "org-b", up: 9, c: 2, title: "Beta one" },
  {
    id: "2401.00003",
    day: "2024-01-01",
    org: "org-a",
    up: 2,
    c: 0,
    title: "100% sure_thing",
    summary: "Percent",
  },
  { id: "2401.00004", day: "2024-01-02", org: "org-a", up: 4, c: 1, title: "=Alpha two" },
  {
    id: "2401.00005",
    day: "2024-01-02",
    org: null,
    up: 30,
    c: 6,
    title: "No organisation",
    summary: "about VIDEO",
  },
  { id: "2401.00010", day: "2024-01-09", org: "org-b", up: 50, c: 5, title: "Beta two" },
  ...filler,
  { id: "2401.00020", day: "2024-01-09", org: "org-b", up: 1, c: 0, title: "Beta three" },
  { id: "2402.00001", day: "2024-02-05", org: "org-c", up: 0, c: 0, title: "Zero" },
];

// Snapshots of the three 2024-01-01 papers; each ends at the paper's latest counts.
const h = (base: string, hours: number) => new Date(Date.parse(base) + hours * 3_600_000);
const a1Start = "2024-01-01T10:00:00.000Z";
const b1Start = "2024-01-01T12:00:00.000Z";
const snapshots = [
  { paperId: "2401.00001", capturedAt: h(a1Start, 0), upvotes: 2, comments: 0 },
  { paperId: "2401.00001", capturedAt: h(a1Start, 1.2), upvotes: 5, comments: 1 },
  { paperId: "2401.00001", capturedAt: h(a1Start, 1.5), upvotes: 6, comments: 1 },
  { paperId: "2401.00001", capturedAt: h(a1Start, 25), upvotes: 12, comments: 3 },
  { paperId: "2401.00002", capturedAt: h(b1Start, 0), upvotes: 1, comments: 0 },
  { paperId: "2401.00002", capturedAt: h(b1Start, 1), upvotes: 5, comments: 1 },
  { paperId: "2401.00002", capturedAt: h(b1Start, 30), upvotes: 9, comments: 2 },
  { paperId: "2401.00003", capturedAt: h(a1Start, 0), upvotes: 2, comments: 0 },
];

async function seed(db: Db): Promise<void> {
  await db.insert(organizations).values(
    ["org-a", "org-b", "org-c", "org-f", "org-empty"].map((name) => ({
      name,
      fullname: `${name} fullname`,
      avatar: null,
      firstSeenAt: seen,
      lastSeenAt: seen,
    })),
  );
  await db.insert(papers).values(
    seeds.map((p) => ({
      id: p.id,
      title: p.title,
      dailyDate: p.day,
      dailyDateExact: true,
      organizationName: p.org,
      upvotes: p.up,
      comments: p.c,
      firstSeenAt: seen,
      lastSeenAt: p.id === "2402.00001" ? lastSeen : seen,
    })),
  );
  await db.insert(paperTexts).values(seeds.map((p) => ({ paperId: p.id, summary: p.summary ?? null })));
  // Inserted newest first, so that insertion order would give wrong answers.
  await db.insert(paperSnapshots).values([...snapshots].reverse());
  await db.insert(topics).values([
    { slug: "video", label: "Video", description: "d", position: 2 },
    { slug: "llm", label: "Language models", description: "d", position: 1 },
  ]);
  await db.insert(paperTopics).values([
    { paperId: "2401.00001", topic: "video" },
    { paperId: "2401.00005", topic: "video" },
    { paperId: "2401.00005", topic: "llm" },
    { paperId: "2401.00010", topic: "llm" },
  ]);
  // Rows written here, not by saveCapture: the precomputed tables are built from them as an open would.
  await rebuildAggregates(db);
}

const all: Filters = { orgs: [] };
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
// percentile_cont interpolates in float8: compare to 9 decimals.
const rounded = <T extends Record<string, unknown>>(rows: T[]) =>
  rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v]),
    ),
  );

async function collect<T>(batches: AsyncGenerator<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const batch of batches) out.push(batch);
  return out;
}

describe("hoursToShare", () => {
  it("finds the first point at or above the share of the last value", () => {
    const points = [0, 1, 2, 3].map((hours, i) => ({ hours, upvotes: [1, 4, 8, 10][i] ?? 0, comments: 0 }));
    expect(hoursToShare(points, 0.5)).toBe(2);
    expect(hoursToShare(points, 0.9)).toBe(3);
    expect(hoursToShare(points, 0.1)).toBe(0);
    expect(hoursToShare([], 0.5)).toBeNull();
    expect(hoursToShare([{ hours: 0, upvotes: 0 }], 0.5)).toBeNull();
  });
});

describeEachDatabase("view loaders", (getDb) => {
  beforeAll(async () => {
    await seed(getDb());
  });

  it("counts papers, organisations, upvotes and the last capture", async () => {
    expect(await getOverviewStats(getDb(), all)).toEqual({
      papers: 17,
      organizations: 4,
      upvotes: 23 + 34 + 195 + 0,
      firstDay: "2024-01-01",
      lastDay: "2024-02-05",
      lastCaptureAt: lastSeen,
    });
    expect(await getOverviewStats(getDb(), { orgs: ["nobody"] })).toEqual({
      papers: 0,
      organizations: 0,
      upvotes: 0,
      firstDay: null,
      lastDay: null,
      lastCaptureAt: null,
    });
  });

  it("gives total, median and p90 of upvotes per day, ISO week and month", async () => {
    expect(rounded(await getUpvoteSeries(getDb(), all, "day"))).toEqual([
      // [2, 9, 12]: p90 at position 1.8 → 9 + 0.8·3
      { date: "2024-01-01", papers: 3, upvotes: 23, median: 9, p90: 11.4 },
      // [4, 30]: median 17, p90 at 0.9 → 4 + 0.9·26
      { date: "2024-01-02", papers: 2, upvotes: 34, median: 17, p90: 27.4 },
      // [1, 12..20, 50]: 6th value 16; p90 at position 9 → 20
      { date: "2024-01-09", papers: 11, upvotes: 195, median: 16, p90: 20 },
      { date: "2024-02-05", papers: 1, upvotes: 0, median: 0, p90: 0 },
    ]);
    expect(rounded(await getUpvoteSeries(getDb(), all, "week"))).toEqual([
      // [2, 4, 9, 12, 30]: p90 at position 3.6 → 12 + 0.6·18
      { date: "2024-01-01", papers: 5, upvotes: 57, median: 9, p90: 22.8 },
      { date: "2024-01-08", papers: 11, upvotes: 195, median: 16, p90: 20 },
      { date: "2024-02-05", papers: 1, upvotes: 0, median: 0, p90: 0 },
    ]);
    expect(rounded(await getUpvoteSeries(getDb(), all, "month"))).toEqual([
      // 16 values [1,2,4,9,12,12,13,…,20,30,50]: median at 7.5 → (14+15)/2; p90 at 13.5 → (20+30)/2
      { date: "2024-01-01", papers: 16, upvotes: 252, median: 14.5, p90: 25 },
      { date: "2024-02-01", papers: 1, upvotes: 0, median: 0, p90: 0 },
    ]);
  });

  it("filters by text with LIKE wildcards taken literally, and by minimum upvotes", async () => {
    const page = (filters: Filters) =>
      listPapers(getDb(), filters, { sort: { key: "date", dir: "asc" }, page: 1, pageSize: 50 });
    expect(ids((await page({ orgs: [], q: "video" })).rows)).toEqual(["2401.00001", "2401.00005"]);
    expect(ids((await page({ orgs: [], q: "%" })).rows)).toEqual(["2401.00003"]);
    expect(ids((await page({ orgs: [], q: "_" })).rows)).toEqual(["2401.00003"]);
    expect(ids((await page({ orgs: [], q: "E_TH" })).rows)).toEqual(["2401.00003"]);
    expect((await page({ orgs: [], q: "'; drop table papers; --" })).total).toBe(0);
    expect((await page({ orgs: [], q: "\\" })).total).toBe(0);
    expect(ids((await page({ orgs: [], minUpvotes: 20 })).rows)).toEqual([
      "2401.00005",
      "2401.00010",
      "2401.00011",
    ]);
    expect((await page({ orgs: ["org-a"], minUpvotes: 3, q: "alpha" })).total).toBe(2);
    expect(await getOverviewStats(getDb(), all)).toMatchObject({ papers: 17 });
  });

  it("filters papers by topic", async () => {
    const page = (filters: Filters) =>
      listPapers(getDb(), filters, { sort: { key: "date", dir: "asc" }, page: 1, pageSize: 50 });
    expect(ids((await page({ orgs: [], topics: ["video"] })).rows)).toEqual(["2401.00001", "2401.00005"]);
    expect(ids((await page({ orgs: ["org-b"], topics: ["llm"] })).rows)).toEqual(["2401.00010"]);
    expect((await page({ orgs: [], topics: ["nothing"] })).total).toBe(0);
    // Several topics: papers with any of them, each once (2401.00005 has both).
    expect(ids((await page({ orgs: [], topics: ["video", "llm"] })).rows)).toEqual([
      "2401.00001",
      "2401.00005",
      "2401.00010",
    ]);
    expect(await getOverviewStats(getDb(), { orgs: [], topics: ["llm"] })).toMatchObject({
      papers: 2,
      upvotes: 80,
    });
  });

  it("pages and sorts the papers table, ties broken by id", async () => {
    const sort: PaperSort = { key: "upvotes", dir: "desc" };
    const first = await listPapers(getDb(), all, { sort, page: 1, pageSize: 5 });
    expect(first.total).toBe(17);
    expect(ids(first.rows)).toEqual(["2401.00010", "2401.00005", "2401.00011", "2401.00012", "2401.00013"]);
    const third = await listPapers(getDb(), all, { sort, page: 3, pageSize: 5 });
    // 12 upvotes twice: 2401.00001 before 2401.00019
    expect(ids(third.rows)).toEqual(["2401.00001", "2401.00019", "2401.00002", "2401.00004", "2401.00003"]);
    const fourth = await listPapers(getDb(), all, { sort, page: 4, pageSize: 5 });
    expect(ids(fourth.rows)).toEqual(["2401.00020", "2402.00001"]);
    expect((await listPapers(getDb(), all, { sort, page: 9, pageSize: 5 })).rows).toEqual([]);
    const byDate = await listPapers(getDb(), all, {
      sort: { key: "date", dir: "desc" },
      page: 1,
      pageSize: 3,
    });
    expect(ids(byDate.rows)).toEqual(["2402.00001", "2401.00010", "2401.00011"]);
    expect(byDate.rows[0]).toEqual({
      id: "2402.00001",
      title: "Zero",
      dailyDate: "2024-02-05",
      organization: "org-c",
      upvotes: 0,
      comments: 0,
    });
  });

  it("streams the export in the table's order for every sort, whatever the batch size", async () => {
    for (const key of ["upvotes", "comments", "date", "title"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const sort = { key, dir };
        const table = await listPapers(getDb(), all, { sort, page: 1, pageSize: 100 });
        for (const batchSize of [1, 4, 17, 100]) {
          const batches = await collect(listPapersForExport(getDb(), all, { sort, batchSize }));
          expect(ids(batches.flat()), `${key} ${dir} by ${batchSize}`).toEqual(ids(table.rows));
          expect(batches.every((b) => b.length <= batchSize)).toBe(true);
        }
      }
    }
    const filtered = await collect(
      listPapersForExport(
        getDb(),
        { orgs: ["org-b"], from: "2024-01-02" },
        { sort: { key: "upvotes", dir: "asc" } },
      ),
    );
    expect(ids(filtered.flat())).toEqual(["2401.00020", "2401.00010"]);
  });

  it("stacks papers per period for the top organisations, the other organisations as one series", async () => {
    // org-f 9 papers, then org-a and org-b 3 each (tie: by name); the paper without an organisation is left out.
    expect(await getOrgActivity(getDb(), all, { granularity: "month", top: 2 })).toEqual({
      orgs: ["org-f", "org-a"],
      rows: [
        { period: "2024-01-01", org: "org-f", papers: 9 },
        { period: "2024-01-01", org: "org-a", papers: 3 },
        { period: "2024-01-01", org: null, papers: 3 },
        { period: "2024-02-01", org: null, papers: 1 },
      ],
    });
    expect(await getOrgActivity(getDb(), all, { granularity: "week", top: 3 })).toEqual({
      orgs: ["org-f", "org-a", "org-b"],
      rows: [
        { period: "2024-01-01", org: "org-a", papers: 3 },
        { period: "2024-01-01", org: "org-b", papers: 1 },
        { period: "2024-01-08", org: "org-f", papers: 9 },
        { period: "2024-01-08", org: "org-b", papers: 2 },
        { period: "2024-02-05", org: null, papers: 1 },
      ],
    });
    expect(await getOrgActivity(getDb(), { orgs: ["org-b"] }, { granularity: "week", top: 5 })).toEqual({
      orgs: ["org-b"],
      rows: [
        { period: "2024-01-01", org: "org-b", papers: 1 },
        { period: "2024-01-08", org: "org-b", papers: 2 },
      ],
    });
    expect(await getOrgActivity(getDb(), { orgs: ["nobody"] }, { granularity: "week", top: 5 })).toEqual({
      orgs: [],
      rows: [],
    });
  });

  it("ranks organisations with median upvotes and their share of their days' top 10", async () => {
    const board = await listOrgLeaderboard(getDb(), all, { limit: 10 });
    expect(board).toEqual([
      // All nine in the top 10 of 2024-01-09, a day of 11 papers: 10 places.
      {
        name: "org-f",
        fullname: "org-f fullname",
        papers: 9,
        upvotes: 144,
        medianUpvotes: 16,
        top10Papers: 9,
        top10Share: 0.9,
      },
      // Days of 3 and 2 papers: 5 places, all theirs.
      {
        name: "org-a",
        fullname: "org-a fullname",
        papers: 3,
        upvotes: 18,
        medianUpvotes: 4,
        top10Papers: 3,
        top10Share: 0.6,
      },
      // 2024-01-01 (3 places) and 2024-01-09 (10 places, its 1 upvote ranks 11th).
      {
        name: "org-b",
        fullname: "org-b fullname",
        papers: 3,
        upvotes: 60,
        medianUpvotes: 9,
        top10Papers: 2,
        top10Share: 2 / 13,
      },
      {
        name: "org-c",
        fullname: "org-c fullname",
        papers: 1,
        upvotes: 0,
        medianUpvotes: 0,
        top10Papers: 1,
        top10Share: 1,
      },
    ]);
    const byShare = await listOrgLeaderboard(getDb(), all, { limit: 2, sort: "top10" });
    expect(byShare.map((r) => r.name)).toEqual(["org-c", "org-f"]);
    const early = await listOrgLeaderboard(getDb(), { orgs: [], to: "2024-01-02" }, { limit: 10 });
    expect(early.map((r) => [r.name, r.papers, r.top10Papers, r.top10Share])).toEqual([
      ["org-a", 3, 3, 0.6],
      ["org-b", 1, 1, 1 / 3],
    ]);
    // The day's ranking still counts every paper of the day: org-b's 50 is 1st of 11 (10 places).
    const popular = await listOrgLeaderboard(getDb(), { orgs: [], minUpvotes: 10 }, { limit: 10 });
    expect(popular.map((r) => [r.name, r.papers, r.top10Papers, r.top10Share])).toEqual([
      ["org-f", 9, 9, 0.9],
      ["org-a", 1, 1, 1 / 3],
      ["org-b", 1, 1, 0.1],
    ]);
    expect(
      await listOrgLeaderboard(
        getDb(),
        { orgs: ["org-c"], from: "2024-01-03", to: "2024-01-31" },
        { limit: 10 },
      ),
    ).toEqual([]);
  });

  it("gets an organisation's totals", async () => {
    expect(await getOrganization(getDb(), "org-b")).toEqual({
      name: "org-b",
      fullname: "org-b fullname",
      avatar: null,
      papers: 3,
      upvotes: 60,
      firstDay: "2024-01-01",
      lastDay: "2024-01-09",
    });
    expect(await getOrganization(getDb(), "org-empty")).toMatchObject({ papers: 0, firstDay: null });
    expect(await getOrganization(getDb(), "nobody")).toBeNull();
  });

  it("draws a paper's curves against the median of its day, hours since each paper's first capture", async () => {
    const curves = await getPaperCurves(getDb(), "2401.00001");
    // Hours count from when the day's papers were featured, 2024-01-01 00:00 UTC; a1 was first captured at 10:00.
    expect(curves.featuredAt?.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(curves.points).toEqual([
      { hours: 10, upvotes: 2, comments: 0, rank: null },
      { hours: 11.2, upvotes: 5, comments: 1, rank: null },
      { hours: 11.5, upvotes: 6, comments: 1, rank: null },
      { hours: 35, upvotes: 12, comments: 3, rank: null },
    ]);
    expect(curves.median).toEqual([
      // a1 2, a2 2 (b1 is first captured at hour 12: it does not count before)
      { hours: 10, upvotes: 2, comments: 0, papers: 2 },
      // a1's last capture in hour 11 (6); a2 was last captured in hour 10
      { hours: 11, upvotes: 6, comments: 1, papers: 1 },
      // a1 still 6, b1 1
      { hours: 12, upvotes: 3.5, comments: 0.5, papers: 2 },
      { hours: 13, upvotes: 5.5, comments: 1, papers: 2 },
      // a1 12; b1 still 5 (its values hold until its next capture, at hour 42)
      { hours: 35, upvotes: 8.5, comments: 2, papers: 2 },
      // a1 was last captured at hour 35: only b1
      { hours: 42, upvotes: 9, comments: 2, papers: 1 },
    ]);
    expect(curves.dayPapers).toBe(3);
    expect(curves.captures).toEqual({ count: 4, spanHours: 25 });
    // Pauses of 1.2, 0.3 and 23.5 h: the last is over three times the usual one, so nobody saw a1 in between.
    expect(curves.gaps).toEqual([{ fromHours: 11.5, toHours: 35 }]);
    expect(curves.enoughCaptures).toBe(true);
    // 50% of 12 is 6, reached at 11.5 h; 90% (10.8) at 35 h.
    expect(curves.hoursTo50).toEqual({ hours: 11.5, byFirstCapture: false });
    expect(curves.hoursTo90).toEqual({ hours: 35, byFirstCapture: false });
    // a2: one capture, nothing to say about how fast it gained its upvotes.
    expect(await getPaperCurves(getDb(), "2401.00003")).toMatchObject({
      captures: { count: 1, spanHours: 0 },
      gaps: [],
      enoughCaptures: false,
      hoursTo50: null,
      hoursTo90: null,
    });
    const none = await getPaperCurves(getDb(), "2401.00010");
    expect(none).toMatchObject({ points: [], median: [], dayPapers: 11, hoursTo50: null });
  });

  it("gets a paper's details", async () => {
    expect(await getPaperDetail(getDb(), "2401.00005")).toMatchObject({
      id: "2401.00005",
      title: "No organisation",
      summary: "about VIDEO",
      organization: null,
      organizationFullname: null,
      keywords: [],
      authors: [],
      upvotes: 30,
    });
    expect(await getPaperDetail(getDb(), "2401.00001")).toMatchObject({
      organizationFullname: "org-a fullname",
    });
    expect(await getPaperDetail(getDb(), "nope")).toBeNull();
  });

  it("streams the snapshots of the filtered papers by paper and time", async () => {
    const batches = await collect(listSnapshotsForExport(getDb(), { orgs: ["org-a"] }, { batchSize: 2 }));
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(batches.flat().map((s) => [s.paperId, s.capturedAt.toISOString(), s.upvotes])).toEqual([
      ["2401.00001", "2024-01-01T10:00:00.000Z", 2],
      ["2401.00001", "2024-01-01T11:12:00.000Z", 5],
      ["2401.00001", "2024-01-01T11:30:00.000Z", 6],
      ["2401.00001", "2024-01-02T11:00:00.000Z", 12],
      ["2401.00003", "2024-01-01T10:00:00.000Z", 2],
    ]);
    const everything = await collect(listSnapshotsForExport(getDb(), all, { batchSize: 3 }));
    expect(everything.flat()).toHaveLength(8);
    // Papers are taken a chunk at a time: chunk and batch boundaries change nothing of the rows or their order.
    const oneByOne = await collect(listSnapshotsForExport(getDb(), all, { batchSize: 1, papersPerChunk: 1 }));
    expect(oneByOne.flat()).toEqual(everything.flat());
  });

  it("reports the last successful capture and schema drift in the newest ended run", async () => {
    const db = getDb();
    expect(await getFreshness(db)).toEqual({ lastSuccessAt: null, lastRun: null, schemaDrift: false });
    const good = new Date("2024-05-01T10:00:00.000Z");
    const [ok] = await db
      .insert(scrapeRuns)
      .values({ trigger: "schedule", command: "t", plan: {}, status: "succeeded", finishedAt: good })
      .returning({ id: scrapeRuns.id });
    if (!ok) throw new Error("no run");
    await db.insert(scrapePages).values({ runId: ok.id, url: "u1", kind: "api", capturedAt: good });
    expect(await getFreshness(db)).toEqual({
      lastSuccessAt: good,
      lastRun: { id: ok.id, status: "succeeded", finishedAt: good, errorCode: null },
      schemaDrift: false,
    });
    const [bad] = await db
      .insert(scrapeRuns)
      .values({ trigger: "schedule", command: "t", plan: {}, status: "failed", finishedAt: good })
      .returning({ id: scrapeRuns.id });
    if (!bad) throw new Error("no run");
    await db.insert(scrapePages).values({
      runId: bad.id,
      url: "u2",
      kind: "page",
      capturedAt: new Date("2024-05-02T10:00:00.000Z"),
      errorCode: "SCHEMA_DRIFT",
      error: "dailyPapers[0].paper.upvotes: expected number",
    });
    // A run in progress is not "the last run".
    await db.insert(scrapeRuns).values({ trigger: "manual", command: "t", plan: {}, status: "running" });
    expect(await getFreshness(db)).toEqual({
      lastSuccessAt: good,
      lastRun: { id: bad.id, status: "failed", finishedAt: good, errorCode: null },
      schemaDrift: true,
    });
    const [count] = await selectRows<{ n: number }>(db, sql`select count(*)::int as n from papers`);
    expect(count?.n).toBe(17);
  });
});
