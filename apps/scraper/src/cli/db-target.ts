import type { CreateDbOptions } from "@paperpulse/db";
import type { ScraperEnv } from "../config/env.ts";

/** The database a command opens: the Postgres server of DATABASE_URL, else the embedded one in its folder. */
export type DbTarget = Required<Pick<CreateDbOptions, "databaseUrl" | "dataDir">>;

export function dbTargetOf(env: Pick<ScraperEnv, "DATABASE_URL" | "PAPERPULSE_DATA_DIR">): DbTarget {
  // null, not undefined: the database package would otherwise look at DATABASE_URL itself.
  return { databaseUrl: env.DATABASE_URL ?? null, dataDir: env.PAPERPULSE_DATA_DIR };
}
