import type { Filters } from "./filters.ts";
import type { Granularity } from "./granularity.ts";

/**
 * How a date range splits into whole weeks or months, whose figures are precomputed, and the days at its edges
 * that fall in a period the range only partly covers, whose figures must be computed from those days' papers.
 */
export type PeriodSplit = {
  /** First days of the first and last whole period inside the range (null: none; an open end is unbounded). */
  whole: { from?: string; to?: string } | null;
  /** Day ranges (both ends included) in partly covered periods. */
  edges: { from: string; to: string }[];
};

export function splitPeriods(
  filters: Pick<Filters, "from" | "to">,
  granularity: Exclude<Granularity, "day">,
): PeriodSplit {
  const { from, to } = filters;
  if (from && to && from > to) return { whole: null, edges: [] };
  const fromStart = from ? periodStart(from, granularity) : null;
  const toStart = to ? periodStart(to, granularity) : null;
  if (from && to && fromStart === toStart) {
    const covered = from === fromStart && to === lastDay(fromStart, granularity);
    return covered
      ? { whole: { from: fromStart, to: fromStart }, edges: [] }
      : { whole: null, edges: [{ from, to }] };
  }
  const edges: { from: string; to: string }[] = [];
  let wholeFrom: string | undefined;
  let wholeTo: string | undefined;
  if (from && fromStart) {
    if (from === fromStart) wholeFrom = fromStart;
    else {
      edges.push({ from, to: lastDay(fromStart, granularity) });
      wholeFrom = shiftPeriod(fromStart, granularity, 1);
    }
  }
  if (to && toStart) {
    if (to === lastDay(toStart, granularity)) wholeTo = toStart;
    else {
      edges.push({ from: toStart, to });
      wholeTo = shiftPeriod(toStart, granularity, -1);
    }
  }
  if (wholeFrom !== undefined && wholeTo !== undefined && wholeFrom > wholeTo) return { whole: null, edges };
  return {
    whole: {
      ...(wholeFrom === undefined ? {} : { from: wholeFrom }),
      ...(wholeTo === undefined ? {} : { to: wholeTo }),
    },
    edges,
  };
}

/** The first day of the ISO week (Monday) or month holding `day`, YYYY-MM-DD. */
export function periodStart(day: string, granularity: Exclude<Granularity, "day">): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (granularity === "month") return `${day.slice(0, 7)}-01`;
  const weekday = (date.getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

function lastDay(start: string, granularity: Exclude<Granularity, "day">): string {
  return addDays(shiftPeriod(start, granularity, 1), -1);
}

/** The first day after the period starting on `start`. */
export function periodEnd(start: string, granularity: Exclude<Granularity, "day">): string {
  return shiftPeriod(start, granularity, 1);
}

function shiftPeriod(start: string, granularity: Exclude<Granularity, "day">, by: number): string {
  if (granularity === "week") return addDays(start, 7 * by);
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + by);
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, delta: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + delta);
  return date.toISOString().slice(0, 10);
}
