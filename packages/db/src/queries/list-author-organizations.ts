import { type SQL, sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { authoredPapers } from "./author-key.ts";
import type { Filters } from "./filters.ts";

export type AuthorOrganization = { name: string; papers: number };

/**
 * The organisations named on the papers (matching the filters) of each author, by stored key: most papers first,
 * ties by name in code-point order. Papers naming none are left out.
 */
export async function listAuthorOrganizations(
  db: Db,
  keys: SQL,
  filters: Filters,
): Promise<Map<string, AuthorOrganization[]>> {
  const rows = await selectRows<{ author_key: string; name: string; papers: number | string }>(
    db,
    sql`select x.author_key, p.organization_name as name, count(*) as papers
      from (${authoredPapers(keys, filters)}) x join papers p on p.id = x.paper_id
      where p.organization_name is not null
      group by x.author_key, p.organization_name
      order by x.author_key, papers desc, p.organization_name collate "C"`,
  );
  const byKey = new Map<string, AuthorOrganization[]>();
  for (const row of rows) {
    const list = byKey.get(row.author_key) ?? [];
    byKey.set(row.author_key, list);
    list.push({ name: row.name, papers: Number(row.papers) });
  }
  return byKey;
}
