import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { type AuthorIdentity, getSpellings, keysArray } from "./author-key.ts";
import { type Filters, papersWhere } from "./filters.ts";
import { listAuthorOrganizations } from "./list-author-organizations.ts";

export const authorSorts = ["papers", "upvotes"] as const;
export type AuthorSort = (typeof authorSorts)[number];

export type AuthorLeaderboardRow = AuthorIdentity & {
  papers: number;
  /** Sum of their papers' latest upvotes. */
  upvotes: number;
  /** Organisations named on their papers, most papers first (ties by name), at most `organizationsShown`. */
  organizations: string[];
  /** How many organisations their papers name in all. */
  organizationCount: number;
  /** YYYY-MM-DD: the daily dates of their first and last paper. */
  firstDay: string;
  lastDay: string;
};

export type AuthorLeaderboard = {
  rows: AuthorLeaderboardRow[];
  /** Authors of the papers matching the filters, in all. */
  total: number;
  page: number;
  pageSize: number;
};

/** Organisations listed per author; the count says how many more there are. */
export const organizationsShown = 3;

// Most papers (or upvotes) first; ties by the other figure, then by key in code-point order on both engines.
const orderBy = {
  papers: sql`papers desc, upvotes desc, author_key collate "C"`,
  upvotes: sql`upvotes desc, papers desc, author_key collate "C"`,
} as const;

type Row = {
  author_key: string;
  papers: number | string;
  upvotes: number | string;
  first_day: string;
  last_day: string;
  total: number | string;
};

/**
 * One page of the authors of the papers matching the filters, ranked by papers or upvotes. An author is counted
 * once per paper. The ranking aggregates the matching papers' author rows on their stored key (over all time at
 * full size, some 400,000 rows: most of a second, which the page cache then keeps per data version); the page's
 * names and organisations are then looked up by key, through its index.
 */
export async function listAuthors(
  db: Db,
  filters: Filters,
  options: { sort: AuthorSort; page: number; pageSize: number },
): Promise<AuthorLeaderboard> {
  const where = papersWhere(filters);
  const offset = (options.page - 1) * options.pageSize;
  const ranked = await selectRows<Row>(
    db,
    sql`with chosen as (
        select a.author_key, papers.id, papers.upvotes, papers.daily_date
        from paper_authors a join papers on papers.id = a.paper_id
        ${where ? sql`where ${where}` : sql``}
        group by a.author_key, papers.id
      ),
      per_author as (
        select author_key, count(*) as papers, sum(upvotes) as upvotes, min(daily_date) as first_day,
          max(daily_date) as last_day
        from chosen group by author_key
      )
      select author_key, papers, upvotes, to_char(first_day, 'YYYY-MM-DD') as first_day,
        to_char(last_day, 'YYYY-MM-DD') as last_day, count(*) over () as total
      from per_author
      order by ${orderBy[options.sort]}
      limit ${options.pageSize} offset ${offset}`,
  );
  const keys = ranked.map((row) => row.author_key);
  const [spellings, organizations] = await Promise.all([
    getSpellings(db, keys),
    listAuthorOrganizations(db, keysArray(keys), filters),
  ]);
  // Past the last page no row carries the total: ask for it alone.
  const total = ranked[0] ? Number(ranked[0].total) : offset === 0 ? 0 : await countAuthors(db, filters);
  return {
    rows: ranked.map((row) => {
      const orgs = organizations.get(row.author_key) ?? [];
      const spelling = spellings.get(row.author_key);
      return {
        kind: spelling?.kind ?? "name",
        name: spelling?.name ?? row.author_key.slice(2),
        hfUser: spelling?.hfUser ?? null,
        papers: Number(row.papers),
        upvotes: Number(row.upvotes),
        organizations: orgs.slice(0, organizationsShown).map((org) => org.name),
        organizationCount: orgs.length,
        firstDay: row.first_day,
        lastDay: row.last_day,
      };
    }),
    total,
    page: options.page,
    pageSize: options.pageSize,
  };
}

async function countAuthors(db: Db, filters: Filters): Promise<number> {
  const where = papersWhere(filters);
  const [row] = await selectRows<{ n: number | string }>(
    db,
    sql`select count(distinct a.author_key) as n from paper_authors a
      ${where ? sql`join papers on papers.id = a.paper_id where ${where}` : sql``}`,
  );
  return Number(row?.n ?? 0);
}
