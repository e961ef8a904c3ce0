import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { type AuthorRef, authoredPapers, authorKeySql } from "./author-key.ts";
import type { Filters } from "./filters.ts";
import {
  type PaperSummary,
  type PaperSummaryRow,
  selectPaperSummary,
  toPaperSummary,
} from "./paper-summary.ts";

export type AuthorPaperRow = PaperSummary & {
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
  const rows = await selectRows<PaperSummaryRow & { position: number }>(
    db,
    sql`select ${selectPaperSummary("p")},
        (select min(a.position) from paper_authors a where a.paper_id = p.id and a.author_key = x.author_key) + 1
          as position
      from (${authoredPapers(key, filters)}) x join papers p on p.id = x.paper_id
      order by p.daily_date desc, p.id collate "C"
      limit ${options.limit}`,
  );
  return rows.map((row) => ({ ...toPaperSummary(row), position: Number(row.position) }));
}
