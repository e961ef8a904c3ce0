import { API_PAGE_SIZE, isoWeekOf, type Target } from "./targets.ts";

/** Papers a weekday brings when nothing better is known (recent months run at about fifty). */
export const DEFAULT_PAPERS_PER_DAY = 50;

/**
 * The API listings that fetch `days` in the fewest requests: a day listing costs one request, a week or month
 * listing one per 100 papers of its weekdays. A week is taken where it costs fewer requests than its days, then
 * a month where it costs fewer than its weeks and days: a backfill of whole months goes month by month, an hourly
 * refresh of the last two weeks week by week, a single failed day stays a day. Every day asked for is covered.
 */
export function planListings(days: readonly string[], papersPerDay = DEFAULT_PAPERS_PER_DAY): Target[] {
  const perDay = Math.max(1, papersPerDay);
  const cost = (weekdays: number) => Math.max(1, Math.ceil((weekdays * perDay) / API_PAGE_SIZE));
  const byMonth = new Map<string, Map<string, string[]>>();
  for (const day of [...new Set(days)].sort()) {
    const month = day.slice(0, 7);
    const week = isoWeekOf(new Date(`${day}T00:00:00Z`));
    const weeks = byMonth.get(month) ?? new Map<string, string[]>();
    weeks.set(week, [...(weeks.get(week) ?? []), day]);
    byMonth.set(month, weeks);
  }
  const targets: Target[] = [];
  for (const [month, weeks] of byMonth) {
    const inWeeks: Target[] = [];
    let weeksCost = 0;
    for (const [week, weekDays] of weeks) {
      // A week that reaches into the next month is planned with this month's days of it only: a month listing
      // of either month may take them instead.
      if (weekDays.length > cost(5)) {
        inWeeks.push({ kind: "week", value: week });
        weeksCost += cost(5);
      } else {
        inWeeks.push(...weekDays.map((value) => ({ kind: "date" as const, value })));
        weeksCost += weekDays.length;
      }
    }
    if (cost(weekdaysOfMonth(month)) < weeksCost) targets.push({ kind: "month", value: month });
    else targets.push(...inWeeks);
  }
  return dedupeTargets(targets);
}

function weekdaysOfMonth(month: string): number {
  const [year, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(year ?? 1970, m ?? 1, 0)).getUTCDate();
  let weekdays = 0;
  for (let d = 1; d <= last; d++) {
    const weekday = new Date(Date.UTC(year ?? 1970, (m ?? 1) - 1, d)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) weekdays++;
  }
  return weekdays;
}

/** A week split across two months is fetched once. */
function dedupeTargets(targets: Target[]): Target[] {
  const seen = new Set<string>();
  return targets.filter((target) => {
    const key = target.kind === "trending" ? "trending" : `${target.kind} ${target.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
