import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { type AuthorRef, authorKeySql, getSpellings, type Spelling } from "./author-key.ts";

export type AuthorDetail = Spelling & {
  /** The stored key (`u:user` or `n:name`, lower-cased). */
  key: string;
  /** Over all time, each paper once. */
  papers: number;
  upvotes: number;
  /** YYYY-MM-DD of their first and last daily dates. */
  firstDay: string;
  lastDay: string;
};

/** One author with their totals over all time, or null when no paper lists them. */
export async function getAuthor(db: Db, ref: AuthorRef): Promise<AuthorDetail | null> {
  const [row] = await selectRows<{
    author_key: string;
    papers: number | string;
    upvotes: number | string;
    first_day: string;
    last_day: string;
  }>(
    db,
    sql`select x.author_key, count(*) as papers, sum(p.upvotes) as upvotes,
        to_char(min(p.daily_date), 'YYYY-MM-DD') as first_day, to_char(max(p.daily_date), 'YYYY-MM-DD') as last_day
      from (select distinct author_key, paper_id from paper_authors where author_key = ${authorKeySql(ref)}) x
        join papers p on p.id = x.paper_id
      group by x.author_key`,
  );
  if (!row) return null;
  const spelling = (await getSpellings(db, [row.author_key])).get(row.author_key);
  if (!spelling) return null;
  return {
    ...spelling,
    key: row.author_key,
    papers: Number(row.papers),
    upvotes: Number(row.upvotes),
    firstDay: row.first_day,
    lastDay: row.last_day,
  };
}
