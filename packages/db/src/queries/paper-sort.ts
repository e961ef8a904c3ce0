import { papers } from "@paperpulse/schema";
import { asc, desc, type SQL, sql } from "drizzle-orm";

export const paperSortKeys = ["upvotes", "comments", "date", "title"] as const;
export type PaperSortKey = (typeof paperSortKeys)[number];
export type PaperSort = { key: PaperSortKey; dir: "asc" | "desc" };

/** The export's historical order, and the order of a plain listing: oldest daily date first. */
export const dateAscending: PaperSort = { key: "date", dir: "asc" };

// The only columns a sort can name: the URL picks a key from this allowlist, never a column name.
const sortColumns = {
  upvotes: papers.upvotes,
  comments: papers.comments,
  date: papers.dailyDate,
  title: papers.title,
} as const;

/** A row's value of the sort key, as the keyset of the next batch needs it. */
export type SortCursor = { value: string | number; id: string };

/** ORDER BY for a sort: the key in its direction, then the id ascending so that the order is total. */
export function paperOrderBy(sort: PaperSort): SQL[] {
  const column = sortColumns[sort.key];
  return [sort.dir === "asc" ? asc(column) : desc(column), asc(papers.id)];
}

/**
 * Rows strictly after `cursor` in the order of `sort` (every sort column is NOT NULL). The inclusive bound in front
 * repeats what the rest implies, so that an index on the column starts at the cursor instead of at the beginning.
 */
export function paperAfter(sort: PaperSort, cursor: SortCursor): SQL {
  const column = sortColumns[sort.key];
  const value = sort.key === "date" ? sql`${cursor.value}::date` : sql`${cursor.value}`;
  const [from, beyond] =
    sort.dir === "asc"
      ? [sql`${column} >= ${value}`, sql`${column} > ${value}`]
      : [sql`${column} <= ${value}`, sql`${column} < ${value}`];
  return sql`(${from} and (${beyond} or ${papers.id} > ${cursor.id}))`;
}

export function sortValue(
  sort: PaperSort,
  row: { upvotes: number; comments: number; dailyDate: string; title: string },
) {
  return { upvotes: row.upvotes, comments: row.comments, date: row.dailyDate, title: row.title }[sort.key];
}
