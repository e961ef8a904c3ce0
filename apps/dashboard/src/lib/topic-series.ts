import type { TopicShares } from "@paperpulse/db";
import type { StackRow, StackSeries } from "./chart";
import { fillPeriods, pivotSeries } from "./chart";

/**
 * The chart's rows (one per period, shares by series index) and series: the `top` topics with the most papers
 * over the range, in taxonomy order. Periods without papers are filled with zero shares.
 */
export function topicShareSeries(
  shares: TopicShares,
  labels: Map<string, string>,
  period: "week" | "month",
  top: number,
): { rows: StackRow[]; series: StackSeries[]; totals: Map<string, number> } {
  const totals = new Map<string, number>();
  for (const row of shares.rows) totals.set(row.topic, (totals.get(row.topic) ?? 0) + row.papers);
  const chosen = new Set(
    [...shares.topics]
      .sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || (a < b ? -1 : 1))
      .slice(0, top),
  );
  const keys = shares.topics.filter((topic) => chosen.has(topic));
  const series = keys.map((topic, i) => ({ key: `s${i}`, label: labels.get(topic) ?? topic }));
  const pivoted = pivotSeries(
    shares.rows,
    (row) => row.topic,
    (row) => row.period,
    (row) => row.share,
    keys,
  );
  const empty = (date: string): StackRow =>
    Object.fromEntries([["date", date], ...keys.map((_, i) => [`s${i}`, 0])]);
  return { rows: fillPeriods(pivoted, period, empty), series, totals };
}
