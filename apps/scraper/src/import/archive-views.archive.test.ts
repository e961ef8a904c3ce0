import { readdirSync } from "node:fs";
import { join } from "node:path";
import {
  type Db,
  type Filters,
  getOrgActivity,
  getOverviewStats,
  getTopicShares,
  getUpvoteSeries,
  listOrganizations,
  listOrgLeaderboard,
  listPapers,
  listRisingKeywords,
  listTopics,
  listTopPapers,
  type OrgLeaderboardSort,
  type PaperSort,
} from "@paperpulse/db";
import {
  describeEachDatabase,
  describeWithFixtures,
  hfFixture,
  plainKeywordCounts,
  plainOrgActivity,
  plainOrganizations,
  plainOrgLeaderboard,
  plainOverviewStats,
  plainPaperPage,
  plainTopicCounts,
  plainTopicTotals,
  plainTopPapers,
  plainUpvoteSeries,
} from "@paperpulse/db/testing";
import { beforeAll, expect, it } from "vitest";
import { importPaths } from "./import-paths.ts";

// Every figure the views and exports show, on the recorded archive (9,602 papers, 2024-05 … 2026-08), against the
// same figure computed the plain way from the base tables: the precomputed tables, the trigram search and the
// single-scan counts must not change a number. Dates cut weeks and months in the middle on purpose.
const round = (value: number) => Math.round(value * 1e9) / 1e9;
const rounded = <T extends Record<string, unknown>>(rows: T[]) =>
  rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "number" ? round(v) : v])),
  );

describeWithFixtures("views on the recorded archive against plain SQL", () => {
  describeEachDatabase("imported archive", (getDb) => {
    const cases: [string, () => Filters][] = [];
    let topOrg = "";
    let secondOrg = "";
    let topic = "";

    beforeAll(async () => {
      const dir = hfFixture("archive");
      const archive = join(dir, readdirSync(dir).find((name) => name.endsWith(".tar.gz")) ?? "");
      const summary = await importPaths(getDb(), [archive], { command: "archive views test" });
      expect(summary.status).toBe("succeeded");
      const orgs = await plainOrganizations(getDb());
      topOrg = orgs[0]?.name ?? "";
      secondOrg = orgs[1]?.name ?? "";
      const topics = [...(await plainTopicTotals(getDb(), { orgs: [] })).entries()].sort(
        (a, b) => b[1] - a[1],
      );
      topic = topics[0]?.[0] ?? "";
    }, 240_000);

    cases.push(
      ["everything", () => ({ orgs: [] })],
      ["a range cutting weeks and months", () => ({ orgs: [], from: "2025-01-15", to: "2026-03-10" })],
      ["from a Wednesday on", () => ({ orgs: [], from: "2025-11-05" })],
      ["up to the end of a year", () => ({ orgs: [], to: "2024-12-31" })],
      ["one week", () => ({ orgs: [], from: "2026-06-08", to: "2026-06-14" })],
      ["the top organisation", () => ({ orgs: [topOrg] })],
      ["two organisations from a date", () => ({ orgs: [topOrg, secondOrg], from: "2026-01-07" })],
      ["a topic", () => ({ orgs: [], topic })],
      ["text in titles or abstracts", () => ({ orgs: [], q: "diffusion" })],
      ["text of two letters", () => ({ orgs: [], q: "3d" })],
      ["a percent sign taken literally", () => ({ orgs: [], q: "%" })],
      ["minimum upvotes", () => ({ orgs: [], minUpvotes: 20 })],
      [
        "everything at once",
        () => ({ orgs: [], topic, q: "model", from: "2025-03-03", to: "2026-05-20", minUpvotes: 5 }),
      ],
      ["nothing matches", () => ({ orgs: [], from: "2030-01-01" })],
    );

    for (const [name, filtersOf] of cases) {
      it(`overview figures and series: ${name}`, async () => {
        const db = getDb();
        const filters = filtersOf();
        expect(await getOverviewStats(db, filters)).toEqual(await plainOverviewStats(db, filters));
        for (const granularity of ["day", "week", "month"] as const) {
          expect(rounded(await getUpvoteSeries(db, filters, granularity)), granularity).toEqual(
            rounded(await plainUpvoteSeries(db, filters, granularity)),
          );
        }
        const top = await listTopPapers(db, { ...filters, limit: 25 });
        expect(top.map((p) => p.id)).toEqual(await plainTopPapers(db, filters, 25));
      });

      it(`paper pages and counts: ${name}`, async () => {
        await comparePages(getDb(), filtersOf());
      });

      it(`organisations: ${name}`, async () => {
        const db = getDb();
        const filters = filtersOf();
        for (const sort of ["papers", "upvotes", "median", "top10"] as OrgLeaderboardSort[]) {
          const board = await listOrgLeaderboard(db, filters, { limit: 50, sort });
          const plain = await plainOrgLeaderboard(db, filters, sort, 50);
          expect(
            board.map((r) => [r.name, r.papers, r.upvotes, round(r.medianUpvotes), r.top10Papers]),
            sort,
          ).toEqual(plain.map((r) => [r.name, r.papers, r.upvotes, round(r.medianUpvotes), r.top10Papers]));
          expect(board.map((r) => round(r.top10Share))).toEqual(
            plain.map((r) => round(r.top10Slots > 0 ? r.top10Papers / r.top10Slots : 0)),
          );
        }
        for (const granularity of ["week", "month"] as const) {
          const activity = await getOrgActivity(db, filters, { granularity, top: 8 });
          const plain = await plainOrgActivity(db, filters, granularity, 8);
          expect(activity.orgs).toEqual(plain.orgs);
          const key = (r: { period: string; org: string | null; papers: number }) =>
            `${r.period} ${r.org ?? "(other)"} ${r.papers}`;
          expect(activity.rows.map(key).sort()).toEqual(plain.rows.map(key).sort());
        }
      });

      it(`topics and keywords: ${name}`, async () => {
        const db = getDb();
        const filters = filtersOf();
        for (const granularity of ["week", "month"] as const) {
          const shares = await getTopicShares(db, filters, { granularity });
          const plain = await plainTopicCounts(db, filters, granularity);
          expect(shares.periods).toEqual(plain.periods);
          const counted = shares.rows
            .filter((r) => r.papers > 0)
            .map((r) => `${r.period} ${r.topic} ${r.papers}`);
          expect(counted.sort()).toEqual(
            plain.counts.map((r) => `${r.period} ${r.topic} ${r.papers}`).sort(),
          );
        }
        const totals = await plainTopicTotals(db, filters);
        for (const row of await listTopics(db, filters))
          expect(row.papers, row.slug).toBe(totals.get(row.slug) ?? 0);
        const rising = await listRisingKeywords(db, filters, { minCount: 2, limit: 40 });
        const now = await plainKeywordCounts(db, filters, rising.current.from, rising.current.to);
        const before = await plainKeywordCounts(db, filters, rising.previous.from, rising.previous.to);
        expect(rising.current.papers).toBe(now.papers);
        expect(rising.previous.papers).toBe(before.papers);
        for (const keyword of rising.keywords) {
          expect(keyword.papers, keyword.keyword).toBe(now.keywords.get(keyword.keyword));
          expect(keyword.previousPapers, keyword.keyword).toBe(before.keywords.get(keyword.keyword) ?? 0);
        }
      });
    }

    it("lists the organisations of the filter panel with their papers and upvotes", async () => {
      const listed = await listOrganizations(getDb());
      expect(listed.map(({ name, papers, upvotes }) => ({ name, papers, upvotes }))).toEqual(
        await plainOrganizations(getDb()),
      );
    });
  });
});

async function comparePages(db: Db, filters: Filters): Promise<void> {
  const sorts: [PaperSort, Parameters<typeof plainPaperPage>[2]][] = [
    [
      { key: "upvotes", dir: "desc" },
      { column: "upvotes", desc: true },
    ],
    [
      { key: "date", dir: "asc" },
      { column: "daily_date", desc: false },
    ],
    [
      { key: "date", dir: "desc" },
      { column: "daily_date", desc: true },
    ],
    [
      { key: "title", dir: "asc" },
      { column: "title", desc: false },
    ],
  ];
  for (const [sort, plainSort] of sorts) {
    for (const page of [1, 3, 120]) {
      const listed = await listPapers(db, filters, { sort, page, pageSize: 50 });
      const plain = await plainPaperPage(db, filters, plainSort, page, 50);
      expect(
        listed.rows.map((r) => r.id),
        `${sort.key} ${sort.dir} page ${page}`,
      ).toEqual(plain.ids);
      expect(listed.total).toBe(plain.total);
    }
  }
}
