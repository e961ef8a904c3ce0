import type { DayCoverage } from "@paperpulse/db";

/** Daily Papers began on this day: nothing to fetch before it. */
export const FIRST_DAILY_PAPERS_DATE = "2023-05-05";

/** Upvotes settle over about two weeks: a capture taken this long after its day is final. */
export const SETTLE_MS = 14 * 86_400_000;

export type DayStatus = "settled" | "captured" | "no-papers" | "failed" | "missing";

/** What the stored runs say about one day. "captured" means captured, but before its upvotes settled. */
export function classifyDay(day: DayCoverage): DayStatus {
  if (day.okPages === 0) return day.failedPages > 0 ? "failed" : "missing";
  const settledAt = Date.parse(`${day.date}T00:00:00Z`) + SETTLE_MS;
  if (day.lastCapturedAt && day.lastCapturedAt.getTime() >= settledAt) return "settled";
  return day.items === 0 ? "no-papers" : "captured";
}

/**
 * The days a backfill fetches: all of them with `force`, else those not captured after they settled — so an
 * interrupted backfill resumes where it stopped, and recent days are fetched again until their counts are final.
 */
export function planBackfill(coverage: DayCoverage[], force: boolean): string[] {
  return coverage.filter((day) => force || classifyDay(day) !== "settled").map((day) => day.date);
}
