import { papers } from "@paperpulse/schema";
import { type SQL, sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { dayRangeWhere, type Filters, isDateOnly, papersWhere, shownOrganization } from "./filters.ts";
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
 *
 * Only the top organisations' papers are read (through the organisation index); with no filter but dates the
 * "other" series is the precomputed count of papers naming an organisation per day, less theirs, and over all time
 * the top organisations come from their precomputed rows.
 */
export async function getOrgActivity(
  db: Db,
  filters: Filters,
  options: { granularity: Exclude<Granularity, "day">; top: number },
): Promise<OrgActivity> {
  const where = papersWhere(filters);
  const dateOnly = isDateOnly(filters);
  const organization = shownOrganization(filters);
  const orgs = await topOrganizations(db, filters, where, options.top);
  const bucket = bucketStart(papers.dailyDate, options.granularity);
  const rows: OrgActivityRow[] = [];
  if (orgs.length > 0) {
    const counts = await selectRows<{ period: string; org: string; papers: number | string }>(
      db,
      sql`select ${bucket} as period, ${organization} as org, count(*) as papers from ${papers}
          where ${organization} in (${sql.join(
            orgs.map((org) => sql`${org}`),
            sql`, `,
          )}) ${where ? sql`and ${where}` : sql``}
          group by 1, 2`,
    );
    rows.push(...counts.map((row) => ({ period: row.period, org: row.org, papers: Number(row.papers) })));
  }
  const others = dateOnly
    ? await attributedPerPeriodFromDays(db, filters, options.granularity)
    : await selectRows<{ period: string; papers: number | string }>(
        db,
        sql`select ${bucket} as period, count(*) as papers from ${papers}
            where ${papers.organizationName} is not null ${where ? sql`and ${where}` : sql``} group by 1`,
      );
  const topPerPeriod = new Map<string, number>();
  for (const row of rows) topPerPeriod.set(row.period, (topPerPeriod.get(row.period) ?? 0) + row.papers);
  for (const row of others) {
    const rest = Number(row.papers) - (topPerPeriod.get(row.period) ?? 0);
    if (rest > 0) rows.push({ period: row.period, org: null, papers: rest });
  }
  const position = new Map(orgs.map((org, index) => [org, index]));
  const order = (org: string | null) => (org === null ? orgs.length : (position.get(org) ?? orgs.length));
  return {
    orgs,
    rows: rows.sort((a, b) =>
      a.period < b.period ? -1 : a.period > b.period ? 1 : order(a.org) - order(b.org),
    ),
  };
}

async function topOrganizations(
  db: Db,
  filters: Filters,
  where: SQL | undefined,
  top: number,
): Promise<string[]> {
  if (isDateOnly(filters) && !filters.from && !filters.to && !filters.groups) {
    const rows = await selectRows<{ name: string }>(
      db,
      sql`select name from org_stats order by papers desc, name limit ${top}`,
    );
    return rows.map((row) => row.name);
  }
  const rows = await selectRows<{ org: string }>(
    db,
    sql`select ${shownOrganization(filters)} as org from ${papers}
        where ${papers.organizationName} is not null ${where ? sql`and ${where}` : sql``}
        group by 1 order by count(*) desc, 1 limit ${top}`,
  );
  return rows.map((row) => row.org);
}

/** Papers naming an organisation per period, from the precomputed days. */
function attributedPerPeriodFromDays(
  db: Db,
  filters: Filters,
  granularity: Exclude<Granularity, "day">,
): Promise<{ period: string; papers: number | string }[]> {
  const range = dayRangeWhere(sql`daily_date`, filters);
  return selectRows(
    db,
    sql`select ${bucketStart(sql`daily_date`, granularity)} as period, sum(org_papers) as papers from daily_stats
        where org_papers > 0 ${range ? sql`and ${range}` : sql``} group by 1`,
  );
}
