"use client";

import type { CaptureGap } from "@paperpulse/db";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
} from "recharts";
import { formatHours } from "@/lib/chart";
import type { CurveRow } from "@/lib/curves";
import { formatInteger } from "@/lib/format";
import { valueYAxis } from "./chart-axes";

type DotProps = { cx?: number; cy?: number; payload?: CurveRow; index?: number };

/** A filled dot where the values changed, an open one where a later capture confirmed them, none elsewhere. */
function PaperDot({ cx, cy, payload, index }: DotProps) {
  if (cx === undefined || cy === undefined || payload?.paper === null) return <g key={index} />;
  if (payload?.mark === "confirmed") {
    return (
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
    );
  }
  if (payload?.mark !== "change") return <g key={index} />;
  return <circle key={index} cx={cx} cy={cy} r={3} fill="var(--series-0)" stroke="var(--series-0)" />;
}

type Props = { data: CurveRow[]; metric: "upvotes" | "comments"; gaps: readonly CaptureGap[] };

/**
 * A paper's upvotes or comments over the hours since it was featured, against its day's median curve; breaks where
 * nobody captured it.
 */
export function PaperCurveChart({ data, metric, gaps }: Props) {
  const name = metric === "upvotes" ? "Upvotes" : "Comments";
  return (
    <div className="chart" data-chart={`curve-${metric}`}>
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid vertical={false} />
          <XAxis
            dataKey="hours"
            type="number"
            // A capture can precede the start of the daily date (a listing seen the evening before, UTC).
            domain={[(min: number) => Math.min(0, min), "dataMax"]}
            tickFormatter={formatHours}
            tickLine={false}
            label={{ value: "Hours since featured", position: "insideBottom", offset: -16 }}
          />
          {valueYAxis({ label: name, integers: true })}
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(hours) => `${formatHours(Number(hours))} after featured`}
            formatter={(value, series) => [
              formatInteger(Math.round(Number(value) * 10) / 10),
              String(series),
            ]}
          />
          <Legend verticalAlign="top" height={28} itemSorter={null} />
          {gaps.map((gap) => (
            <ReferenceArea
              key={gap.fromHours}
              x1={gap.fromHours}
              x2={gap.toHours}
              className="capture-gap"
              fill="var(--muted-fill, currentColor)"
              fillOpacity={0.08}
              label={{ value: "no captures", position: "insideTop", className: "capture-gap-label" }}
            />
          ))}
          {/* Steps, not slopes: a value holds from one snapshot until the next change. */}
          <Line
            type="stepAfter"
            dataKey="paper"
            name={`This paper's ${metric}`}
            stroke="var(--series-0)"
            strokeWidth={2}
            connectNulls={false}
            dot={PaperDot}
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
            dataKey="median"
            name={`Median of the day's papers`}
            stroke="var(--series-other)"
            strokeDasharray="4 3"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
