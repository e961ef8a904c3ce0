import type { CurvePoint, MedianPoint } from "@paperpulse/db";
import type { CurveRow } from "@/components/paper-curve-chart";

/**
 * One row per x position (hours) holding this paper's value and/or the day's median there, for a chart drawing both
 * as lines over the same numeric axis.
 */
export function mergeCurves(
  points: readonly Omit<CurvePoint, "rank">[],
  median: MedianPoint[],
  metric: "upvotes" | "comments",
): CurveRow[] {
  const rows = new Map<number, CurveRow>();
  const at = (hours: number) => {
    let row = rows.get(hours);
    if (!row) {
      row = { hours, paper: null, median: null, confirmed: false };
      rows.set(hours, row);
    }
    return row;
  };
  for (const point of points) {
    const row = at(point.hours);
    row.paper = point[metric];
    row.confirmed = point.confirmed === true;
  }
  for (const point of median) at(point.hours).median = point[metric];
  return [...rows.values()].sort((a, b) => a.hours - b.hours);
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
