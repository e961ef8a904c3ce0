import { papers } from "@paperpulse/schema";
import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { dayRangeWhere, type Filters, isDateOnly, papersWhere } from "./filters.ts";
import { type PaperSort, paperOrderBy } from "./paper-sort.ts";
import { type PaperSummary, paperSummaryColumns } from "./paper-summary.ts";

export type PaperPage = { rows: PaperSummary[]; total: number; page: number; pageSize: number };

/**
 * One page (1-based) of the papers matching the filters in the given order, and how many match in all, without
 * reading the matches twice: with no filter but dates the count adds up the precomputed days and the page's ids
 * are found in index order before its rows are read; otherwise one query returns the page and the count.
 */
export async function listPapers(
  db: Db,
  filters: Filters,
  options: { sort: PaperSort; page: number; pageSize: number },
): Promise<PaperPage> {
  const where = papersWhere(filters);
  const offset = (options.page - 1) * options.pageSize;
  const order = paperOrderBy(options.sort);
  const page = { page: options.page, pageSize: options.pageSize };
  if (isDateOnly(filters)) {
    const range = dayRangeWhere(sql`daily_date`, filters);
    const [rows, [count]] = await Promise.all([
      db
        .select(paperSummaryColumns)
        .from(papers)
        .where(
          sql`${papers.id} in (select ${papers.id} from ${papers} ${where ? sql`where ${where}` : sql``}
            order by ${sql.join(order, sql`, `)} limit ${options.pageSize} offset ${offset})`,
        )
        .orderBy(...order),
      selectRows<{ total: number | string }>(
        db,
        sql`select coalesce(sum(papers), 0) as total from daily_stats ${range ? sql`where ${range}` : sql``}`,
      ),
    ]);
    return { rows, total: Number(count?.total ?? 0), ...page };
  }
  const rows = await db
    .select({ ...paperSummaryColumns, total: sql`count(*) over ()`.mapWith(Number) })
    .from(papers)
    .where(where)
    .orderBy(...order)
    .limit(options.pageSize)
    .offset(offset);
  // Past the last page no row carries the count: ask for it alone.
  const total =
    rows[0]?.total ??
    (offset === 0
      ? 0
      : ((
          await db
            .select({ n: sql`count(*)`.mapWith(Number) })
            .from(papers)
            .where(where)
        )[0]?.n ?? 0));
  return { rows: rows.map(({ total: _total, ...row }) => row), total, ...page };
}
