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

export type PaperExportRow = {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  dailyDate: string;
  organization: string | null;
  upvotes: number;
  comments: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
};

/**
 * Every paper matching the filters, in the view's order (default: daily date then id), in batches. Keyset
 * pagination (not OFFSET) keeps each batch as cheap as the first, so an export of the whole history streams in
 * constant memory.
 */
export async function* listPapersForExport(
  db: Db,
  filters: Filters,
  options: { batchSize?: number; sort?: PaperSort } = {},
): AsyncGenerator<PaperExportRow[]> {
  const batchSize = options.batchSize ?? 1000;
  const sort = options.sort ?? dateAscending;
  let after: SortCursor | undefined;
  for (;;) {
    const rows: PaperExportRow[] = await db
      .select({
        id: papers.id,
        title: papers.title,
        dailyDate: papers.dailyDate,
        organization: papers.organizationName,
        upvotes: papers.upvotes,
        comments: papers.comments,
        firstSeenAt: papers.firstSeenAt,
        lastSeenAt: papers.lastSeenAt,
      })
      .from(papers)
      .where(and(papersWhere(filters), after ? paperAfter(sort, after) : undefined))
      .orderBy(...paperOrderBy(sort))
      .limit(batchSize);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = { value: sortValue(sort, last), id: last.id };
  }
}
