"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis } from "recharts";
import { formatHours } from "@/lib/chart";
import { formatInteger } from "@/lib/format";
import { valueYAxis } from "./chart-axes";

/** One x position: this paper's value there (null between its captures) and the day's median (null likewise). */
export type CurveRow = { hours: number; paper: number | null; median: number | null };

type Props = { data: CurveRow[]; metric: "upvotes" | "comments" };

/** A paper's upvotes or comments over the hours since it was first seen, against its day's median curve. */
export function PaperCurveChart({ data, metric }: Props) {
  const name = metric === "upvotes" ? "Upvotes" : "Comments";
  return (
    <div className="chart" data-chart={`curve-${metric}`}>
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid vertical={false} />
          <XAxis
            dataKey="hours"
            type="number"
            domain={[0, "dataMax"]}
            tickFormatter={formatHours}
            tickLine={false}
            label={{ value: "Hours since first seen", position: "insideBottom", offset: -16 }}
          />
          {valueYAxis({ label: name, integers: true })}
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(hours) => `${formatHours(Number(hours))} after first seen`}
            formatter={(value, series) => [
              formatInteger(Math.round(Number(value) * 10) / 10),
              String(series),
            ]}
          />
          <Legend verticalAlign="top" height={28} itemSorter={null} />
          <Line
            dataKey="paper"
            name={`This paper's ${metric}`}
            stroke="var(--series-0)"
            strokeWidth={2}
            connectNulls
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
          <Line
            dataKey="median"
            name={`Median of the day's papers`}
            stroke="var(--series-other)"
            strokeDasharray="4 3"
            connectNulls
            dot={{ r: 2 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
