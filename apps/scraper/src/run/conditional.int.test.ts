import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DbHandle, selectRows } from "@paperpulse/db";
import { openMemoryDb } from "@paperpulse/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testFetcherOptions } from "../../testing/fetcher-test-options.ts";
import { type HfTestServer, type RouteReply, startHfTestServer } from "../../testing/hf-test-server.ts";
import { scrapeTargets } from "./scrape-targets.ts";

// An API listing that sends an ETag is asked for again with If-None-Match; "304 Not Modified" costs no body and
// is stored as the unchanged capture it stands for: the papers are seen (confirmed) again, no snapshot is added.

const day = "2025-06-02";
let upvotes = 4;
const listing = () =>
  JSON.stringify(
    ["2506.00001", "2506.00002"].map((id, i) => ({
      paper: {
        id,
        title: `Synthetic ${id}`,
        authors: [],
        upvotes: upvotes + i,
        submittedOnDailyAt: `${day}T00:00:00Z`,
      },
      numComments: 0,
    })),
  );

describe("conditional requests", () => {
  let server: HfTestServer;
  let handle: DbHandle;
  const rawDir = mkdtempSync(join(tmpdir(), "paperpulse-conditional-"));
  beforeAll(async () => {
    server = await startHfTestServer();
    server.route("/api/daily_papers", (request): RouteReply => {
      const body = listing();
      const etag = `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`;
      if (request.headers["if-none-match"] === etag) return { status: 304, body: "", headers: { etag } };
      return { body, headers: { "content-type": "application/json", etag } };
    });
    handle = await openMemoryDb();
  });
  afterAll(async () => {
    await server.close();
    await handle.close();
    rmSync(rawDir, { recursive: true, force: true });
  });

  // Each run gets a fetcher of its own, as a new process would: what carries over is the kept body and validators.
  const run = (at: string, raw = true) =>
    scrapeTargets(handle.db, [{ kind: "date", value: day }], {
      source: "api",
      trigger: "cli",
      command: "test",
      fetcher: testFetcherOptions(server.baseUrl),
      now: () => new Date(at),
      ...(raw ? { raw: { dir: rawDir, recordAll: false } } : {}),
    });
  const listingRequests = () => server.requests.filter((r) => r.path === "/api/daily_papers");
  const confirmed = async () =>
    (
      await selectRows<{ confirmed_at: Date | string }>(
        handle.db,
        sql`select confirmed_at from papers order by id`,
      )
    ).map((row) => new Date(row.confirmed_at).toISOString());

  it("asks again with If-None-Match and stores a 304 as the unchanged listing", async () => {
    const first = await run("2025-06-03T08:00:00Z");
    expect(first).toMatchObject({ status: "succeeded", items: 2, snapshots: 2, unchanged: 0 });
    expect(listingRequests()[0]?.headers["if-none-match"]).toBeUndefined();

    const second = await run("2025-06-03T09:00:00Z");
    expect(second).toMatchObject({ status: "succeeded", requests: 1, items: 2, snapshots: 0, unchanged: 1 });
    expect(listingRequests()[1]?.headers["if-none-match"]).toMatch(/^"[0-9a-f]{16}"$/);
    expect(await confirmed()).toEqual(["2025-06-03T09:00:00.000Z", "2025-06-03T09:00:00.000Z"]);
    const [page] = await selectRows<{ status_code: number; items: number }>(
      handle.db,
      sql`select status_code, items from scrape_pages where run_id = ${second.runId}`,
    );
    expect(page).toEqual({ status_code: 304, items: 2 });
  });

  it("stores the new listing when it changed, and sends no condition without a kept body", async () => {
    upvotes = 9;
    const changed = await run("2025-06-03T10:00:00Z");
    expect(changed).toMatchObject({ status: "succeeded", snapshots: 2, unchanged: 0 });
    const plain = await run("2025-06-03T11:00:00Z", false);
    expect(plain).toMatchObject({ status: "succeeded", unchanged: 0 });
    expect(listingRequests().at(-1)?.headers["if-none-match"]).toBeUndefined();
  });
});
