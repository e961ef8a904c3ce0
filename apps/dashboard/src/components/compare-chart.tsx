"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
} from "recharts";
import { formatPeriod, formatShare, formatStat, type Period, seriesColor } from "@/lib/chart";
import type { CompareChartRow } from "@/lib/compare-chart-rows";
import type { CompareMetric } from "@/lib/view-params";
import { periodXAxis, valueYAxis } from "./chart-axes";

type Props = {
  /** The chart's name in the page (`data-chart`), for tests and styles. */
  id: string;
  data: CompareChartRow[];
  /** The lines: `key` is the row field (`s0`, `s1`…), never a scraped name. */
  series: { key: string; label: string }[];
  metric: CompareMetric;
  period: Period;
  /** Periods before Hugging Face named organisations, shaded: no organisation can have papers there. */
  unnamed: string[];
};

const axisNames: Record<CompareMetric, string> = {
  papers: "Papers",
  upvotes: "Upvotes",
  share: "Share of papers",
};

/** One line per organisation or topic on shared axes: side by side, never summed. */
export function CompareChart({ id, data, series, metric, period, unnamed }: Props) {
  const format = metric === "share" ? formatShare : formatStat;
  return (
    <div className="chart" data-chart={id}>
      <ResponsiveContainer width="100%" height={360}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid vertical={false} />
          {periodXAxis(
            data.map((d) => d.date),
            period,
          )}
          {valueYAxis({
            label: axisNames[metric],
            ...(metric === "share" ? { format: formatShare } : {}),
            integers: metric !== "share",
          })}
          {unnamed.length > 0 ? (
            <ReferenceArea
              x1={unnamed[0]}
              x2={unnamed.at(-1)}
              className="org-unnamed"
              fill="var(--muted-fill, currentColor)"
              fillOpacity={0.08}
              label={{
                value: "no organisations named yet",
                position: "insideTop",
                className: "org-unnamed-label",
              }}
            />
          ) : null}
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(date) => formatPeriod(String(date), period)}
            formatter={(value, name) => [value === null ? "—" : format(Number(value)), String(name)]}
            itemSorter={(item) => -Number(item.value ?? 0)}
          />
          <Legend verticalAlign="top" height={48} itemSorter={null} />
          {series.map((line, i) => (
            <Line
              key={line.key}
              dataKey={line.key}
              name={line.label}
              stroke={seriesColor(i)}
              strokeWidth={2}
              dot={data.length <= 2}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
