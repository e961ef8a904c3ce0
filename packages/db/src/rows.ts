import type { SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "./types.ts";

/** Runs raw SQL and returns its rows, whichever driver is underneath. */
export async function selectRows<T>(db: DbOrTx | Db, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

/** The rows of one result (none for a statement not sent): PGlite returns {rows}, postgres.js an array. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] } | undefined)?.rows ?? []) as T[];
}
