import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createDb } from "@paperpulse/db";
import postgres from "postgres";
import { importWithCli } from "../../tests/support/import";
import { capturesDir, type ScaleArchive } from "./data-set";
import { fillHistory, type HistoryCounts, type HistoryScale } from "./fill-history";
import type { Engine } from "./report";

export type PreparedEngine = {
  database: { dataDir: string } | { databaseUrl: string };
  counts: HistoryCounts;
  importSeconds: number;
  importedItems: number;
  fillSeconds: number;
  cleanup: () => Promise<void>;
};

/** Snapshots and refresh runs each engine gets: PGlite a tenth of the Postgres history (one process, WebAssembly). */
export const historyScales: Record<Engine, HistoryScale> = {
  postgres: { snapshots: 10_000_000, runEveryHours: 1, pagesPerRun: 30 },
  pglite: { snapshots: 1_000_000, runEveryHours: 10, pagesPerRun: 30 },
};

type Ready = Omit<PreparedEngine, "database" | "cleanup">;

/**
 * A database holding the scale archive (imported with `pnpm scrape import`, as a user would) and the history of
 * three years of refreshes. With `reuse`, a database prepared before from the same archive is used as it is
 * (pending migrations apply when the dashboard opens it), and a new one is kept for the next run.
 */
export async function prepareEngine(
  engine: Engine,
  archive: ScaleArchive,
  options: { cacheDir: string; reuse: boolean; log: (line: string) => void },
): Promise<PreparedEngine> {
  const name = `${engine}-${archive.dir.split("archive-").at(-1)}`;
  const marker = join(options.cacheDir, `${name}.json`);
  const target =
    engine === "pglite"
      ? pgliteTarget(options.cacheDir, name, options.reuse)
      : await postgresTarget(name, options.reuse);
  if (options.reuse && existsSync(marker) && (await target.exists())) {
    options.log(`${engine}: reusing the database prepared before (${target.describe})`);
    return {
      database: target.database,
      cleanup: async () => {},
      ...(JSON.parse(readFileSync(marker, "utf8")) as Ready),
    };
  }
  await target.reset();
  const importStart = performance.now();
  const output = await importWithCli(
    "dataDir" in target.database ? target.database.dataDir : "",
    [capturesDir(archive)],
    "databaseUrl" in target.database ? target.database.databaseUrl : "",
  );
  const importSeconds = (performance.now() - importStart) / 1000;
  const importedItems = Number(output.match(/(\d[\d,]*) items/)?.[1]?.replace(/,/g, "") ?? 0);
  options.log(`${engine}: imported ${archive.files} files in ${importSeconds.toFixed(0)} s`);

  const fillStart = performance.now();
  const handle = await createDb(
    "dataDir" in target.database
      ? { dataDir: target.database.dataDir, databaseUrl: undefined }
      : { databaseUrl: target.database.databaseUrl },
  );
  let counts: HistoryCounts;
  try {
    counts = await fillHistory(handle.db, historyScales[engine], (line) => options.log(`${engine}:${line}`));
  } finally {
    await handle.close();
  }
  const fillSeconds = (performance.now() - fillStart) / 1000;
  options.log(
    `${engine}: ${counts.snapshots.toLocaleString("en")} snapshots after ${fillSeconds.toFixed(0)} s`,
  );
  const ready: Ready = { counts, importSeconds, importedItems, fillSeconds };
  if (options.reuse) writeFileSync(marker, JSON.stringify(ready));
  return { database: target.database, cleanup: options.reuse ? async () => {} : target.drop, ...ready };
}

type Target = {
  database: { dataDir: string } | { databaseUrl: string };
  describe: string;
  exists: () => Promise<boolean>;
  reset: () => Promise<void>;
  drop: () => Promise<void>;
};

function pgliteTarget(cacheDir: string, name: string, reuse: boolean): Target {
  const dataDir = join(cacheDir, reuse ? name : `${name}-${process.pid}`);
  return {
    database: { dataDir },
    describe: dataDir,
    exists: async () => existsSync(join(dataDir, "pglite")),
    reset: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
    },
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function postgresTarget(name: string, reuse: boolean): Promise<Target> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error("TEST_DATABASE_URL is not set");
  const database = `paperpulse_scale_${name.replace(/\W/g, "_")}${reuse ? "" : `_${process.pid}`}`;
  const url = new URL(server);
  url.pathname = `/${database}`;
  const admin = () => postgres(server, { max: 1, onnotice: () => {} });
  const withAdmin = async <T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> => {
    const sql = admin();
    try {
      return await work(sql);
    } finally {
      await sql.end({ timeout: 5 });
    }
  };
  return {
    database: { databaseUrl: url.toString() },
    describe: `database ${database}`,
    exists: () =>
      withAdmin(async (sql) => (await sql`select 1 from pg_database where datname = ${database}`).length > 0),
    reset: () =>
      withAdmin(async (sql) => {
        await sql.unsafe(`drop database if exists ${database} with (force)`);
        await sql.unsafe(`create database ${database}`);
      }),
    drop: () =>
      withAdmin(async (sql) => void (await sql.unsafe(`drop database if exists ${database} with (force)`))),
  };
}
