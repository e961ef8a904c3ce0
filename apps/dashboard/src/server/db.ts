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
  const handle = await createDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.PAPERPULSE_DATA_DIR,
    holder: dbHolder,
    maxConnections: env.PAPERPULSE_DB_POOL_SIZE,
    statementTimeoutMs: env.PAPERPULSE_STATEMENT_TIMEOUT_SECONDS * 1000,
  });
  closeOnSignals(handle);
  return handle;
}

// Closing PGlite checkpoints it and releases the folder lock; the scheduler stops first, so that a run in progress
// gets a moment to finish (a run cut short is marked abandoned at the next start). The server (serve.mjs) runs Next
// without signal handlers of its own: this handler does the exit.
function closeOnSignals(handle: DbHandle): void {
  const exitCodes = { SIGINT: 130, SIGTERM: 143 } as const;
  let closing = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    // `on`, not `once`: Ctrl+C reaches us from both the terminal and the parent; a repeat must not kill the close.
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      setTimeout(() => process.exit(exitCodes[signal]), 5000).unref();
      import("./schedule")
        .then(({ stopSchedule }) => stopSchedule())
        .catch((error: unknown) => console.error("Stopping the scheduler failed:", error))
        .then(() => handle.close())
        .catch((error: unknown) => console.error("Closing the database failed:", error))
        .finally(() => process.exit(exitCodes[signal]));
    });
  }
}
