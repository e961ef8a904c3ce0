import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import {
  type AuthorIdentity,
  type AuthorRef,
  authoredPapers,
  authorKeySql,
  getSpellings,
} from "./author-key.ts";
import type { Filters } from "./filters.ts";

export type Coauthor = AuthorIdentity & {
  /** Papers (matching the filters) they share with the author. */
  papers: number;
};

/** The authors sharing the most papers (matching the filters) with an author; ties by key in code-point order. */
export async function listCoauthors(
  db: Db,
  ref: AuthorRef,
  filters: Filters,
  options: { limit: number },
): Promise<Coauthor[]> {
  const key = authorKeySql(ref);
  const rows = await selectRows<{ author_key: string; papers: number | string }>(
    db,
    sql`select a.author_key, count(distinct a.paper_id) as papers
      from (${authoredPapers(sql`array[${key}]`, filters)}) mine
        join paper_authors a on a.paper_id = mine.paper_id
      where a.author_key <> ${key}
      group by a.author_key
      order by papers desc, a.author_key collate "C"
      limit ${options.limit}`,
  );
  const spellings = await getSpellings(
    db,
    rows.map((row) => row.author_key),
  );
  return rows.flatMap((row) => {
    const spelling = spellings.get(row.author_key);
    return spelling
      ? [{ kind: spelling.kind, name: spelling.name, hfUser: spelling.hfUser, papers: Number(row.papers) }]
      : [];
  });
}
