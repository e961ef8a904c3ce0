"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPeriod, formatPeriodTick, monthTicks, otherColor, seriesColor } from "@/lib/chart";
import { formatCompact, formatInteger } from "@/lib/format";

export type StackRow = { date: string; [series: string]: number | string };

/** `key` is the field in each row (`s0`, `s1`, …): series names are scraped text, never used as keys. */
export type StackSeries = { key: string; label: string; other?: boolean };

type Props = { data: StackRow[]; series: StackSeries[]; period: "week" | "month" };

/** Papers per week or month, stacked by organisation (the top ones, then everyone else). */
export function OrgActivityChart({ data, series, period }: Props) {
  const ticks = period === "week" ? monthTicks(data.map((d) => d.date)) : undefined;
  let colour = 0;
  return (
    <div className="chart" data-chart="org-activity">
      <ResponsiveContainer width="100%" height={340}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }} barCategoryGap="10%">
          <CartesianGrid vertical={false} />
          <XAxis
            dataKey="date"
            ticks={ticks}
            interval={ticks ? 0 : "preserveStartEnd"}
            tickFormatter={(date: string) => formatPeriodTick(date, period, ticks !== undefined)}
            minTickGap={24}
            tickLine={false}
            label={{
              value: period === "week" ? "Week (starting Monday)" : "Month",
              position: "insideBottom",
              offset: -16,
            }}
          />
          <YAxis
            tickFormatter={formatCompact}
            width={56}
            tickLine={false}
            axisLine={false}
            allowDecimals={false}
            label={{ value: "Papers", angle: -90, position: "insideLeft", offset: 0 }}
          />
          <Tooltip
            isAnimationActive={false}
            cursor={{ className: "chart-cursor" }}
            labelFormatter={(date) => formatPeriod(String(date), period)}
            formatter={(value, name) => [formatInteger(Number(value)), String(name)]}
          />
          <Legend verticalAlign="top" height={48} itemSorter={null} />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="papers"
              fill={s.other ? otherColor : seriesColor(colour++)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
