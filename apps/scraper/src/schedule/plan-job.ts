import { planListings } from "../sources/plan-listings.ts";
import { isoWeekOf, type Target } from "../sources/targets.ts";
import type { JobName, ScheduleConfig } from "./schedule-config.ts";

const DAY_MS = 86_400_000;

function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** What a scheduled job fetches when it fires at `now`. */
export function planJob(name: JobName, config: ScheduleConfig, now: Date): Target[] {
  if (name === "trending") return [{ kind: "trending" }];
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (name === "refresh") {
    // Today first: it is the listing that changes most; then back through the days whose upvotes still move.
    const days = Array.from({ length: config.refreshDays + 1 }, (_, i) => dayOf(today - i * DAY_MS));
    // Through the API, whole weeks where they take fewer requests than their days, the current one first.
    if (config.source === "api") return planListings(days).reverse();
    return days.map((value) => ({ kind: "date", value }));
  }
  const yesterday = today - DAY_MS;
  return [
    { kind: "date", value: dayOf(yesterday) },
    { kind: "week", value: isoWeekOf(new Date(yesterday)) },
    { kind: "month", value: dayOf(yesterday).slice(0, 7) },
  ];
}
