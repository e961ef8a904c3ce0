import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { type AuthorRef, authoredPapers, authorKeySql } from "./author-key.ts";
import type { Filters } from "./filters.ts";
import { type AuthorOrganization, listAuthorOrganizations } from "./list-author-organizations.ts";

export type AuthorMonth = {
  /** First day of the month, YYYY-MM-DD. */
  month: string;
  papers: number;
  /** Sum of the month's papers' latest upvotes. */
  upvotes: number;
};

export type AuthorActivity = {
  /** Their papers matching the filters, each once. */
  papers: number;
  upvotes: number;
  /** Months with at least one of those papers, oldest first. */
  months: AuthorMonth[];
  /** Organisations named on those papers, most papers first. */
  organizations: AuthorOrganization[];
};

/** An author's papers matching the filters, per month of their daily dates, and the organisations they name. */
export async function getAuthorActivity(db: Db, ref: AuthorRef, filters: Filters): Promise<AuthorActivity> {
  const key = sql`array[${authorKeySql(ref)}]`;
  const [months, organizations] = await Promise.all([
    selectRows<{ month: string; papers: number | string; upvotes: number | string }>(
      db,
      sql`select to_char(date_trunc('month', p.daily_date::timestamp), 'YYYY-MM-DD') as month,
          count(*) as papers, sum(p.upvotes) as upvotes
        from (${authoredPapers(key, filters)}) x join papers p on p.id = x.paper_id
        group by 1 order by 1`,
    ),
    listAuthorOrganizations(db, key, filters),
  ]);
  const points = months.map((row) => ({
    month: row.month,
    papers: Number(row.papers),
    upvotes: Number(row.upvotes),
  }));
  return {
    papers: points.reduce((sum, point) => sum + point.papers, 0),
    upvotes: points.reduce((sum, point) => sum + point.upvotes, 0),
    months: points,
    organizations: [...organizations.values()][0] ?? [],
  };
}
