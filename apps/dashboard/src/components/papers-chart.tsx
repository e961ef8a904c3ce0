"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip } from "recharts";
import { formatPeriod, type Period } from "@/lib/chart";
import { formatInteger } from "@/lib/format";
import { periodXAxis, valueYAxis } from "./chart-axes";

export type PapersPoint = { date: string; papers: number };

type Props = { data: PapersPoint[]; period: Period };

/** Papers featured per day, week or month. */
export function PapersChart({ data, period }: Props) {
  return (
    <div className="chart" data-chart="papers">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }} barCategoryGap="15%">
          <CartesianGrid vertical={false} />
          {periodXAxis(
            data.map((d) => d.date),
            period,
          )}
          {valueYAxis({ label: "Papers", integers: true })}
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
