import type { CaptureGap, CurvePoint, MedianPoint, PaperCurves } from "@paperpulse/db";
import { formatHours } from "./chart";
import { formatDay } from "./format";

/**
 * One x position: this paper's value there and the day's median (each held from its last change; null where
 * unknown). `mark` says what happened to the paper there: its counts changed, a later capture confirmed them (drawn
 * as an open dot), or nobody captured it (the line breaks).
 */
export type CurveRow = {
  hours: number;
  paper: number | null;
  median: number | null;
  mark: "change" | "confirmed" | "gap" | null;
};

/**
 * One row per x position (hours since featured) holding this paper's value and the day's median there, for a chart
 * drawing both as lines over the same numeric axis. Values hold from one change until the next, so each line carries
 * its value across the other's positions; inside a stretch nobody captured the paper, its value is unknown: one row
 * there holds null, and the line breaks.
 */
export function mergeCurves(
  points: readonly Omit<CurvePoint, "rank">[],
  median: readonly MedianPoint[],
  metric: "upvotes" | "comments",
  gaps: readonly CaptureGap[] = [],
): CurveRow[] {
  const rows = new Map<number, CurveRow>();
  const at = (hours: number) => {
    let row = rows.get(hours);
    if (!row) {
      row = { hours, paper: null, median: null, mark: null };
      rows.set(hours, row);
    }
    return row;
  };
  for (const point of points) at(point.hours).mark = point.confirmed === true ? "confirmed" : "change";
  for (const point of median) at(point.hours);
  for (const gap of gaps) at((gap.fromHours + gap.toHours) / 2).mark = "gap";
  const sorted = [...rows.values()].sort((a, b) => a.hours - b.hours);
  const paperAt = carryForward(points.map((p) => [p.hours, p[metric]]));
  const medianAt = carryForward(median.map((p) => [p.hours, p[metric]]));
  for (const row of sorted) {
    row.paper = row.mark === "gap" ? null : paperAt(row.hours);
    row.median = medianAt(row.hours);
  }
  return sorted;
}

/** The value in effect at x: the last one at or before it, within the first and last x given (null outside). */
function carryForward(values: readonly [number, number][]): (hours: number) => number | null {
  const last = values.at(-1);
  return (hours) => {
    if (!last || hours > last[0]) return null;
    let found: number | null = null;
    for (const [x, value] of values) {
      if (x > hours) break;
      found = value;
    }
    return found;
  };
}

/**
 * Where Hugging Face listed the paper over time: its place at the first capture and at each change after it
 * (captures without a place, and repeats of the place before, are left out).
 */
export function rankChanges(
  points: readonly Pick<CurvePoint, "hours" | "rank">[],
): { hours: number; rank: number }[] {
  const changes: { hours: number; rank: number }[] = [];
  for (const point of points) {
    if (point.rank === null || point.rank === changes.at(-1)?.rank) continue;
    changes.push({ hours: point.hours, rank: point.rank });
  }
  return changes;
}

/**
 * "12 h", "by 30 h" when the first capture already held the share (it happened then or before), or why there is no
 * answer: too few captures to tell a pace, or no upvotes to reach.
 */
export function formatReach(curves: PaperCurves, which: "hoursTo50" | "hoursTo90"): string {
  if (!curves.enoughCaptures) return "not enough captures";
  const reach = curves[which];
  if (!reach) return "—";
  return reach.byFirstCapture ? `by ${formatHours(reach.hours)}` : formatHours(reach.hours);
}

/** What a paper's curve chart draws, for its description: points, open dot, gaps, the median's papers. */
export function describeCurve(
  curves: PaperCurves,
  metric: "upvotes" | "comments",
  dailyDate: string,
): string {
  const confirmed = curves.points.some((p) => p.confirmed)
    ? " and at the last capture that confirmed them (open dot)"
    : "";
  const gaps =
    curves.gaps.length > 0
      ? ` The line breaks where nobody captured the paper (${curves.gaps.length === 1 ? "one stretch" : `${curves.gaps.length} stretches`}, shaded).`
      : "";
  return `This paper's ${metric} at each change of its counts${confirmed}, by hours since it was featured (${formatDay(dailyDate)}, 00:00 UTC), against the median of the ${curves.dayPapers} papers featured that day. Values hold until the next change; ${curves.captures.count} captures saw it.${gaps}`;
}
