"use client";

import type { UpvotePoint } from "@paperpulse/db";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
} from "recharts";
import { formatPeriod, formatStat, type Period } from "@/lib/chart";
import { formatInteger } from "@/lib/format";
import { holdsRisingDay } from "@/lib/still-rising";
import { periodXAxis, valueYAxis } from "./chart-axes";

/** A period of the chart; median and p90 are null for a period without papers (a gap, not a zero). */
export type UpvoteChartPoint = Omit<UpvotePoint, "median" | "p90"> & {
  median: number | null;
  p90: number | null;
};

type Props = {
  data: UpvoteChartPoint[];
  period: Period;
  /** The first daily date whose upvotes are still rising: the periods holding such days are shaded. */
  risingFrom?: string | null | undefined;
};

/** Total upvotes per period as bars (left axis), the median and 90th percentile per paper as lines (right axis). */
export function UpvotesChart({ data, period, risingFrom }: Props) {
  const rising = risingFrom ? data.filter((d) => holdsRisingDay(d.date, period, risingFrom)) : [];
  return (
    <div className="chart" data-chart="upvotes">
      <ResponsiveContainer width="100%" height={320}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }} barCategoryGap="15%">
          <CartesianGrid vertical={false} />
          {periodXAxis(
            data.map((d) => d.date),
            period,
          )}
          {valueYAxis({ label: "Total upvotes", id: "total" })}
          {valueYAxis({ label: "Upvotes per paper", id: "paper", side: "right" })}
          <Tooltip
            cursor={{ className: "chart-cursor" }}
            content={<PeriodTooltip period={period} />}
            isAnimationActive={false}
          />
          <Legend verticalAlign="top" height={28} itemSorter={null} />
          {rising.length > 0 ? (
            <ReferenceArea
              yAxisId="total"
              x1={rising[0]?.date}
              x2={rising.at(-1)?.date}
              className="still-rising"
              fill="var(--muted-fill, currentColor)"
              fillOpacity={0.08}
              label={{ value: "still rising", position: "insideTopRight", className: "still-rising-label" }}
              ifOverflow="extendDomain"
            />
          ) : null}
          <Bar
            yAxisId="total"
            dataKey="upvotes"
            name="Total upvotes"
            fill="var(--series-0)"
            isAnimationActive={false}
            radius={[2, 2, 0, 0]}
          />
          <Line
            yAxisId="paper"
            dataKey="median"
            name="Median per paper"
            stroke="var(--series-1)"
            dot={false}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            yAxisId="paper"
            dataKey="p90"
            name="90th percentile per paper"
            stroke="var(--series-2)"
            dot={false}
            strokeWidth={1.5}
            strokeDasharray="4 3"
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

type TooltipProps = {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: UpvoteChartPoint }>;
  period: Period;
};

function PeriodTooltip({ active, payload, period }: TooltipProps) {
  const point = payload?.[0]?.payload;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-title">{formatPeriod(point.date, period)}</div>
      <div>
        <strong>{formatInteger(point.upvotes)}</strong> upvotes over {formatInteger(point.papers)}{" "}
        {point.papers === 1 ? "paper" : "papers"}
      </div>
      {point.median !== null && point.p90 !== null ? (
        <div>
          median {formatStat(point.median)}, p90 {formatStat(point.p90)}
        </div>
      ) : null}
    </div>
  );
}
