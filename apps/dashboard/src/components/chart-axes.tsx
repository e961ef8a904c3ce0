import { XAxis, YAxis } from "recharts";
import { formatPeriodTick, monthTicks, type Period } from "@/lib/chart";
import { formatCompact } from "@/lib/format";

const periodAxisLabel = { day: "Daily date", week: "Week (starting Monday)", month: "Month" } as const;

// Plain functions returning the axis elements, not components: Recharts finds its axes by element type.

/** The time axis of a per-period chart: one tick per month for daily and weekly data, labelled by period. */
export function periodXAxis(dates: string[], period: Period) {
  const ticks = period === "month" ? undefined : monthTicks(dates);
  return (
    <XAxis
      dataKey="date"
      ticks={ticks}
      interval={ticks ? 0 : "preserveStartEnd"}
      tickFormatter={(date: string) => formatPeriodTick(date, period, ticks !== undefined)}
      minTickGap={24}
      tickLine={false}
      label={{ value: periodAxisLabel[period], position: "insideBottom", offset: -16 }}
    />
  );
}

type ValueAxisOptions = {
  label: string;
  id?: string;
  side?: "left" | "right";
  format?: (value: number) => string;
  /** Counts of things (papers, upvotes) get whole-number ticks; rates and medians do not. */
  integers?: boolean;
};

/** A value axis without a line, compact tick labels and its label written along it. */
export function valueYAxis({
  label,
  id,
  side = "left",
  format = formatCompact,
  integers = false,
}: ValueAxisOptions) {
  return (
    <YAxis
      {...(id ? { yAxisId: id } : {})}
      orientation={side}
      tickFormatter={format}
      width={56}
      tickLine={false}
      axisLine={false}
      allowDecimals={!integers}
      label={
        side === "left"
          ? { value: label, angle: -90, position: "insideLeft", offset: 0 }
          : { value: label, angle: 90, position: "insideRight", offset: 0 }
      }
    />
  );
}
