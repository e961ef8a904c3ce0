import type { SQL } from "drizzle-orm";
import type { Db } from "./types.ts";

/** Runs raw SQL and returns its rows, whichever driver is underneath (PGlite returns {rows}, postgres.js an array). */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
