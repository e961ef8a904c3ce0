import { addDays } from "./days";

/** A one-click date range: the `from` it sets (and no `to`); none for every day. */
export type QuickRange = { key: string; label: string; from: string | undefined };

/**
 * The quick ranges every view offers, ending at the newest daily date stored rather than the clock: an archive or
 * a database whose scraping paused still shows its last week as "7 days", and the links say which dates they are.
 */
export function quickRanges(newestDay: string): QuickRange[] {
  return [
    { key: "day", label: "Latest day", from: newestDay },
    { key: "7d", label: "7 days", from: addDays(newestDay, -6) },
    { key: "30d", label: "30 days", from: addDays(newestDay, -29) },
    { key: "year", label: "This year", from: `${newestDay.slice(0, 4)}-01-01` },
    { key: "all", label: "All time", from: undefined },
  ];
}

/** The quick range the filters are on, if any: a `to` of its own is not one. */
export function currentQuickRange(
  ranges: readonly QuickRange[],
  filters: { from?: string | undefined; to?: string | undefined },
): QuickRange | undefined {
  if (filters.to) return undefined;
  return ranges.find((range) => range.from === filters.from);
}
