import { papers } from "@paperpulse/schema";
import { and, asc, sql } from "drizzle-orm";
import type { Db } from "../types.ts";
import { type Filters, papersWhere } from "./filters.ts";

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
 * Every paper matching the filters, by daily date then id, in batches. Keyset pagination (not OFFSET) keeps each
 * batch as cheap as the first, so an export of the whole history streams in constant memory.
 */
export async function* listPapersForExport(
  db: Db,
  filters: Filters,
  options: { batchSize?: number } = {},
): AsyncGenerator<PaperExportRow[]> {
  const batchSize = options.batchSize ?? 1000;
  let after: { dailyDate: string; id: string } | undefined;
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
      .where(
        and(
          papersWhere(filters),
          after
            ? sql`(${papers.dailyDate}, ${papers.id}) > (${after.dailyDate}::date, ${after.id})`
            : undefined,
        ),
      )
      .orderBy(asc(papers.dailyDate), asc(papers.id))
      .limit(batchSize);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = { dailyDate: last.dailyDate, id: last.id };
  }
}
