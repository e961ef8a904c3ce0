import { type SQL, sql } from "drizzle-orm";

/**
 * What a refresh recomputes: the daily dates a write touched (before and after it: a paper's day can move) and the
 * organisations it touched (a paper's organisation can change), or everything.
 */
export type AggregateScope = { days: readonly string[]; orgs: readonly string[] } | "all";

/**
 * `column = any(the scope's days)`, or true for everything. An array, not `in (subquery)`: the planner then reads
 * the days through the column's index even without statistics (PGlite runs no autovacuum, so no ANALYZE), where a
 * semi-join could scan the whole table for every page stored.
 */
export function inDays(column: SQL, scope: AggregateScope): SQL {
  if (scope === "all") return sql`true`;
  return sql`${column} = any(${daysArray(scope.days)})`;
}

/** The days as a date[] built in the database from one JSON parameter (both drivers bind it the same way). */
export function daysArray(days: readonly string[]): SQL {
  return sql`array(select value::date from jsonb_array_elements_text(${JSON.stringify(days)}::jsonb))`;
}

/** The same for text values (organisation names, paper ids). */
export function textArray(values: readonly string[]): SQL {
  return sql`array(select value from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

export function isEmpty(scope: AggregateScope): boolean {
  return scope !== "all" && scope.days.length === 0 && scope.orgs.length === 0;
}
