import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { type Filters, isDateOnly, papersWhere, shownOrganization } from "./filters.ts";

export type OrgLeaderboardRow = {
  name: string;
  fullname: string | null;
  papers: number;
  /** Sum of its papers' latest upvotes. */
  upvotes: number;
  /** Median of its papers' latest upvotes (continuous). */
  medianUpvotes: number;
  /** Its papers that ranked in the top 10 of their daily date by upvotes (ties broken by id). */
  top10Papers: number;
  /** top10Papers over the top-10 places of the days it published on (10, or fewer on a day with fewer papers). */
  top10Share: number;
};

export const orgLeaderboardSorts = ["papers", "upvotes", "median", "top10"] as const;
export type OrgLeaderboardSort = (typeof orgLeaderboardSorts)[number];

const orderColumns: Record<OrgLeaderboardSort, string> = {
  papers: "papers",
  upvotes: "upvotes",
  median: "median_upvotes",
  top10: "top10_share",
};

type Row = {
  name: string;
  fullname: string | null;
  papers: number | string;
  upvotes: number | string;
  median_upvotes: number | string;
  top10_papers: number | string;
  top10_slots: number | string;
};

/**
 * Organisations ranked over the period: papers, upvotes, median upvotes, and their share of the top 10 of the days
 * they published on. A day's ranking is over every paper of that day, whatever the other filters select: each
 * paper's rank in its day and each day's paper count are kept by the store. Over all time and every paper, the
 * organisations' precomputed rows are read as they are.
 */
export async function listOrgLeaderboard(
  db: Db,
  filters: Filters,
  options: { limit: number; sort?: OrgLeaderboardSort },
): Promise<OrgLeaderboardRow[]> {
  // The column name comes from the allowlist above, never from the request.
  const orderBy = sql.raw(orderColumns[options.sort ?? "papers"]);
  // Groups are not precomputed: they change with `pnpm scrape orgs`, and are added up from the papers.
  const allTime = isDateOnly(filters) && !filters.from && !filters.to && !filters.groups;
  const rows = await selectRows<Row>(
    db,
    allTime
      ? sql`select s.name, o.fullname, s.papers, s.upvotes, s.median as median_upvotes, s.top10_papers,
              s.top10_slots, s.top10_papers::float8 / nullif(s.top10_slots, 0) as top10_share
            from org_stats s left join organizations o on o.name = s.name
            order by ${orderBy} desc, s.name limit ${options.limit}`
      : aggregated(papersWhere(filters), orderBy, options.limit, shownOrganization(filters)),
  );
  return rows.map((row) => {
    const slots = Number(row.top10_slots);
    const top10Papers = Number(row.top10_papers);
    return {
      name: row.name,
      fullname: row.fullname,
      papers: Number(row.papers),
      upvotes: Number(row.upvotes),
      medianUpvotes: Number(row.median_upvotes),
      top10Papers,
      top10Share: slots > 0 ? top10Papers / slots : 0,
    };
  });
}

function aggregated(
  where: ReturnType<typeof papersWhere>,
  orderBy: ReturnType<typeof sql.raw>,
  limit: number,
  organization: ReturnType<typeof shownOrganization>,
) {
  return sql`with chosen as (
      select ${organization} as org, papers.daily_date, papers.upvotes, papers.day_rank
      from papers where papers.organization_name is not null ${where ? sql`and ${where}` : sql``}
    ),
    per_org as (
      select org, count(*) as papers, sum(upvotes) as upvotes,
        percentile_cont(0.5) within group (order by upvotes) as median_upvotes,
        count(*) filter (where day_rank <= 10) as top10_papers
      from chosen group by org
    ),
    slots as (
      select d.org, sum(least(10, s.papers)) as top10_slots
      from (select distinct org, daily_date from chosen) d join daily_stats s on s.daily_date = d.daily_date
      group by d.org
    )
    select per_org.org as name, o.fullname, per_org.papers, per_org.upvotes, per_org.median_upvotes,
      per_org.top10_papers, slots.top10_slots,
      per_org.top10_papers::float8 / nullif(slots.top10_slots, 0) as top10_share
    from per_org join slots on slots.org = per_org.org
      left join organizations o on o.name = per_org.org
    order by ${orderBy} desc, per_org.org
    limit ${limit}`;
}
