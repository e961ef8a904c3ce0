import { sql } from "drizzle-orm";

/**
 * The SET expression of an upsert that merges captures arriving in any order: the newest capture's value unless it
 * is null; an older capture only fills a gap. The table's last_seen_at is the newest capture merged so far.
 */
export function newestNonNull(table: "papers" | "organizations", column: string) {
  const current = sql`${sql.identifier(table)}.${sql.identifier(column)}`;
  const incoming = sql`excluded.${sql.identifier(column)}`;
  return sql`case when excluded.last_seen_at >= ${sql.identifier(table)}.last_seen_at
    then coalesce(${incoming}, ${current}) else coalesce(${current}, ${incoming}) end`;
}
