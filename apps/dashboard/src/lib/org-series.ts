import type { OrgActivity } from "@paperpulse/db";
import type { StackRow, StackSeries } from "./chart";
import { fillPeriods, pivotSeries } from "./chart";

/**
 * The stacked chart's rows (one per period, gaps filled with zeros) and its series: the top organisations, and the
 * other organisations as one series only when asked (hundreds of small ones together dwarf the top ones).
 */
export function stackOrgActivity(
  activity: OrgActivity,
  period: "week" | "month",
  withOther = false,
): { rows: StackRow[]; series: StackSeries[] } {
  const hasOther = withOther && activity.rows.some((row) => row.org === null);
  const keys: (string | null)[] = [...activity.orgs, ...(hasOther ? [null] : [])];
  const series: StackSeries[] = keys.map((org, i) =>
    org === null ? { key: `s${i}`, label: "Other organisations", other: true } : { key: `s${i}`, label: org },
  );
  const pivoted = pivotSeries(
    activity.rows,
    (row) => row.org,
    (row) => row.period,
    (row) => row.papers,
    keys,
  );
  const empty = (date: string): StackRow =>
    Object.fromEntries([["date", date], ...keys.map((_, i) => [`s${i}`, 0])]);
  return { rows: fillPeriods(pivoted, period, empty), series };
}
