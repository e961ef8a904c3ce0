import { papers } from "@paperpulse/schema";
import { type SQL, sql } from "drizzle-orm";
import { selectRows } from "../rows.ts";
import type { Db } from "../types.ts";
import {
  dayRangeWhere,
  type Filters,
  isDateOnly,
  papersWhere,
  shownOrganization,
  topicIn,
} from "./filters.ts";
import { bucketStart, type Granularity } from "./granularity.ts";
import { orgGroupsWhere } from "./org-group-expression.ts";

/** What is compared: the organisations of `filters.orgs`, or the topics of `filters.topics`. */
export type CompareBy = "org" | "topic";

export type ComparePeriod = {
  /** First day of the week or month, YYYY-MM-DD. */
  period: string;
  /** Papers of the period matching the other filters. */
  papers: number;
  /**
   * What a share is of: for organisations the papers naming any organisation (Hugging Face's field), for topics
   * every paper. Zero before Hugging Face named organisations: no share there.
   */
  base: number;
};

export type CompareRow = {
  period: string;
  key: string;
  papers: number;
  /** The latest upvotes of those papers, added up. */
  upvotes: number;
  /** papers / the period's base, 0..1; null when the base is 0 (nothing to be a share of). */
  share: number | null;
};

export type CompareSeries = {
  by: CompareBy;
  /** The organisations or topics compared, in the order asked. */
  keys: string[];
  /** Every period with papers matching the other filters, in order. */
  periods: ComparePeriod[];
  /** One row per period and key, zeros included: periods in order, keys in `keys` order. */
  rows: CompareRow[];
};

/**
 * One series per organisation (or per topic) over shared periods: papers, upvotes and share of the period's
 * papers, each organisation apart rather than summed. The other filters narrow the papers of every series and of
 * the base alike, so the shares are comparable.
 */
export async function getCompareSeries(
  db: Db,
  filters: Filters,
  options: { by: CompareBy; granularity: Granularity },
): Promise<CompareSeries> {
  const keys = options.by === "org" ? filters.orgs : (filters.topics ?? []);
  const others: Filters = options.by === "org" ? { ...filters, orgs: [] } : { ...filters, topics: undefined };
  const periodRows = await countPeriods(db, others, options);
  const counts = keys.length > 0 ? await countKeys(db, others, keys, options) : [];
  const byKey = new Map(counts.map((row) => [`${row.period} ${row.key}`, row]));
  const periods = periodRows.map((row) => ({
    period: row.period,
    papers: Number(row.papers),
    base: Number(row.base),
  }));
  const rows = periods.flatMap(({ period, base }) =>
    keys.map((key) => {
      const found = byKey.get(`${period} ${key}`);
      const count = Number(found?.papers ?? 0);
      return {
        period,
        key,
        papers: count,
        upvotes: Number(found?.upvotes ?? 0),
        share: base > 0 ? count / base : null,
      };
    }),
  );
  return { by: options.by, keys, periods, rows };
}

type PeriodRow = { period: string; papers: number | string; base: number | string };
type KeyRow = { period: string; key: string; papers: number | string; upvotes: number | string };

/** Papers per period and the base of shares; from the precomputed days when only dates narrow the papers. */
function countPeriods(
  db: Db,
  others: Filters,
  options: { by: CompareBy; granularity: Granularity },
): Promise<PeriodRow[]> {
  const base = options.by === "org" ? "org_papers" : "papers";
  if (isDateOnly(others)) {
    const range = dayRangeWhere(sql`daily_date`, others);
    const bucket = bucketStart(sql`daily_date`, options.granularity);
    return selectRows<PeriodRow>(
      db,
      sql`select ${bucket} as period, sum(papers) as papers, sum(${sql.raw(base)}) as base from daily_stats
          ${range ? sql`where ${range}` : sql``} group by 1 having sum(papers) > 0 order by 1`,
    );
  }
  const where = papersWhere(others);
  const bucket = bucketStart(papers.dailyDate, options.granularity);
  const named = options.by === "org" ? sql`count(${papers.organizationName})` : sql`count(*)`;
  return selectRows<PeriodRow>(
    db,
    sql`select ${bucket} as period, count(*) as papers, ${named} as base from ${papers}
        ${where ? sql`where ${where}` : sql``} group by 1 order by 1`,
  );
}

/** Papers and upvotes per period of each organisation (through its index) or each topic. */
function countKeys(
  db: Db,
  others: Filters,
  keys: readonly string[],
  options: { by: CompareBy; granularity: Granularity },
): Promise<KeyRow[]> {
  const where = papersWhere(others);
  const bucket = bucketStart(papers.dailyDate, options.granularity);
  const and = (condition: SQL | undefined) => (condition ? sql`and ${condition}` : sql``);
  if (options.by === "org") {
    // With groups, a key is a group (every one of its organisations) or an organisation in none.
    const organization = shownOrganization(others);
    const picked = others.groups
      ? (orgGroupsWhere(keys) ?? sql`false`)
      : sql`${papers.organizationName} in (${sql.join(
          keys.map((key) => sql`${key}`),
          sql`, `,
        )})`;
    return selectRows<KeyRow>(
      db,
      sql`select ${bucket} as period, ${organization} as key, count(*) as papers, sum(${papers.upvotes}) as upvotes
          from ${papers}
          where ${picked} ${and(where)}
          group by 1, 2`,
    );
  }
  return selectRows<KeyRow>(
    db,
    sql`select ${bucket} as period, pt.topic as key, count(*) as papers, sum(${papers.upvotes}) as upvotes
        from paper_topics pt join ${papers} on ${papers.id} = pt.paper_id
        where ${topicIn(sql`pt.topic`, keys)} ${and(where)}
        group by 1, 2`,
  );
}
