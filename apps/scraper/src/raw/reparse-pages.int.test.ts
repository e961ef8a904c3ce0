import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DbHandle, listRunPages } from "@paperpulse/db";
import { openMemoryDb } from "@paperpulse/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HfTestServer, startHfTestServer } from "../../testing/hf-test-server.ts";
import { scrapeTargets } from "../run/scrape-targets.ts";
import { keepRaw, readRaw } from "./raw-store.ts";
import { reparsePages } from "./reparse-pages.ts";

const item = (id: string, upvotes: unknown) => ({
  paper: { id, title: `Synthetic ${id}`, authors: [{ name: "Ada Example" }], upvotes },
  numComments: 1,
});

describe("raw pages and reparse", () => {
  let server: HfTestServer;
  let handle: DbHandle;
  let dir: string;
  beforeAll(async () => {
    server = await startHfTestServer();
    // Upvotes as strings: a shape the parser rejects today.
    server.route("/api/daily_papers", (request) => ({
      body: JSON.stringify(
        request.query.get("p") === "0" ? [item("2510.00001", "12"), item("2510.00002", "3")] : [],
      ),
    }));
    handle = await openMemoryDb();
    dir = mkdtempSync(join(tmpdir(), "paperpulse-raw-"));
  });
  afterAll(async () => {
    await server.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps a page that failed to parse, and stores it once a reparse can read it, without fetching", async () => {
    const summary = await scrapeTargets(handle.db, [{ kind: "date", value: "2025-10-01" }], {
      source: "api",
      trigger: "cli",
      command: "drift",
      fetcher: { baseUrl: server.baseUrl, attempts: 1, allowPrivateHosts: true },
      raw: { dir, recordAll: false },
    });
    expect(summary).toMatchObject({ status: "failed", errorCode: "SCHEMA_DRIFT", items: 0 });
    const [page] = await listRunPages(handle.db, summary.runId);
    const hash = page?.contentHash ?? "";
    const kept = await readRaw(dir, hash);
    expect(kept).toContain('"upvotes":"12"');

    // Stand-in for a parser fix: the kept body now reads as the fixed parser would read it.
    await keepRawReplacing(dir, hash, JSON.stringify([item("2510.00001", 12), item("2510.00002", 3)]));
    const requestsBefore = server.requests.length;
    const result = await reparsePages(handle.db, { dir, all: false });
    expect(server.requests.length).toBe(requestsBefore);
    expect(result.run).toMatchObject({ status: "succeeded", items: 2, newPapers: 2, snapshots: 2 });
    const [stored] = await listRunPages(handle.db, result.run?.runId ?? 0);
    expect(stored?.capturedAt.toISOString()).toBe(page?.capturedAt.toISOString());

    // Reparsed once, it is not looked at again.
    expect((await reparsePages(handle.db, { dir, all: false })).considered).toBe(0);
  });

  it("keeps every response with recordAll, under its content hash", async () => {
    const summary = await scrapeTargets(handle.db, [{ kind: "date", value: "2025-10-02" }], {
      source: "api",
      trigger: "cli",
      command: "record",
      fetcher: { baseUrl: server.baseUrl, attempts: 1, allowPrivateHosts: true },
      raw: { dir, recordAll: true },
    });
    const pages = await listRunPages(handle.db, summary.runId);
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(await readRaw(dir, page.contentHash ?? "")).not.toBeNull();
  });
});

async function keepRawReplacing(dir: string, hash: string, body: string) {
  rmSync(join(dir, hash.slice(0, 2), `${hash}.gz`));
  await keepRaw(dir, hash, body);
}
