import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import { toDate } from "../to-date.ts";
import type { Db } from "../types.ts";

export type Freshness = {
  /** When the newest page that stored without error was captured; null when nothing was ever captured. */
  lastSuccessAt: Date | null;
  /** The newest run that has ended (not running or queued), if any. */
  lastRun: { id: number; status: string; finishedAt: Date | null; errorCode: string | null } | null;
  /** The newest ended run failed with (or had pages failing with) SCHEMA_DRIFT: Hugging Face's markup changed. */
  schemaDrift: boolean;
};

/**
 * How fresh the data is, for the banner every page shows. Three index steps whatever the history holds: the
 * newest good page through the partial index on good pages' capture times, the newest ended run by id, and that
 * run's pages through the run index.
 */
export async function getFreshness(db: Db): Promise<Freshness> {
  const lastSuccessAt = await getLastSuccessAt(db);
  const [run] = await selectRows<{
    id: number;
    status: string;
    finished_at: string | Date | null;
    error_code: string | null;
  }>(
    db,
    sql`select id, status, finished_at, error_code from scrape_runs
        where status not in ('running', 'queued') order by id desc limit 1`,
  );
  let schemaDrift = run?.error_code === "SCHEMA_DRIFT";
  if (run && !schemaDrift) {
    const drifted = await selectRows<{ one: number }>(
      db,
      sql`select 1 as one from scrape_pages where run_id = ${run.id} and error_code = 'SCHEMA_DRIFT' limit 1`,
    );
    schemaDrift = drifted.length > 0;
  }
  return {
    lastSuccessAt,
    lastRun: run
      ? {
          id: Number(run.id),
          status: run.status,
          finishedAt: toDate(run.finished_at),
          errorCode: run.error_code,
        }
      : null,
    schemaDrift,
  };
}

/** When the newest page that stored without error was captured, through the partial index on good pages. */
export async function getLastSuccessAt(db: Db): Promise<Date | null> {
  const [success] = await selectRows<{ at: string | Date | null }>(
    db,
    sql`select captured_at as at from scrape_pages where error_code is null order by captured_at desc limit 1`,
  );
  return toDate(success?.at ?? null);
}
