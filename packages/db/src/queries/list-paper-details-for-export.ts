import { sql } from "drizzle-orm";
import { textArray } from "../aggregates/scope.ts";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import type { Filters } from "./filters.ts";
import { listPapersForExport, type PaperExportRow } from "./list-papers-for-export.ts";
import { orgGroupOf } from "./org-group-expression.ts";
import type { PaperSort } from "./paper-sort.ts";

/** A paper as the papers exports write it: its row, and what it has in lists and other tables. */
export type PaperDetailRow = PaperExportRow & {
  /** True when daily_date came from submittedOnDailyAt, false when it is the listing's date. */
  dailyDateExact: boolean;
  /** The group of its organisation, null when it names none or one in no group. */
  organizationGroup: string | null;
  githubRepo: string | null;
  githubStars: number | null;
  /** Author names in listing order, and each one's Hugging Face account (null when the listing names none). */
  authors: string[];
  authorUsers: (string | null)[];
  /** Normalised keywords, as stored. */
  keywords: string[];
  /** Topic slugs, in the taxonomy's order. */
  topics: string[];
  /** Its place in the listing at its latest capture that recorded one; null when none did. */
  rank: number | null;
};

type DetailsRow = {
  id: string;
  daily_date_exact: boolean;
  organization_group: string | null;
  github_repo: string | null;
  github_stars: number | null;
  authors: string[] | null;
  author_users: string[] | null;
  keywords: string[] | null;
  topics: string[] | null;
  rank: number | null;
};

/**
 * listPapersForExport's batches, each with its papers' details: one query per batch that looks every list up
 * through its index (authors, topics and the latest ranked snapshot per paper), never a query per paper. The
 * details of the next batch are asked for while the caller writes this one.
 */
export async function* listPaperDetailsForExport(
  db: Db,
  filters: Filters,
  options: { batchSize?: number; sort?: PaperSort } = {},
): AsyncGenerator<PaperDetailRow[]> {
  const batches = listPapersForExport(db, filters, options);
  const detailed = async (next: IteratorResult<PaperExportRow[]>) =>
    next.done ? null : withDetails(db, next.value);
  let pending = batches.next().then(detailed);
  try {
    for (;;) {
      const rows = await pending;
      if (!rows) return;
      pending = batches.next().then(detailed);
      yield rows;
    }
  } finally {
    // A caller that stops early leaves a batch in flight: its outcome no longer matters.
    pending.catch(() => {});
    await batches.return(undefined);
  }
}

async function withDetails(db: Db, rows: PaperExportRow[]): Promise<PaperDetailRow[]> {
  const found = await selectRows<DetailsRow>(
    db,
    sql`select p.id, p.daily_date_exact, ${orgGroupOf(sql`p.organization_name`)} as organization_group,
        p.github_repo, p.github_stars, a.names as authors, a.users as author_users, k.keywords,
        (select array_agg(t.topic order by c.position nulls last, t.topic)
           from paper_topics t left join topics c on c.slug = t.topic where t.paper_id = p.id) as topics,
        (select s.rank from paper_snapshots s
          where s.paper_id = p.id and s.rank is not null order by s.captured_at desc limit 1) as rank
      from papers p
      left join lateral (
        -- A null item would come back from postgres.js as the text "NULL": unknown accounts travel as ''.
        select array_agg(name order by position) as names,
               array_agg(coalesce(hf_user, '') order by position) as users
          from paper_authors where paper_id = p.id
      ) a on true
      left join paper_keywords k on k.paper_id = p.id
      where p.id = any(${textArray(rows.map((row) => row.id))})`,
  );
  const byId = new Map(found.map((row) => [row.id, row]));
  return rows.map((row) => {
    const details = byId.get(row.id);
    return {
      ...row,
      dailyDateExact: details?.daily_date_exact ?? false,
      organizationGroup: details?.organization_group ?? null,
      githubRepo: details?.github_repo ?? null,
      githubStars: details?.github_stars ?? null,
      authors: details?.authors ?? [],
      authorUsers: (details?.author_users ?? []).map((user) => user || null),
      keywords: details?.keywords ?? [],
      topics: details?.topics ?? [],
      rank: details?.rank ?? null,
    };
  });
}
