import type { CurvePoint, MedianPoint } from "@paperpulse/db";
import type { CurveRow } from "@/components/paper-curve-chart";

/**
 * One row per x position (hours) holding this paper's value and/or the day's median there, for a chart drawing both
 * as lines over the same numeric axis.
 */
export function mergeCurves(
  points: CurvePoint[],
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
