"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip } from "recharts";
import { formatPeriod, otherColor, type StackRow, type StackSeries, seriesColor } from "@/lib/chart";
import { formatInteger } from "@/lib/format";
import { periodXAxis, valueYAxis } from "./chart-axes";

type Props = { data: StackRow[]; series: StackSeries[]; period: "week" | "month" };

/** Papers per week or month, stacked by organisation (the top ones, then everyone else). */
export function OrgActivityChart({ data, series, period }: Props) {
  let colour = 0;
  return (
    <div className="chart" data-chart="org-activity">
      <ResponsiveContainer width="100%" height={340}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }} barCategoryGap="10%">
          <CartesianGrid vertical={false} />
          {periodXAxis(
            data.map((d) => d.date),
            period,
          )}
          {valueYAxis({ label: "Papers", integers: true })}
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
