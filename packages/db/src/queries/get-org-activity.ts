import { papers } from "@paperpulse/schema";
import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { type Filters, papersWhere } from "./filters.ts";
import type { Granularity } from "./granularity.ts";
import { bucketStart } from "./granularity.ts";

export type OrgActivityRow = {
  /** First day of the week or month, YYYY-MM-DD. */
  period: string;
  /** One of the top organisations, or null for the papers of every other organisation. */
  org: string | null;
  papers: number;
};

export type OrgActivity = {
  /** The top organisations by papers matching the filters, most first (ties by name). */
  orgs: string[];
  /** Papers per period and organisation, periods in order, the top organisations in `orgs` order, then null. */
  rows: OrgActivityRow[];
};

/**
 * Papers per week or month for the `top` organisations with the most matching papers, the other organisations' as
 * one "other" series (null), for a stacked chart. Papers without an organisation are left out: Hugging Face only
 * names organisations from 2025-10 on, and a bar of unattributed papers would dwarf everything else.
 */
export async function getOrgActivity(
  db: Db,
  filters: Filters,
  options: { granularity: Exclude<Granularity, "day">; top: number },
): Promise<OrgActivity> {
  const where = papersWhere(filters);
  const ranked = await db
    .select({ org: papers.organizationName, n: sql`count(*)`.mapWith(Number) })
    .from(papers)
    .where(sql`${papers.organizationName} is not null${where ? sql` and ${where}` : sql``}`)
    .groupBy(papers.organizationName)
    .orderBy(sql`count(*) desc`, papers.organizationName)
    .limit(options.top);
  const orgs = ranked.map((r) => r.org).filter((org): org is string => org !== null);
  const bucket = bucketStart(papers.dailyDate, options.granularity);
  const series =
    orgs.length > 0
      ? sql`case when ${papers.organizationName} in (${sql.join(
          orgs.map((org) => sql`${org}`),
          sql`, `,
        )}) then ${papers.organizationName} end`
      : sql`null::text`;
  const rows = await selectRows<{ period: string; org: string | null; papers: number | string }>(
    db,
    sql`select ${bucket} as period, ${series} as org, count(*) as papers
        from ${papers} where ${papers.organizationName} is not null ${where ? sql`and ${where}` : sql``}
        group by 1, 2 order by 1`,
  );
  const position = new Map(orgs.map((org, index) => [org, index]));
  const order = (org: string | null) => (org === null ? orgs.length : (position.get(org) ?? orgs.length));
  return {
    orgs,
    rows: rows
      .map((row) => ({ period: row.period, org: row.org, papers: Number(row.papers) }))
      .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : order(a.org) - order(b.org))),
  };
}
