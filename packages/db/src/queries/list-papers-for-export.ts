import { papers } from "@paperpulse/schema";
import { and } from "drizzle-orm";
import type { Db } from "../types.ts";
import { type Filters, papersWhere } from "./filters.ts";
import {
  dateAscending,
  type PaperSort,
  paperAfter,
  paperOrderBy,
  type SortCursor,
  sortValue,
} from "./paper-sort.ts";
import { type PaperSummary, paperSummaryColumns } from "./paper-summary.ts";

export type PaperExportRow = PaperSummary & { firstSeenAt: Date; lastSeenAt: Date };

/**
 * Every paper matching the filters, in the view's order (default: daily date then id), in batches of 5,000.
 * Keyset pagination (not OFFSET) keeps each batch as cheap as the first, so an export of the whole history streams
 * in constant memory.
 */
export async function* listPapersForExport(
  db: Db,
  filters: Filters,
  options: { batchSize?: number; sort?: PaperSort } = {},
): AsyncGenerator<PaperExportRow[]> {
  const batchSize = options.batchSize ?? 5000;
  const sort = options.sort ?? dateAscending;
  const fetchBatch = (after: SortCursor | undefined) =>
    selectPapersAfter(db, filters, { sort, after, limit: batchSize });
  // The next batch is asked for before this one is handed over: the database works while the caller writes.
  let pending = fetchBatch(undefined);
  try {
    for (;;) {
      const rows = await pending;
      const last = rows.at(-1);
      const more = last !== undefined && rows.length === batchSize;
      if (more) pending = fetchBatch(cursorOf(sort, last));
      if (rows.length > 0) yield rows;
      if (!more) return;
    }
  } finally {
    // A caller that stops early leaves a batch in flight: its outcome no longer matters.
    pending.catch(() => {});
  }
}

/**
 * One page of the papers matching the filters, in the order of `sort`, strictly after `after`: the rows, and the
 * cursor of the next page (null on the last). What the read API pages through.
 */
export async function listPapersPage(
  db: Db,
  filters: Filters,
  options: { sort: PaperSort; after: SortCursor | undefined; limit: number },
): Promise<{ rows: PaperExportRow[]; next: SortCursor | null }> {
  // One row more than asked: whether there is a next page, without a count.
  const rows = await selectPapersAfter(db, filters, { ...options, limit: options.limit + 1 });
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > options.limit && last ? cursorOf(options.sort, last) : null };
}

function cursorOf(sort: PaperSort, row: PaperExportRow): SortCursor {
  return { value: sortValue(sort, row), id: row.id };
}

function selectPapersAfter(
  db: Db,
  filters: Filters,
  options: { sort: PaperSort; after: SortCursor | undefined; limit: number },
): Promise<PaperExportRow[]> {
  return db
    .select({
      ...paperSummaryColumns,
      firstSeenAt: papers.firstSeenAt,
      lastSeenAt: papers.lastSeenAt,
    })
    .from(papers)
    .where(and(papersWhere(filters), options.after ? paperAfter(options.sort, options.after) : undefined))
    .orderBy(...paperOrderBy(options.sort))
    .limit(options.limit);
}
