import { sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import { dayRangeWhere, type Filters, isDateOnly, papersWhere } from "./filters.ts";

export type OrgCoverage = {
  /**
   * The first daily date whose papers name an organisation, as stored: Hugging Face added the field late (in
   * October 2025), so before this date no paper can match an organisation filter. Null when none names one.
   */
  namedSince: string | null;
  /** Papers matching the filters other than organisations. */
  papers: number;
  /** Of those, the papers that name no organisation. */
  unnamed: number;
};

/**
 * What an organisation view cannot show: the period before organisations were named, and how many of the papers
 * matching the other filters name none. Read from the precomputed days when only dates are filtered.
 */
export async function getOrgCoverage(db: Db, filters: Filters): Promise<OrgCoverage> {
  const others: Filters = { ...filters, orgs: [] };
  const [since] = await selectRows<{ day: string | null }>(
    db,
    sql`select to_char(min(daily_date), 'YYYY-MM-DD') as day from daily_stats where org_papers > 0`,
  );
  const counts = isDateOnly(others)
    ? sql`select coalesce(sum(papers), 0) as papers, coalesce(sum(papers - org_papers), 0) as unnamed
        from daily_stats ${wherePart(dayRangeWhere(sql`daily_date`, others))}`
    : sql`select count(*) as papers, count(*) filter (where organization_name is null) as unnamed
        from papers ${wherePart(papersWhere(others))}`;
  const [row] = await selectRows<{ papers: number | string; unnamed: number | string }>(db, counts);
  return {
    namedSince: since?.day ?? null,
    papers: Number(row?.papers ?? 0),
    unnamed: Number(row?.unnamed ?? 0),
  };
}

function wherePart(condition: ReturnType<typeof papersWhere>) {
  return condition ? sql`where ${condition}` : sql``;
}
