import "server-only";
import { createDb, type Db, type DbHandle } from "@paperpulse/db";
import { getEnv } from "./env";

export const dbHolder = "the Paperpulse dashboard (pnpm start)";

// Next bundles instrumentation, pages and route handlers separately, so a module-level variable would open the
// database once per bundle; PGlite allows one opener per folder. One handle per process lives on globalThis.
const key = Symbol.for("paperpulse.dashboard.db");
type Global = typeof globalThis & { [key]?: Promise<DbHandle> };

/** The process's database, opened (and migrated) on first use. */
export function getDbHandle(): Promise<DbHandle> {
  const global = globalThis as Global;
  global[key] ??= openDb();
  return global[key];
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

async function openDb(): Promise<DbHandle> {
  const env = getEnv();
  return createDb({
    // null, not undefined: the database package would otherwise read DATABASE_URL itself.
    databaseUrl: env.DATABASE_URL ?? null,
    dataDir: env.PAPERPULSE_DATA_DIR,
    holder: dbHolder,
    maxConnections: env.PAPERPULSE_DB_POOL_SIZE,
    statementTimeoutMs: env.PAPERPULSE_STATEMENT_TIMEOUT_SECONDS * 1000,
  });
}
