import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

export const granularities = ["day", "week", "month"] as const;
/** How a time series is bucketed: by daily date, ISO week (starting Monday) or calendar month. */
export type Granularity = (typeof granularities)[number];

/**
 * The first day of a date column's bucket, as YYYY-MM-DD text. The date is cast to `timestamp` (without time
 * zone) first: `date_trunc` on a bare date would go through `timestamptz` and depend on the session's time zone.
 */
export function bucketStart(column: PgColumn | SQL, granularity: Granularity): SQL<string> {
  if (granularity === "day") return sql<string>`to_char(${column}, 'YYYY-MM-DD')`;
  const unit = granularity === "week" ? sql.raw("'week'") : sql.raw("'month'");
  return sql<string>`to_char(date_trunc(${unit}, ${column}::timestamp), 'YYYY-MM-DD')`;
}
