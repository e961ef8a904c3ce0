import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { ensureAggregates } from "./aggregates/ensure-aggregates.ts";
import { checkDataDir, DamagedDataDirError, findDamagedRelationFiles } from "./check-data-dir.ts";
import { acquireDataDirLock } from "./lock.ts";
import { markEmbedded, tidyAfterRun } from "./maintain.ts";
import { findMigrationsFolder } from "./migrations-folder.ts";
import type { Db } from "./types.ts";

export type DbKind = "pglite" | "postgres";

export type DbHandle = {
  db: Db;
  kind: DbKind;
  /** Where the data lives: the PGlite folder, "memory", or the Postgres URL without its password. */
  location: string;
  /** Postgres: the URL it was opened with (password included: never print it), for connections of its own. */
  url?: string;
  close: () => Promise<void>;
};

export type CreateDbOptions = {
  /**
   * Postgres URL; when undefined, DATABASE_URL (for library users). null, or no URL at all, opens PGlite: the apps
   * pass what their own environment module parsed.
   */
  databaseUrl?: string | null | undefined;
  /** PGlite folder, or "memory"; defaults to PAPERPULSE_DATA_DIR, else ./.data. */
  dataDir?: string | undefined;
  /** Who holds the PGlite folder, shown to a second process that tries to open it. */
  holder?: string | undefined;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean | undefined;
  /** Postgres pool size (default 10). */
  maxConnections?: number | undefined;
  /**
   * Postgres: statements of this pool running longer are cancelled by the server (SQLSTATE 57014). Not applied
   * to migrations and the rebuild of precomputed tables on open, which have their own connection. PGlite runs in
   * this process and cannot interrupt a statement: there, bounded work (batches, limits) keeps statements short.
   */
  statementTimeoutMs?: number | undefined;
};

export class MigrationError extends Error {
  readonly code = "MIGRATION_FAILED";
  constructor(cause: unknown) {
    super(`Database migration failed, schema left unchanged: ${describeError(cause)}`, { cause });
    this.name = "MigrationError";
  }
}

/** Opens the database: Postgres when a URL is given or DATABASE_URL is set, else embedded PGlite. */
export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  const url = options.databaseUrl === undefined ? nonEmpty(process.env.DATABASE_URL) : options.databaseUrl;
  if (url) return openPostgres(url, options);
  const dataDir = options.dataDir ?? nonEmpty(process.env.PAPERPULSE_DATA_DIR) ?? "./.data";
  return openPglite(dataDir, options);
}

async function openPglite(dataDir: string, options: CreateDbOptions): Promise<DbHandle> {
  const inMemory = dataDir === "memory";
  const folder = inMemory ? "memory" : resolve(dataDir);
  const release = inMemory ? () => {} : acquireDataDirLock(folder, options.holder ?? describeProcess());
  try {
    const client = inMemory ? await openMemoryPglite() : await openPgliteFolder(folder);
    const db = drizzlePglite(client) as unknown as Db;
    markEmbedded(db);
    if (options.migrate !== false) {
      // PGlite is single-process (guarded by the lock above), so no migration lock is needed.
      await runMigration(() =>
        migratePglite(drizzlePglite(client), { migrationsFolder: findMigrationsFolder() }),
      );
      // A database that got its precomputed tables just now was rewritten: vacuum and analyse it at once.
      if ((await ensureAggregates(db)).rebuilt) await tidyAfterRun(db, { force: true });
    }
    let closed = false;
    return {
      db,
      kind: "pglite",
      location: folder,
      close: async () => {
        if (closed) return;
        closed = true;
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

// Trigram indexes serve text search; the extension ships with PGlite and is loaded on every open.
const extensions = { pg_trgm };

async function openMemoryPglite(): Promise<PGlite> {
  const client = new PGlite({ extensions });
  await client.waitReady;
  return client;
}

/**
 * Opens the folder's database after checking its files (check-data-dir.ts); an existing database that PGlite
 * cannot open, or whose catalog names files that are gone, is reported as damaged rather than as PGlite's own
 * error (often a WebAssembly trace).
 */
async function openPgliteFolder(folder: string): Promise<PGlite> {
  const pgdata = resolve(folder, "pglite");
  // Present while a new database is being created: a process stopped then (killed in its first second) leaves a
  // half-made folder that holds nothing yet, made again from scratch rather than reported as damaged.
  const creating = resolve(folder, "pglite.creating");
  if (existsSync(creating)) rmSync(pgdata, { recursive: true, force: true });
  checkDataDir(folder, pgdata);
  if (!existsSync(resolve(pgdata, "PG_VERSION"))) {
    writeFileSync(creating, "a new embedded database is being created here\n");
    const client = new PGlite(pgdata, { extensions });
    await client.waitReady;
    rmSync(creating, { force: true });
    return client;
  }
  // Starting writes the server's lock file, the control file (its state) and the relation cache files before any
  // statement runs: those are put back as they were when the folder turns out damaged.
  const restoreStartupFiles = saveStartupFiles(pgdata);
  const damaged = (reason: string) => {
    restoreStartupFiles();
    return new DamagedDataDirError(folder, reason);
  };
  let client: PGlite;
  try {
    client = new PGlite(pgdata, { extensions });
    await client.waitReady;
  } catch (error) {
    throw damaged(`PGlite cannot open it (${firstLine(error)})`);
  }
  const broken = await findDamagedRelationFiles(pgdata, (statement) => client.query(statement)).catch(
    (error: unknown) => {
      throw damaged(`its catalog cannot be read (${firstLine(error)})`);
    },
  );
  // Not closed when damaged: closing writes a checkpoint into the folder, which should stay as it was found.
  if (broken.length > 0) {
    const named =
      broken.slice(0, 3).join("; ") + (broken.length > 3 ? `; and ${broken.length - 3} more` : "");
    throw damaged(named);
  }
  return client;
}

/** The files PostgreSQL writes as it starts, saved; the function returned puts them back (or removes new ones). */
function saveStartupFiles(pgdata: string): () => void {
  const databases = resolve(pgdata, "base");
  const paths = [
    resolve(pgdata, "postmaster.pid"),
    resolve(pgdata, "global", "pg_control"),
    resolve(pgdata, "global", "pg_internal.init"),
    ...readdirSync(databases).map((name) => resolve(databases, name, "pg_internal.init")),
  ];
  const saved = paths.map((path) => ({ path, content: existsSync(path) ? readFileSync(path) : null }));
  return () => {
    for (const { path, content } of saved) {
      if (content === null) rmSync(path, { force: true });
      else writeFileSync(path, content);
    }
  };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}

async function openPostgres(url: string, options: CreateDbOptions): Promise<DbHandle> {
  if (options.migrate !== false) await migratePostgresLocked(url);
  const client = postgres(url, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    ...(options.statementTimeoutMs ? { connection: { statement_timeout: options.statementTimeoutMs } } : {}),
  });
  return {
    db: drizzlePostgres(client) as unknown as Db,
    kind: "postgres",
    location: redactUrl(url),
    url,
    close: () => client.end({ timeout: 5 }),
  };
}

// Any number of processes may start at once against one server: an advisory lock on a dedicated connection lets
// one of them migrate while the others wait, then find nothing left to do.
const MIGRATION_LOCK_KEY = 7_240_631_901;

async function migratePostgresLocked(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    const db = drizzlePostgres(client);
    await runMigration(() => migratePostgres(db, { migrationsFolder: findMigrationsFolder() }));
    // Still under the lock: of several processes opening an upgraded database at once, one rebuilds.
    await ensureAggregates(db as unknown as Db);
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function runMigration(apply: () => Promise<void>): Promise<void> {
  try {
    await apply();
  } catch (error) {
    throw new MigrationError(error);
  }
}

function describeProcess(): string {
  return `${process.argv
    .slice(1, 3)
    .map((arg) => arg.split("/").slice(-2).join("/"))
    .join(" ")}`;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== "" ? value : undefined;
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
