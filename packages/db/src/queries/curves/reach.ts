/** What reach reads of a curve point: hours since featured and the upvotes then. */
type CurveSample = { hours: number; upvotes: number };

/** When a paper reached a share of its latest upvotes. */
export type Reach = {
  /** Hours since the paper was featured. */
  hours: number;
  /** Reached already at the first capture: it happened by then, when exactly is unknown. */
  byFirstCapture: boolean;
};

/** Fewer captures than this, or spanning less than a day, tell nothing about how fast a paper gained its upvotes. */
export const minCapturesForReach = 3;
export const minSpanHoursForReach = 24;

/** Whether the captures are enough to say when a paper reached half or most of its upvotes. */
export function hasEnoughCaptures(times: readonly Date[]): boolean {
  const first = times[0];
  const last = times.at(-1);
  if (!first || !last || times.length < minCapturesForReach) return false;
  return last.getTime() - first.getTime() >= minSpanHoursForReach * 3_600_000;
}

/**
 * Hours until the curve first reached `share` of its last value; null without points or when the last value is 0
 * (nothing to reach). The first capture counts: a paper first seen with all its upvotes reached them at hour 0.
 */
export function hoursToShare(points: readonly CurveSample[], share: number): number | null {
  const last = points.at(-1);
  if (!last || last.upvotes <= 0) return null;
  const target = share * last.upvotes;
  return points.find((point) => point.upvotes >= target)?.hours ?? null;
}

/** `hoursToShare`, saying whether the first capture already held that share (then it is an upper bound). */
export function reachOf(points: readonly CurveSample[], share: number): Reach | null {
  const hours = hoursToShare(points, share);
  if (hours === null) return null;
  return { hours, byFirstCapture: hours === points[0]?.hours };
}
