import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";

export type DataSpan = { first: string | null; last: string | null };

/** The first and last daily dates that hold papers (YYYY-MM-DD), from the precomputed days. */
export async function getDataSpan(db: Db): Promise<DataSpan> {
  const [row] = await selectRows<{ first: string | null; last: string | null }>(
    db,
    sql`select to_char(min(daily_date), 'YYYY-MM-DD') as first, to_char(max(daily_date), 'YYYY-MM-DD') as last
        from daily_stats`,
  );
  return { first: row?.first ?? null, last: row?.last ?? null };
}
