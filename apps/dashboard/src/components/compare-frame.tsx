import type { CompareSeries } from "@paperpulse/db";
import { formatPeriod, formatShare, formatStat, type Period } from "@/lib/chart";
import { compareChartRows, unnamedPeriods } from "@/lib/compare-chart-rows";
import { formatInteger } from "@/lib/format";
import type { CompareMetric } from "@/lib/view-params";
import { ChartFrame } from "./chart-frame";
import { CompareChart } from "./compare-chart";
import { DataTable } from "./data-table";

type Props = {
  id: string;
  series: CompareSeries;
  /** Display names by key (organisations as stored, topics by label). */
  labels: ReadonlyMap<string, string>;
  metric: CompareMetric;
  period: Period;
};

export const metricNames = { papers: "Papers", upvotes: "Upvotes", share: "Share of papers" } as const;

/** One line per organisation or topic, with the data table of exactly what is drawn. */
export function CompareFrame({ id, series, labels, metric, period }: Props) {
  const names = series.keys.map((key) => labels.get(key) ?? key);
  const rows = compareChartRows(series, metric);
  const unnamed = unnamedPeriods(series);
  const what = series.by === "org" ? "organisations" : "topics";
  const shareOf = series.by === "org" ? "the papers naming an organisation" : "all matching papers";
  const format = (value: number | null | undefined) =>
    value === null || value === undefined ? "—" : metric === "share" ? formatShare(value) : formatStat(value);
  return (
    <ChartFrame
      id={id}
      title={`${metricNames[metric]} by ${period}: ${names.join(", ")}`}
      description={`${metricNames[metric]} of each of the ${series.keys.length} ${what} per ${period}, each its own line (not summed)${metric === "share" ? `; a share is of ${shareOf} that ${period}` : ""}.${unnamed.length > 0 ? " The shaded periods come before Hugging Face named organisations on papers: no organisation has papers there." : ""}`}
      table={
        <DataTable
          caption={`${metricNames[metric]} per ${period} and ${series.by === "org" ? "organisation" : "topic"}`}
          columns={[
            { label: "Period" },
            { label: series.by === "org" ? "Papers naming an organisation" : "Papers", numeric: true },
            ...names.map((label) => ({ label, numeric: true })),
          ]}
          rowKeys={series.periods.map((p) => p.period)}
          rows={series.periods.map((p, i) => [
            formatPeriod(p.period, period),
            formatInteger(p.base),
            ...series.keys.map((_, k) => format(rows[i]?.[`s${k}`] as number | null | undefined)),
          ])}
        />
      }
    >
      <CompareChart
        id={id}
        data={rows}
        series={names.map((label, i) => ({ key: `s${i}`, label }))}
        metric={metric}
        period={period}
        unnamed={unnamed}
      />
    </ChartFrame>
  );
}
