import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { dailyDateWhere, type Filters, papersWhere } from "./filters.ts";

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

/**
 * Organisations ranked over the period: papers, upvotes, median upvotes, and their share of the top 10 of the days
 * they published on. A day's ranking is over every paper of that day, whatever the other filters select.
 */
export async function listOrgLeaderboard(
  db: Db,
  filters: Filters,
  options: { limit: number; sort?: OrgLeaderboardSort },
): Promise<OrgLeaderboardRow[]> {
  const where = papersWhere(filters);
  const days = dailyDateWhere(filters);
  // The column name comes from the allowlist above, never from the request.
  const orderBy = sql.raw(orderColumns[options.sort ?? "papers"]);
  const rows = await selectRows<{
    name: string;
    fullname: string | null;
    papers: number | string;
    upvotes: number | string;
    median_upvotes: number | string;
    top10_papers: number | string;
    top10_slots: number | string;
  }>(
    db,
    sql`with ranked as (
          select papers.id,
            row_number() over (partition by papers.daily_date order by papers.upvotes desc, papers.id) as day_rank,
            count(*) over (partition by papers.daily_date) as day_papers
          from papers ${days ? sql`where ${days}` : sql``}
        ),
        chosen as (
          select papers.organization_name as org, papers.daily_date, papers.upvotes, r.day_rank, r.day_papers
          from papers join ranked r on r.id = papers.id
          where papers.organization_name is not null ${where ? sql`and ${where}` : sql``}
        ),
        per_org as (
          select org, count(*) as papers, sum(upvotes) as upvotes,
            percentile_cont(0.5) within group (order by upvotes) as median_upvotes,
            count(*) filter (where day_rank <= 10) as top10_papers
          from chosen group by org
        ),
        slots as (
          select org, sum(least(10, day_papers)) as top10_slots
          from (select distinct org, daily_date, day_papers from chosen) d group by org
        )
        select per_org.org as name, o.fullname, per_org.papers, per_org.upvotes, per_org.median_upvotes,
          per_org.top10_papers, slots.top10_slots,
          per_org.top10_papers::float8 / nullif(slots.top10_slots, 0) as top10_share
        from per_org join slots on slots.org = per_org.org
          left join organizations o on o.name = per_org.org
        order by ${orderBy} desc, per_org.org
        limit ${options.limit}`,
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
