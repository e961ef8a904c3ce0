"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip } from "recharts";
import type { StackRow, StackSeries } from "@/lib/chart";
import { formatPeriod, formatShare, seriesColor } from "@/lib/chart";
import { periodXAxis, valueYAxis } from "./chart-axes";

type Props = { data: StackRow[]; series: StackSeries[]; period: "week" | "month" };

/** Share of papers per topic per period, one line per topic (a paper may have several topics). */
export function TopicShareChart({ data, series, period }: Props) {
  return (
    <div className="chart" data-chart="topic-shares">
      <ResponsiveContainer width="100%" height={360}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid vertical={false} />
          {periodXAxis(
            data.map((d) => d.date),
            period,
          )}
          {valueYAxis({ label: "Share of papers", format: formatShare })}
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
