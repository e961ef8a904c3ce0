import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeOnServer, openServerDb, type TestDbHandle } from "@paperpulse/db/testing";
import { writeSyntheticArchive } from "@paperpulse/scraper/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importWithCli } from "./support/import";
import { type RunningDashboard, startDashboard } from "./support/server";

// PGlite runs one query at a time: ten exports streaming at once would queue every view behind them. An embedded
// dashboard streams two (PAPERPULSE_MAX_EXPORTS); the others get 429 with Retry-After, and the views keep
// answering: /papers within 10 s (the bound stated in the README) while two full exports are being read.

const papersViewBoundMs = 10_000;

describe("ten exports at once on an embedded database", () => {
  let dir = "";
  let server: RunningDashboard | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "paperpulse-limits-"));
    // ~4,000 papers captured twice: exports of thousands of rows, several batches each.
    const archive = writeSyntheticArchive(join(dir, "archive"), {
      seed: 11,
      days: 100,
      papersPerDay: [30, 50],
      captureHours: [30, 336],
    });
    await importWithCli(join(dir, "data"), [join(dir, "archive")]);
    expect(archive.papers.length).toBeGreaterThan(3000);
    // The page cache off: every request reaches the export routes.
    server = await startDashboard({ dataDir: join(dir, "data") }, { env: { PAPERPULSE_PAGE_CACHE_MB: "0" } });
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("streams two, refuses the rest with 429 and Retry-After, and /papers still answers", async () => {
    if (!server) throw new Error("server not started");
    const url = server.url;
    const paths = Array.from({ length: 10 }, (_, i) =>
      i % 2 === 0 ? "/api/export/papers.csv" : "/api/export/snapshots.csv",
    );
    const responses = await Promise.all(paths.map((path) => fetch(`${url}${path}`)));
    const streaming = responses.filter((response) => response.status === 200);
    const refused = responses.filter((response) => response.status === 429);
    // Two take the slots as they arrive; an export that ends frees its slot for a later arrival, so only "most".
    expect(streaming.length + refused.length).toBe(10);
    expect(streaming.length).toBeGreaterThanOrEqual(2);
    expect(refused.length).toBeGreaterThanOrEqual(5);
    for (const response of refused) {
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await response.text()).toMatch(/Too many exports at once \(at most 2 per server/);
    }
    // Read both exports while a reader opens /papers.
    const started = performance.now();
    const [papers, ...bodies] = await Promise.all([
      fetch(`${url}/papers`).then(async (response) => ({
        status: response.status,
        ms: performance.now() - started,
        html: await response.text(),
      })),
      ...streaming.map((response) => response.text()),
    ]);
    expect(papers.status).toBe(200);
    expect(papers.ms).toBeLessThan(papersViewBoundMs);
    for (const body of bodies) expect(body.split("\r\n").length).toBeGreaterThan(3000);
    // Read to the end, the slots are free again.
    const again = await fetch(`${url}/api/export/papers.csv`);
    expect(again.status).toBe(200);
    await again.text();
  });
});

describeOnServer("a query past the statement timeout [postgres]", () => {
  let database: TestDbHandle | undefined;
  let server: RunningDashboard | undefined;

  beforeAll(async () => {
    database = await openServerDb();
    server = await startDashboard(
      { databaseUrl: database.url ?? "" },
      { env: { PAPERPULSE_STATEMENT_TIMEOUT_SECONDS: "1", PAPERPULSE_PAGE_CACHE_MB: "0" } },
    );
  });

  afterAll(async () => {
    await server?.stop();
    await database?.close();
  });

  it("is cancelled by the database and answered with 503 and the reason, not left hanging", async () => {
    if (!server || !database) throw new Error("server not started");
    const url = server.url;
    // Another process holds the papers table (a long migration, say): the export's query waits on it.
    const response = await database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table papers in access exclusive mode`);
      return fetch(`${url}/api/export/papers.csv`, { signal: AbortSignal.timeout(20_000) });
    });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await response.text()).toMatch(
      /The database did not answer within 1 s \(PAPERPULSE_STATEMENT_TIMEOUT_SECONDS\)/,
    );
    // The lock gone, the same export answers, and its slot was given back.
    const again = await fetch(`${url}/api/export/papers.csv`);
    expect(again.status).toBe(200);
  });
});
