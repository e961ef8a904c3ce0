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

type Child = { process: ChildProcess; exited: Promise<number | null> };

function startImport(archive: string, env: Record<string, string>): Child {
  const child = spawnCli(["import", archive], env);
  // Listen from the start: a child that finishes before we look must not leave us waiting for an exit already past.
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { process: child, exited };
}

/** Kills the child after `ms` unless it already finished; says which happened. */
async function killAfter(child: Child, ms: number): Promise<"killed" | "finished"> {
  const outcome = await Promise.race([
    child.exited.then(() => "finished" as const),
    new Promise<"killed">((resolve) => setTimeout(() => resolve("killed"), ms)),
  ]);
  if (outcome === "killed") child.process.kill("SIGKILL");
  await child.exited;
  return outcome;
}

async function finishImport(archive: string, env: Record<string, string>): Promise<number | null> {
  return startImport(archive, env).exited;
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
    // Kill fresh imports at random moments until two kills have landed mid-run (something committed, not
    // everything). How far an import gets in a given time depends on the machine's load, so a kill that found
    // nothing committed moves the next one later and one that came after the end moves it earlier.
    let delay = 2_000 + Math.random() * 3_000;
    const midRun: Record<string, string>[] = [];
    for (let attempt = 0; attempt < 8 && midRun.length < 2; attempt++) {
      const env = { PAPERPULSE_DATA_DIR: join(dir, `pglite-${attempt}`) };
      const outcome = await killAfter(startImport(archive, env), delay);
      const handle = await createDb({ dataDir: env.PAPERPULSE_DATA_DIR, databaseUrl: undefined });
      try {
        await checkInvariants(handle.db);
        const committed = (await countRows(handle.db))?.snapshots ?? 0;
        if (outcome === "killed" && committed > 0 && committed < expected.snapshots) {
          midRun.push(env);
          expect(await abandonDeadRuns(handle.db)).toHaveLength(1);
        }
        delay =
          committed === 0
            ? delay * 1.5
            : outcome === "finished" || committed === expected.snapshots
              ? delay * (0.3 + Math.random() * 0.4)
              : delay * (0.6 + Math.random() * 0.8);
      } finally {
        await handle.close();
      }
    }
    expect(midRun.length, "kills that landed mid-run").toBeGreaterThanOrEqual(1);
    const env = midRun.at(-1) ?? {};
    expect(await finishImport(archive, env)).toBe(0);
    const handle = await createDb({ dataDir: env.PAPERPULSE_DATA_DIR, databaseUrl: undefined });
    try {
      await checkInvariants(handle.db);
      expect(await countRows(handle.db)).toEqual(expected);
      const statuses = await selectRows<{ status: string }>(
        handle.db,
        sql`select status from scrape_runs order by id`,
      );
      expect(statuses.map((s) => s.status)).toEqual(["abandoned", "succeeded"]);
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
