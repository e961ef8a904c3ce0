"use client";

import type { DailyUpvotes } from "@paperpulse/db";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { fillMissingDays, monthTicks } from "@/lib/chart";
import { formatCompact, formatDay, formatDayTick, formatInteger } from "@/lib/format";

type Props = { data: DailyUpvotes[] };

/** Upvotes per daily date: one bar per calendar day (zero when none), the day's paper count in the tooltip. */
export function UpvotesChart({ data }: Props) {
  const days = fillMissingDays(data, (date) => ({ date, upvotes: 0, papers: 0 }));
  const ticks = monthTicks(days.map((day) => day.date));
  const first = days[0]?.date ?? "";
  const last = days.at(-1)?.date ?? "";
  return (
    <div className="chart" role="img" aria-label={`Upvotes per day from ${first} to ${last}`}>
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap="15%">
          <CartesianGrid vertical={false} />
          <XAxis
            dataKey="date"
            ticks={ticks}
            interval={ticks ? 0 : "preserveStartEnd"}
            tickFormatter={(day: string) => formatDayTick(day, ticks !== undefined)}
            minTickGap={24}
            tickLine={false}
          />
          <YAxis tickFormatter={formatCompact} width={48} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={{ className: "chart-cursor" }}
            content={<DayTooltip />}
            isAnimationActive={false}
          />
          <Bar dataKey="upvotes" name="Upvotes" isAnimationActive={false} radius={[2, 2, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

type TooltipProps = { active?: boolean; payload?: ReadonlyArray<{ payload?: DailyUpvotes }> };

function DayTooltip({ active, payload }: TooltipProps) {
  const day = payload?.[0]?.payload;
  if (!active || !day) return null;
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-title">{formatDay(day.date)}</div>
      <div>
        <strong>{formatInteger(day.upvotes)}</strong> upvotes
      </div>
      <div>
        {formatInteger(day.papers)} {day.papers === 1 ? "paper" : "papers"}
      </div>
    </div>
  );
}
