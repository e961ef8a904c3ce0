import { get as httpGet, type IncomingHttpHeaders } from "node:http";
import { gunzipSync } from "node:zlib";
import { type Db, finishRun, saveCapture, startRun } from "@paperpulse/db";
import { describeOnServer, openServerDb, type TestDbHandle } from "@paperpulse/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningDashboard, startDashboard } from "./support/server";
import { seedSynthetic, syntheticCaptures } from "./support/synthetic";

// Views and exports served from the page cache against the built app on the Postgres server: every copy gets its
// own CSP nonce (the one the header names is the only one in the page), exports come out byte for byte, and a write
// by another process (a run, here one more capture stored through a separate connection) shows on the next request.

type Fetched = { status: number; cache: string | null; nonce: string; body: string };

async function get(server: RunningDashboard, path: string): Promise<Fetched> {
  const response = await fetch(`${server.url}${path}`);
  const policy = response.headers.get("content-security-policy") ?? "";
  return {
    status: response.status,
    cache: response.headers.get("x-paperpulse-page-cache"),
    nonce: policy.match(/'nonce-([^']+)'/)?.[1] ?? "",
    body: await response.text(),
  };
}

/** Requests the view until the copy rendered in the background is served (it is rendered once per data version). */
async function getCached(server: RunningDashboard, path: string): Promise<Fetched> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const page = await get(server, path);
    if (page.cache === "hit") return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${path} was never served from the cache`);
}

/** A response as sent, not decoded (fetch would undo the compression). */
function getRaw(
  server: RunningDashboard,
  path: string,
  acceptEncoding: string,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(
      `${server.url}${path}`,
      { headers: { "accept-encoding": acceptEncoding } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
  });
}

const nonces = (body: string) => new Set([...body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
const paperIds = (body: string) => [...body.matchAll(/data-paper-id="([^"]+)"/g)].map((m) => m[1]);

describeOnServer("page cache [postgres]", () => {
  let database: TestDbHandle;
  let server: RunningDashboard;
  let uncached: RunningDashboard;

  beforeAll(async () => {
    database = await openServerDb();
    await seedSynthetic(database.db);
    const url = database.url ?? "";
    server = await startDashboard({ databaseUrl: url });
    uncached = await startDashboard({ databaseUrl: url }, { env: { PAPERPULSE_PAGE_CACHE_MB: "0" } });
  });

  afterAll(async () => {
    await server?.stop();
    await uncached?.stop();
    await database?.close();
  });

  it("serves a cached view with a nonce of its own, the same rows as a fresh render", async () => {
    const fresh = await get(uncached, "/papers?sort=date");
    expect(fresh.status).toBe(200);
    const first = await getCached(server, "/papers?sort=date");
    const second = await getCached(server, "/papers?sort=date");
    for (const page of [first, second]) {
      expect(page.status).toBe(200);
      expect(page.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      // Every script and style in the page carries the nonce its header allows, and no other.
      expect(nonces(page.body)).toEqual(new Set([page.nonce]));
    }
    expect(second.nonce).not.toBe(first.nonce);
    expect(paperIds(first.body)).toEqual(paperIds(fresh.body));
    expect(paperIds(first.body).length).toBeGreaterThan(0);
  });

  it("shows a write by another process on the next request", async () => {
    const before = await getCached(server, "/papers?sort=date");
    await storeOneMore(database.db);
    const after = await get(server, "/papers?sort=date");
    expect(after.cache).toBe("rendered");
    expect(paperIds(after.body)).toEqual([...paperIds(before.body), "2303.09999"]);
    expect((await getCached(server, "/papers?sort=date")).body).toContain('data-paper-id="2303.09999"');
  });

  it("keeps exports bounded by the papers, byte for byte, not the snapshots of everything", async () => {
    const direct = await fetch(`${uncached.url}/api/export/papers.csv?sort=date`);
    const bytes = Buffer.from(await direct.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const caches: (string | null)[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await fetch(`${server.url}/api/export/papers.csv?sort=date`);
      caches.push(response.headers.get("x-paperpulse-page-cache"));
      expect(response.headers.get("content-disposition")).toBe(direct.headers.get("content-disposition"));
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    }
    expect(caches).toEqual(["rendered", "hit", "hit"]);
    expect((await get(server, "/api/export/snapshots.csv")).cache).toBeNull();
    expect((await get(server, "/api/organizations")).cache).toBeNull();
  });

  it("compresses a kept export once and sends it to clients that take gzip, as is to those that do not", async () => {
    const path = "/api/export/papers.csv?sort=title";
    const plain = await fetch(`${uncached.url}${path}`);
    const bytes = Buffer.from(await plain.arrayBuffer());
    await fetch(`${server.url}${path}`).then((response) => response.arrayBuffer());
    const zipped = await getRaw(server, path, "gzip, deflate, br");
    expect(zipped.headers["x-paperpulse-page-cache"]).toBe("hit");
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    // Compressed once: one gunzip gives the export itself.
    expect(gunzipSync(zipped.body)).toEqual(bytes);
    const refused = await getRaw(server, path, "gzip;q=0, identity");
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(refused.body).toEqual(bytes);
    // Views are compressed on the way out as well.
    const view = await getRaw(server, "/papers?sort=date", "gzip");
    expect(view.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(view.body).toString("utf8")).toContain("data-paper-id=");
  });

  it("can be turned off", async () => {
    for (let i = 0; i < 3; i++) {
      const page = await get(uncached, "/papers?sort=date");
      expect(page.status).toBe(200);
      expect(page.cache).toBeNull();
    }
  });
});

/** One more paper, on a later day, stored as a run of another process would store it. */
async function storeOneMore(db: Db): Promise<void> {
  const template = syntheticCaptures[0]?.papers[0];
  if (!template) throw new Error("no synthetic paper");
  const run = await startRun(db, { trigger: "cli", command: "page cache test", plan: {} });
  await saveCapture(db, {
    runId: run.id,
    page: { url: "file:///page-cache-test.json", kind: "file" },
    capture: {
      capturedAt: new Date("2023-03-10T09:00:00.000Z"),
      listingDate: "2023-03-10",
      papers: [
        {
          ...template,
          id: "2303.09999",
          title: "One more paper",
          dailyDate: "2023-03-10",
          organization: null,
        },
      ],
    },
  });
  await finishRun(db, run.id, { status: "succeeded" });
}
