"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPeriod, formatPeriodTick, formatShare, monthTicks, seriesColor } from "@/lib/chart";
import type { StackRow, StackSeries } from "./org-activity-chart";

type Props = { data: StackRow[]; series: StackSeries[]; period: "week" | "month" };

/** Share of papers per topic per period, one line per topic (a paper may have several topics). */
export function TopicShareChart({ data, series, period }: Props) {
  const ticks = period === "week" ? monthTicks(data.map((d) => d.date)) : undefined;
  return (
    <div className="chart" data-chart="topic-shares">
      <ResponsiveContainer width="100%" height={360}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
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
            tickFormatter={(value: number) => formatShare(value)}
            width={56}
            tickLine={false}
            axisLine={false}
            label={{ value: "Share of papers", angle: -90, position: "insideLeft", offset: 0 }}
          />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(date) => formatPeriod(String(date), period)}
            formatter={(value, name) => [formatShare(Number(value)), String(name)]}
            itemSorter={(item) => -Number(item.value ?? 0)}
          />
          <Legend verticalAlign="top" height={48} itemSorter={null} />
          {series.map((s, i) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stroke={seriesColor(i)}
              strokeWidth={2}
              dot={data.length <= 2}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
