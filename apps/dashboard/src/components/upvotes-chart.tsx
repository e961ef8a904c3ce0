"use client";

import type { UpvotePoint } from "@paperpulse/db";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatPeriod, formatPeriodTick, formatStat, monthTicks, type Period } from "@/lib/chart";
import { formatCompact, formatInteger } from "@/lib/format";

/** A period of the chart; median and p90 are null for a period without papers (a gap, not a zero). */
export type UpvoteChartPoint = Omit<UpvotePoint, "median" | "p90"> & {
  median: number | null;
  p90: number | null;
};

type Props = { data: UpvoteChartPoint[]; period: Period };

const periodAxis = { day: "Daily date", week: "Week (starting Monday)", month: "Month" } as const;

/** Total upvotes per period as bars (left axis), the median and 90th percentile per paper as lines (right axis). */
export function UpvotesChart({ data, period }: Props) {
  const ticks = period === "month" ? undefined : monthTicks(data.map((d) => d.date));
  return (
    <div className="chart" data-chart="upvotes">
      <ResponsiveContainer width="100%" height={320}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }} barCategoryGap="15%">
          <CartesianGrid vertical={false} />
          <XAxis
            dataKey="date"
            ticks={ticks}
            interval={ticks ? 0 : "preserveStartEnd"}
            tickFormatter={(date: string) => formatPeriodTick(date, period, ticks !== undefined)}
            minTickGap={24}
            tickLine={false}
            label={{ value: periodAxis[period], position: "insideBottom", offset: -16 }}
          />
          <YAxis
            yAxisId="total"
            tickFormatter={formatCompact}
            width={56}
            tickLine={false}
            axisLine={false}
            label={{ value: "Total upvotes", angle: -90, position: "insideLeft", offset: 0 }}
          />
          <YAxis
            yAxisId="paper"
            orientation="right"
            tickFormatter={formatCompact}
            width={56}
            tickLine={false}
            axisLine={false}
            label={{ value: "Upvotes per paper", angle: 90, position: "insideRight", offset: 0 }}
          />
          <Tooltip
            cursor={{ className: "chart-cursor" }}
            content={<PeriodTooltip period={period} />}
            isAnimationActive={false}
          />
          <Legend verticalAlign="top" height={28} itemSorter={null} />
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
