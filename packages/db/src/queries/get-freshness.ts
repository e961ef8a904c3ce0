import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";

export type Freshness = {
  /** When the newest page that stored without error was captured; null when nothing was ever captured. */
  lastSuccessAt: Date | null;
  /** The newest run that has ended (not running or queued), if any. */
  lastRun: { id: number; status: string; finishedAt: Date | null; errorCode: string | null } | null;
  /** The newest ended run failed with (or had pages failing with) SCHEMA_DRIFT: Hugging Face's markup changed. */
  schemaDrift: boolean;
};

/** How fresh the data is, for the banner every page shows. */
export async function getFreshness(db: Db): Promise<Freshness> {
  const [success] = await selectRows<{ at: string | Date | null }>(
    db,
    sql`select max(captured_at) as at from scrape_pages where error_code is null`,
  );
  const [run] = await selectRows<{
    id: number;
    status: string;
    finished_at: string | Date | null;
    error_code: string | null;
    drift: boolean;
  }>(
    db,
    sql`select r.id, r.status, r.finished_at, r.error_code,
          (r.error_code = 'SCHEMA_DRIFT' or exists (
            select 1 from scrape_pages p where p.run_id = r.id and p.error_code = 'SCHEMA_DRIFT'
          )) as drift
        from scrape_runs r where r.status not in ('running', 'queued')
        order by r.id desc limit 1`,
  );
  return {
    lastSuccessAt: toDate(success?.at ?? null),
    lastRun: run
      ? {
          id: Number(run.id),
          status: run.status,
          finishedAt: toDate(run.finished_at),
          errorCode: run.error_code,
        }
      : null,
    schemaDrift: run?.drift === true,
  };
}

// Raw selects bypass drizzle's column mapping: postgres.js returns timestamptz as text, PGlite as Date.
function toDate(value: string | Date | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}
