"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPeriod, formatPeriodTick, monthTicks, type Period } from "@/lib/chart";
import { formatCompact, formatInteger } from "@/lib/format";

export type PapersPoint = { date: string; papers: number };

type Props = { data: PapersPoint[]; period: Period };

const periodAxis = { day: "Daily date", week: "Week (starting Monday)", month: "Month" } as const;

/** Papers featured per day, week or month. */
export function PapersChart({ data, period }: Props) {
  const ticks = period === "month" ? undefined : monthTicks(data.map((d) => d.date));
  return (
    <div className="chart" data-chart="papers">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }} barCategoryGap="15%">
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
            tickFormatter={formatCompact}
            width={56}
            tickLine={false}
            axisLine={false}
            allowDecimals={false}
            label={{ value: "Papers", angle: -90, position: "insideLeft", offset: 0 }}
          />
          <Tooltip
            cursor={{ className: "chart-cursor" }}
            isAnimationActive={false}
            labelFormatter={(date) => formatPeriod(String(date), period)}
            formatter={(value) => [formatInteger(Number(value)), "Papers"]}
          />
          <Bar
            dataKey="papers"
            name="Papers"
            fill="var(--series-3)"
            isAnimationActive={false}
            radius={[2, 2, 0, 0]}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
