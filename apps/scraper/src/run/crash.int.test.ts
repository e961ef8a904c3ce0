import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { abandonDeadRuns, createDb, type Db, selectRows } from "@paperpulse/db";
import { describeWhen, openServerDb, type TestDbHandle } from "@paperpulse/db/testing";
import { sql } from "drizzle-orm";
import { create as createTar } from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const cli = join(packageDir, "src", "cli.ts");

/** The CLI as one process (the tsx binary would put a wrapper between us and the process we mean to kill). */
function spawnCli(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", cli, ...args], {
    cwd: packageDir,
    env: { ...process.env, DATABASE_URL: "", ...env },
    stdio: "ignore",
  });
}
const FILES = 240;
const ITEMS_PER_FILE = 20;

/** A synthetic archive of recorded API responses: each file a capture of one day, 20 papers, some repeated. */
async function writeArchive(dir: string): Promise<string> {
  const folder = join(dir, "captures");
  mkdirSync(folder);
  const names: string[] = [];
  for (let f = 0; f < FILES; f++) {
    const date = new Date(Date.UTC(2025, 0, 1) + f * 86_400_000).toISOString().slice(0, 10);
    // Papers overlap across neighbouring files, so later captures update earlier papers.
    const items = Array.from({ length: ITEMS_PER_FILE }, (_, i) => {
      const n = f * 10 + i;
      return {
        paper: {
          id: `2501.${String(n).padStart(5, "0")}`,
          title: `Synthetic paper ${n}`,
          authors: Array.from({ length: 8 }, (_, a) => ({ name: `Author ${a}` })),
          upvotes: f + i,
          submittedOnDailyAt: `${date}T00:00:00.000Z`,
        },
        numComments: i % 3,
      };
    });
    const name = `api_daily_papers_${date}.json`;
    writeFileSync(join(folder, name), JSON.stringify(items));
    const mtime = new Date(Date.UTC(2025, 0, 1, 8) + f * 86_400_000);
    utimesSync(join(folder, name), mtime, mtime);
    names.push(name);
  }
  const archive = join(dir, "captures.tar.gz");
  await createTar({ gzip: true, file: archive, cwd: folder, portable: false }, names);
  return archive;
}

function startImport(archive: string, env: Record<string, string>): ChildProcess {
  return spawnCli(["import", archive], env);
}

async function killAfter(child: ChildProcess, ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  child.kill("SIGKILL");
  await once(child, "exit");
}

async function finishImport(archive: string, env: Record<string, string>): Promise<number> {
  const child = startImport(archive, env);
  const [code] = (await once(child, "exit")) as [number];
  return code;
}

/** What must hold after any crash: every committed page complete, run counters equal to their pages' rows. */
async function checkInvariants(db: Db) {
  const pages = await selectRows<{ id: number; snapshots: number; stored: number }>(
    db,
    sql`select p.id, p.snapshots, (select count(*)::int from paper_snapshots s where s.page_id = p.id) as stored
        from scrape_pages p`,
  );
  for (const page of pages) expect(page.stored, `page ${page.id}`).toBe(page.snapshots);
  const runs = await selectRows<{
    id: number;
    snapshots: number;
    pages_total: number;
    pages: number;
    sum: number;
  }>(
    db,
    sql`select r.id, r.snapshots, r.pages_total,
          (select count(*)::int from scrape_pages p where p.run_id = r.id) as pages,
          (select coalesce(sum(p.snapshots), 0)::int from scrape_pages p where p.run_id = r.id) as sum
        from scrape_runs r`,
  );
  for (const run of runs) {
    expect(run.pages, `run ${run.id} pages`).toBe(run.pages_total);
    expect(run.sum, `run ${run.id} snapshots`).toBe(run.snapshots);
  }
  const [orphans] = await selectRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from paper_snapshots s left join papers p on p.id = s.paper_id where p.id is null`,
  );
  expect(orphans?.n).toBe(0);
}

async function countRows(db: Db) {
  const [row] = await selectRows<{ papers: number; snapshots: number }>(
    db,
    sql`select (select count(*)::int from papers) as papers, (select count(*)::int from paper_snapshots) as snapshots`,
  );
  return row;
}

const expected = { papers: (FILES - 1) * 10 + ITEMS_PER_FILE, snapshots: FILES * ITEMS_PER_FILE };

describe("a run killed with SIGKILL", () => {
  let dir: string;
  let archive: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "paperpulse-crash-"));
    archive = await writeArchive(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("on PGlite: committed pages stay complete, the dead run is abandoned, the lock is taken over, the next run succeeds", {
    timeout: 300_000,
  }, async () => {
    const env = { PAPERPULSE_DATA_DIR: join(dir, "pglite") };
    // Kill at random points; a loaded machine starts slower, so a kill that found nothing committed yet moves the
    // next one later. At least two kills must land mid-run (something committed, not everything).
    let delay = 3_500 + Math.random() * 2_000;
    let midRun = 0;
    for (let attempt = 0; attempt < 4 && midRun < 2; attempt++) {
      await killAfter(startImport(archive, env), delay);
      const handle = await createDb({ dataDir: env.PAPERPULSE_DATA_DIR, databaseUrl: undefined });
      try {
        await checkInvariants(handle.db);
        const committed = (await countRows(handle.db))?.snapshots ?? 0;
        if (committed > 0 && committed < expected.snapshots) midRun++;
        delay += committed === 0 ? 2_000 : Math.random() * 1_500;
        expect((await abandonDeadRuns(handle.db)).length).toBeLessThanOrEqual(1);
      } finally {
        await handle.close();
      }
    }
    expect(midRun).toBeGreaterThanOrEqual(1);
    expect(await finishImport(archive, env)).toBe(0);
    const handle = await createDb({ dataDir: env.PAPERPULSE_DATA_DIR, databaseUrl: undefined });
    try {
      await checkInvariants(handle.db);
      expect(await countRows(handle.db)).toEqual(expected);
      const statuses = await selectRows<{ status: string }>(
        handle.db,
        sql`select status from scrape_runs order by id`,
      );
      expect(statuses.at(-1)?.status).toBe("succeeded");
      expect(statuses.every((s) => s.status !== "running")).toBe(true);
    } finally {
      await handle.close();
    }
  });

  describeWhen(Boolean(process.env.TEST_DATABASE_URL), "TEST_DATABASE_URL is not set", "on Postgres", () => {
    let server: TestDbHandle;
    beforeAll(async () => {
      server = await openServerDb();
    });
    afterAll(async () => {
      await server.close();
    });

    it("committed pages stay complete, the next run abandons the dead one and succeeds", async () => {
      const env = { DATABASE_URL: server.url ?? "" };
      // Kill once pages are being committed, after a random extra moment.
      const child = startImport(archive, env);
      while (((await countRows(server.db))?.snapshots ?? 0) === 0)
        await new Promise((r) => setTimeout(r, 100));
      await killAfter(child, Math.random() * 1_500);
      await checkInvariants(server.db);
      const atKill = (await countRows(server.db))?.snapshots ?? 0;
      expect(atKill).toBeLessThan(expected.snapshots);
      expect(await finishImport(archive, env)).toBe(0);
      await checkInvariants(server.db);
      expect(await countRows(server.db)).toEqual(expected);
      const statuses = await selectRows<{ status: string }>(
        server.db,
        sql`select status from scrape_runs order by id`,
      );
      expect(statuses.map((s) => s.status)).toEqual(["abandoned", "succeeded"]);
    }, 180_000);
  });
});
