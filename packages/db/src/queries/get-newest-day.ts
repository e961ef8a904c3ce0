import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";

/** The newest daily date of any paper (YYYY-MM-DD), through the day index; null on an empty database. */
export async function getNewestDay(db: Db): Promise<string | null> {
  const [row] = await selectRows<{ day: string | null }>(
    db,
    sql`select to_char(max(daily_date), 'YYYY-MM-DD') as day from papers`,
  );
  return row?.day ?? null;
}
