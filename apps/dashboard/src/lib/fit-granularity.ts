import type { Period } from "./chart";

/**
 * The most periods one chart draws. Each period costs a bar, table rows and their data in the page (about 1.2 KB):
 * 187 weeks since May 2023 made a 283 KB overview; 120 keeps any range under 250 KB (a daily chart of five
 * years would be 1,800 points and megabytes of HTML, and unreadable besides).
 */
export const maxChartPoints = 120;

const coarser: Record<Period, Period | null> = { day: "week", week: "month", month: null };

export type FittedGranularity = {
  granularity: Period;
  /** The requested granularity had too many periods: a coarser one is drawn. */
  coarsened: boolean;
  /** Periods the requested granularity would have drawn. */
  requestedPoints: number;
};

/**
 * The requested granularity, or the first coarser one whose periods between `first` and `last` (YYYY-MM-DD, the
 * days the view covers) fit in `max`. Months always fit: a century is 1,200 of them, and nobody has that history.
 */
export function fitGranularity(
  requested: Period,
  span: { first: string; last: string } | null,
  max = maxChartPoints,
): FittedGranularity {
  if (!span) return { granularity: requested, coarsened: false, requestedPoints: 0 };
  const requestedPoints = countPeriods(span.first, span.last, requested);
  let granularity = requested;
  for (let next = coarser[granularity]; next && countPeriods(span.first, span.last, granularity) > max; ) {
    granularity = next;
    next = coarser[granularity];
  }
  return { granularity, coarsened: granularity !== requested, requestedPoints };
}

/** How many days, ISO weeks or months hold a day from `first` to `last` (both included); 0 when first > last. */
export function countPeriods(first: string, last: string, period: Period): number {
  if (first > last) return 0;
  const day = 86_400_000;
  const a = Date.parse(`${first}T00:00:00Z`);
  const b = Date.parse(`${last}T00:00:00Z`);
  if (period === "day") return Math.round((b - a) / day) + 1;
  if (period === "week") {
    const monday = (t: number) => t - ((new Date(t).getUTCDay() + 6) % 7) * day;
    return Math.round((monday(b) - monday(a)) / (7 * day)) + 1;
  }
  const months = (t: number) => new Date(t).getUTCFullYear() * 12 + new Date(t).getUTCMonth();
  return months(b) - months(a) + 1;
}
