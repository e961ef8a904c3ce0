import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb } from "@paperpulse/db";
import { describeWhen, hasHfFixtures, hfFixturesDir } from "@paperpulse/db/testing";
import { paperAuthors, papers } from "@paperpulse/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchCsv } from "./support/csv";
import { hfArchives, importWithCli } from "./support/import";
import { asCsvRows, fetchParquet } from "./support/parquet";
import { type StartedTarget, seededTargets } from "./support/seeded-targets";
import { type RunningDashboard, startDashboard } from "./support/server";
import { papersHeader, rowsFor } from "./support/synthetic";

// The Parquet exports against the built app, on both engines over the synthetic seed (./support/synthetic.ts), then
// on the real archive: each file is read back with hyparquet, a reader of its own, and compared cell by cell with
// the CSV of the same view and filters.

const paperTypes = {
  id: "BYTE_ARRAY UTF8",
  title: "BYTE_ARRAY UTF8",
  daily_date: "INT32 DATE",
  organization: "BYTE_ARRAY UTF8",
  upvotes: "INT32",
  comments: "INT32",
  first_seen_at: "INT64 TIMESTAMP_MILLIS",
  last_seen_at: "INT64 TIMESTAMP_MILLIS",
  authors: "LIST",
  author_users: "LIST",
  keywords: "LIST",
  topics: "LIST",
  organization_group: "BYTE_ARRAY UTF8",
  github_repo: "BYTE_ARRAY UTF8",
  github_stars: "INT32",
  rank: "INT32",
  daily_date_exact: "BOOLEAN",
};

const views = [
  "",
  "?org=acme",
  "?org=ACME&from=2023-02-28",
  "?to=2023-02-28",
  "?sort=-upvotes",
  "?q=AT%20THE%20START&sort=title",
  "?topic=video",
  "?keyword=agents",
  "?minUpvotes=4",
  "?from=2023-03-02",
];

for (const target of seededTargets()) {
  describeWhen(target.available, target.missing, `Parquet exports [${target.kind}]`, () => {
    let started: StartedTarget | undefined;
    const url = (path: string) => `${started?.server.url ?? ""}${path}`;

    beforeAll(async () => {
      started = await target.start();
    });
    afterAll(async () => {
      await started?.server.stop();
      await started?.cleanup();
    });

    it("exports the papers with the CSV's columns, typed", async () => {
      const file = await fetchParquet(url("/api/export/papers.parquet"));
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("application/vnd.apache.parquet");
      expect(file.headers.get("content-disposition")).toBe(
        'attachment; filename="paperpulse-papers.parquet"',
      );
      expect(file.types).toEqual(paperTypes);
      expect(asCsvRows(file)).toEqual([
        papersHeader,
        ...rowsFor("2303.00100", "2303.00200", "2303.01000", "2303.00300", "2303.00400"),
      ]);
      const first = file.rows[0] ?? {};
      expect(first.authors).toEqual(["Alice Example", "Carl Example"]);
      expect(first.upvotes).toBe(10);
      expect(first.daily_date_exact).toBe(true);
      expect(first.first_seen_at).toEqual(new Date("2023-03-01T09:00:00.000Z"));
      // An author without an account is a null item of author_users.
      expect(file.rows[1]?.author_users).toEqual(["Alice-Ex", null]);
    });

    it("holds the same rows as the CSV for every filter and sort", async () => {
      for (const query of views) {
        const csv = await fetchCsv(url(`/api/export/papers.csv${query}`));
        const parquet = await fetchParquet(url(`/api/export/papers.parquet${query}`));
        expect(parquet.status, query).toBe(200);
        expect(asCsvRows(parquet), query).toEqual(csv.rows);
        const snapshotsCsv = await fetchCsv(url(`/api/export/snapshots.csv${query}`));
        const snapshots = await fetchParquet(url(`/api/export/snapshots.parquet${query}`));
        expect(asCsvRows(snapshots), query).toEqual(snapshotsCsv.rows);
      }
      const range = await fetchParquet(url("/api/export/papers.parquet?from=2023-02-28"));
      expect(range.headers.get("content-disposition")).toBe(
        'attachment; filename="paperpulse-papers-2023-02-28-to-latest.parquet"',
      );
    });

    it("exports the Rising view's rows as its CSV does, for each window", async () => {
      for (const query of ["", "?window=7d", "?org=acme&window=24h"]) {
        const csv = await fetchCsv(url(`/api/export/rising.csv${query}`));
        const parquet = await fetchParquet(url(`/api/export/rising.parquet${query}`));
        expect(parquet.types, query).toMatchObject({ upvotes_per_hour: "DOUBLE", listing_rank: "INT32" });
        expect(csv.rows.length, query).toBeGreaterThan(1);
        expect(asCsvRows(parquet), query).toEqual(csv.rows);
      }
    });

    it("exports snapshots typed, for every paper or one", async () => {
      const all = await fetchParquet(url("/api/export/snapshots.parquet"));
      expect(all.types).toEqual({
        paper_id: "BYTE_ARRAY UTF8",
        captured_at: "INT64 TIMESTAMP_MILLIS",
        upvotes: "INT32",
        comments: "INT32",
      });
      expect(all.rows).toHaveLength(8);
      const one = await fetchParquet(url("/api/export/snapshots.parquet?paper=2303.00100"));
      expect(one.headers.get("content-disposition")).toBe(
        'attachment; filename="paperpulse-snapshots-2303.00100.parquet"',
      );
      expect(asCsvRows(one)).toEqual(
        (await fetchCsv(url("/api/export/snapshots.csv?paper=2303.00100"))).rows,
      );
      expect(one.rows.map((row) => row.upvotes)).toEqual([3, 10]);
    });

    it("answers 400 naming the parameter, and 404 for an unknown paper", async () => {
      const cases: Array<[string, string]> = [
        ["/api/export/papers.parquet?from=2024-13-45", "from"],
        ["/api/export/papers.parquet?sort=sideways", "sort"],
        ["/api/export/papers.parquet?minUpvotes=-1", "minUpvotes"],
        ["/api/export/snapshots.parquet?to=yesterday", "to"],
        ["/api/export/snapshots.parquet?paper=", "paper"],
      ];
      for (const [path, param] of cases) {
        const response = await fetchParquet(url(path));
        expect(response.status, path).toBe(400);
        expect(response.text, path).toMatch(new RegExp(`^Bad request: ${param}: `));
      }
      const unknown = await fetchParquet(url("/api/export/snapshots.parquet?paper=2303.99999"));
      expect(unknown.status).toBe(404);
      // Nothing stored changed: the full export is still the seed.
      expect((await fetchParquet(url("/api/export/papers.parquet"))).rows).toHaveLength(5);
    });
  });
}

// The real captures: every paper and snapshot of the archive through both formats. A missing archive fails here
// (it is part of the test's input), rather than passing with nothing checked.
describe("Parquet exports of the real archive [pglite]", () => {
  let dataDir = "";
  let server: RunningDashboard | undefined;
  let stored: { id: string; upvotes: number }[] = [];
  let authorsOf = new Map<string, string[]>();
  const url = (path: string) => `${server?.url ?? ""}${path}`;

  beforeAll(async () => {
    if (!hasHfFixtures) throw new Error(`the real-data fixtures folder ${hfFixturesDir} is absent`);
    const archives = hfArchives();
    dataDir = mkdtempSync(join(tmpdir(), "paperpulse-parquet-"));
    await importWithCli(dataDir, archives);
    // What the tables hold, read before the server takes the folder.
    const handle = await createDb({ dataDir, databaseUrl: undefined, holder: "the Parquet export test" });
    try {
      stored = await handle.db.select({ id: papers.id, upvotes: papers.upvotes }).from(papers);
      const authors = await handle.db.select().from(paperAuthors);
      authorsOf = new Map();
      for (const author of authors.sort((a, b) => a.position - b.position)) {
        authorsOf.set(author.paperId, [...(authorsOf.get(author.paperId) ?? []), author.name]);
      }
    } finally {
      await handle.close();
    }
    server = await startDashboard({ dataDir });
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it("exports every paper with its authors, as the CSV does", async () => {
    const parquet = await fetchParquet(url("/api/export/papers.parquet"));
    expect(parquet.rows.length).toBeGreaterThan(9000);
    expect(parquet.rows.length).toBe(stored.length);
    // Written a row group of 10,000 papers at a time.
    expect(parquet.rowGroups).toBe(Math.ceil(stored.length / 10_000));
    const upvotes = new Map(stored.map((paper) => [paper.id, paper.upvotes]));
    for (const row of parquet.rows) {
      const id = row.id as string;
      expect(row.upvotes, id).toBe(upvotes.get(id));
      expect(row.authors, id).toEqual(authorsOf.get(id) ?? []);
    }
    const csv = await fetchCsv(url("/api/export/papers.csv"));
    expect(asCsvRows(parquet)).toEqual(csv.rows);
  }, 120_000);

  it("exports every snapshot, as the CSV does", async () => {
    const parquet = await fetchParquet(url("/api/export/snapshots.parquet"));
    const csv = await fetchCsv(url("/api/export/snapshots.csv"));
    expect(parquet.rows.length).toBeGreaterThan(9000);
    expect(asCsvRows(parquet)).toEqual(csv.rows);
  }, 120_000);
});
