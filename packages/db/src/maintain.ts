import { sql } from "drizzle-orm";
import { selectRows } from "./rows.ts";
import type { Db } from "./types.ts";

// Databases opened on embedded PGlite, which runs no autovacuum: they are tidied by the application instead.
const embedded = new WeakSet<Db>();

export function markEmbedded(db: Db): void {
  embedded.add(db);
}

export function isEmbedded(db: Db): boolean {
  return embedded.has(db);
}

/** Below this many papers an embedded database is never tidied (see tidyAfterRun). */
export const TIDY_MIN_PAPERS = 1000;

/**
 * After a run has written: on PGlite, what Postgres's autovacuum does by itself. VACUUM reclaims the row versions
 * every re-capture leaves behind (an hourly refresh rewrites hundreds of papers rows; without it the tables grow
 * without bound) and ANALYZE gives the planner row counts (without them it cannot tell a 36,000-paper table from
 * an empty one). Like autovacuum, only once the papers rows written since the last time pass a tenth of the table:
 * about a second at full size, every few hours of refreshes. Never while the table is small: statistics saying
 * "one page" make the plans of foreign-key checks scan the table, and a session keeps such plans while an import
 * then fills it; a never-analysed table is planned as if it had ten pages, which picks the index. Nothing to do on
 * a Postgres server.
 */
export async function tidyAfterRun(db: Db, options: { force?: boolean } = {}): Promise<{ tidied: boolean }> {
  if (!isEmbedded(db)) return { tidied: false };
  const [state] = await selectRows<{ written: number | string; rows: number | string }>(
    db,
    sql`select written_since_tidy as written, (select count(*) from papers) as rows from data_state where id = 1`,
  );
  const written = Number(state?.written ?? 0);
  const rows = Number(state?.rows ?? 0);
  if (rows < TIDY_MIN_PAPERS || (!options.force && written < 0.1 * rows)) return { tidied: false };
  await db.execute(sql`vacuum (analyze) papers, paper_texts, paper_authors, paper_topics, paper_keywords,
    organizations, paper_snapshots, trending_entries, scrape_runs, scrape_pages, daily_stats, period_stats, topic_day_stats, org_stats,
    data_state`);
  await db.execute(
    sql`update data_state set written_since_tidy = greatest(written_since_tidy - ${written}, 0)`,
  );
  return { tidied: true };
}
