"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis } from "recharts";
import { formatHours } from "@/lib/chart";
import { formatInteger } from "@/lib/format";
import { valueYAxis } from "./chart-axes";

/**
 * One x position: this paper's value there (null between its snapshots) and the day's median (null likewise);
 * `confirmed` marks the paper's last confirmed capture, drawn as an open dot.
 */
export type CurveRow = { hours: number; paper: number | null; median: number | null; confirmed: boolean };

type DotProps = { cx?: number; cy?: number; payload?: CurveRow; index?: number };

/** A filled dot where the values changed, an open one where a later capture confirmed them. */
function PaperDot({ cx, cy, payload, index }: DotProps) {
  if (cx === undefined || cy === undefined || payload?.paper === null) return <g key={index} />;
  return payload?.confirmed ? (
    <circle
      key={index}
      cx={cx}
      cy={cy}
      r={4}
      fill="var(--surface, #fff)"
      stroke="var(--series-0)"
      strokeWidth={2}
    >
      <title>Last confirmed capture</title>
    </circle>
  ) : (
    <circle key={index} cx={cx} cy={cy} r={3} fill="var(--series-0)" stroke="var(--series-0)" />
  );
}

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
          {/* Steps, not slopes: a value holds from one snapshot until the next change. */}
          <Line
            type="stepAfter"
            dataKey="paper"
            name={`This paper's ${metric}`}
            stroke="var(--series-0)"
            strokeWidth={2}
            connectNulls
            dot={PaperDot}
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
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
