import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { type AuthorRef, authoredPapers, authorKeySql } from "./author-key.ts";
import type { Filters } from "./filters.ts";

export type AuthorPaperRow = {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  dailyDate: string;
  organization: string | null;
  upvotes: number;
  comments: number;
  /** Their place in the paper's author list, 1 for the first author. */
  position: number;
};

/** An author's papers matching the filters, newest daily date first (ties by id), at most `limit`. */
export async function listAuthorPapers(
  db: Db,
  ref: AuthorRef,
  filters: Filters,
  options: { limit: number },
): Promise<AuthorPaperRow[]> {
  const key = sql`array[${authorKeySql(ref)}]`;
  const rows = await selectRows<{
    id: string;
    title: string;
    daily_date: string;
    organization: string | null;
    upvotes: number;
    comments: number;
    position: number;
  }>(
    db,
    sql`select p.id, p.title, to_char(p.daily_date, 'YYYY-MM-DD') as daily_date, p.organization_name as organization,
        p.upvotes, p.comments,
        (select min(a.position) from paper_authors a where a.paper_id = p.id and a.author_key = x.author_key) + 1
          as position
      from (${authoredPapers(key, filters)}) x join papers p on p.id = x.paper_id
      order by p.daily_date desc, p.id collate "C"
      limit ${options.limit}`,
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    dailyDate: row.daily_date,
    organization: row.organization,
    upvotes: Number(row.upvotes),
    comments: Number(row.comments),
    position: Number(row.position),
  }));
}
