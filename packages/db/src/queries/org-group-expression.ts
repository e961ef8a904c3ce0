import { papers } from "@paperpulse/schema";
import { type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * The group of an organisation name (any case), else the name itself; null stays null. Use it where a view shows
 * groups instead of Hugging Face's names: in the select list, GROUP BY, ORDER BY, over papers or org_stats. The
 * members are read once per query into one lookup object (an InitPlan), so each row costs a lower() and a key
 * lookup: a lookup subquery per row cost 40 times the query's time over 36,000 papers, and a join would have to be
 * added to every query that uses it.
 */
export function orgGroupExpression(column: PgColumn | SQL = papers.organizationName): SQL<string | null> {
  return sql<string | null>`coalesce(${orgGroupOf(column)}, ${column})`;
}

/** The group of an organisation name (any case), null for a name in no group: the lookup orgGroupExpression uses. */
export function orgGroupOf(column: PgColumn | SQL = papers.organizationName): SQL<string | null> {
  return sql<
    string | null
  >`((select jsonb_object_agg(lower(org_name), group_name) from org_group_members) ->> lower(${column}))`;
}

/**
 * Rows whose organisation is one of `names` as `orgGroupExpression` shows them: a group's name matches every one
 * of its organisations, any other name the organisation of that name (a name in a group included, so a link to
 * one organisation keeps working), whatever the case. Undefined when `names` is empty (no filter), like
 * `papersWhere`. The column is compared to stored organisation names as they are, so the organisation index serves.
 */
export function orgGroupsWhere(
  names: readonly string[],
  column: PgColumn | SQL = papers.organizationName,
): SQL | undefined {
  if (names.length === 0) return undefined;
  const keys = sql.join(
    names.map((name) => sql`lower(${name})`),
    sql`, `,
  );
  return sql`${column} in (
    select o.name from organizations o where lower(o.name) in (${keys})
    union
    select o.name from org_group_members m join organizations o on lower(o.name) = lower(m.org_name)
    where lower(m.group_name) in (${keys}))`;
}
