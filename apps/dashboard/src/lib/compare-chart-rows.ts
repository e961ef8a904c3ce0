import type { CompareSeries } from "@paperpulse/db";
import type { CompareMetric } from "./view-params";

/** One period of the compare chart: each series' value by index (`s0`, `s1`…), null where there is none. */
export type CompareChartRow = { date: string; [series: string]: number | string | null };

/**
 * The chart's rows for one metric: series keys are indices, never scraped names. A share is null in a period whose
 * base is empty (before Hugging Face named organisations), so the line breaks there instead of reading zero.
 */
export function compareChartRows(series: CompareSeries, metric: CompareMetric): CompareChartRow[] {
  const index = new Map(series.keys.map((key, i) => [key, i]));
  const rows = new Map<string, CompareChartRow>(series.periods.map((p) => [p.period, { date: p.period }]));
  for (const row of series.rows) {
    const target = rows.get(row.period);
    const i = index.get(row.key);
    if (target && i !== undefined) target[`s${i}`] = row[metric];
  }
  return [...rows.values()];
}

/** The periods with papers but no base for shares: before Hugging Face named organisations. */
export function unnamedPeriods(series: CompareSeries): string[] {
  return series.by === "org" ? series.periods.filter((p) => p.base === 0).map((p) => p.period) : [];
}
