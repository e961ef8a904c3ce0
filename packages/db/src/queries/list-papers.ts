import { papers } from "@paperpulse/schema";
import { sql } from "drizzle-orm";
import type { Db } from "../types.ts";
import { type Filters, papersWhere } from "./filters.ts";
import { type PaperSort, paperOrderBy } from "./paper-sort.ts";

export type PaperListRow = {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  dailyDate: string;
  organization: string | null;
  upvotes: number;
  comments: number;
};

export type PaperPage = { rows: PaperListRow[]; total: number; page: number; pageSize: number };

/** One page (1-based) of the papers matching the filters in the given order, and how many match in all. */
export async function listPapers(
  db: Db,
  filters: Filters,
  options: { sort: PaperSort; page: number; pageSize: number },
): Promise<PaperPage> {
  const where = papersWhere(filters);
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: papers.id,
        title: papers.title,
        dailyDate: papers.dailyDate,
        organization: papers.organizationName,
        upvotes: papers.upvotes,
        comments: papers.comments,
      })
      .from(papers)
      .where(where)
      .orderBy(...paperOrderBy(options.sort))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db
      .select({ total: sql`count(*)`.mapWith(Number) })
      .from(papers)
      .where(where),
  ]);
  return { rows, total: count?.total ?? 0, page: options.page, pageSize: options.pageSize };
}
