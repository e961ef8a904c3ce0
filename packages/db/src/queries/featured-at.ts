import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/**
 * When a paper was featured: the start of its daily date, UTC (Hugging Face's daily dates are UTC days). Hours
 * "since featured" count from here, so papers of one day share an origin whenever each was first captured.
 */
export function featuredAt(dailyDate: AnyColumn | SQL): SQL {
  return sql`(${dailyDate}::timestamp at time zone 'UTC')`;
}
