// Shared shaping and formatting of chart data: pure, so it is unit-tested and safe on server and client. Every
// chart component takes its data already shaped by these helpers and its labels from here.

import { formatDay, formatInteger } from "./format";

export type Period = "day" | "week" | "month";

const dayMs = 86_400_000;

/** Series colours, defined per theme in globals.css: `var(--series-0)` … `var(--series-9)`, then `--series-other`. */
export const seriesCount = 10;
export function seriesColor(index: number): string {
  return `var(--series-${index % seriesCount})`;
}
export const otherColor = "var(--series-other)";

/** The start of the period after `date` (YYYY-MM-DD): the next day, the next Monday's week, the next month. */
export function nextPeriod(date: string, period: Period): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (period === "day") return new Date(t + dayMs).toISOString().slice(0, 10);
  if (period === "week") return new Date(t + 7 * dayMs).toISOString().slice(0, 10);
  const d = new Date(t);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

/**
 * Adds the missing periods between the first and last row as `empty(date)`, so that bars are evenly spaced in
 * time. Rows must be sorted and start on period boundaries (as the loaders return them).
 */
export function fillPeriods<T extends { date: string }>(
  rows: T[],
  period: Period,
  empty: (date: string) => T,
): T[] {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return [];
  const byDate = new Map(rows.map((row) => [row.date, row]));
  const filled: T[] = [];
  // Bounded: at most one entry per day between two real dates.
  for (let date = first.date; date <= last.date; date = nextPeriod(date, period)) {
    filled.push(byDate.get(date) ?? empty(date));
  }
  return filled;
}

/** Adds the missing days (weekends, days without matching papers) as zeros. */
export function fillMissingDays<T extends { date: string }>(rows: T[], empty: (date: string) => T): T[] {
  return fillPeriods(rows, "day", empty);
}

/**
 * Axis ticks for a run of consecutive days or weeks: month starts (every n-th month so that at most `maxTicks`
 * show) when the run spans more than two months, else undefined to let the chart place ticks itself.
 */
export function monthTicks(dates: string[], maxTicks = 12): string[] | undefined {
  // The first entry of each month after the first (its 1st for days, the first week starting in it for weeks),
  // and the very first entry when it is a month's 1st.
  const starts = dates.filter((date, index) =>
    index === 0 ? date.endsWith("-01") : date.slice(0, 7) !== dates[index - 1]?.slice(0, 7),
  );
  if (starts.length < 2) return undefined;
  const step = Math.ceil(starts.length / maxTicks);
  return starts.filter((_, index) => index % step === 0);
}

const monthYear = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const shortDate = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** A period as a reader says it: "Jul 31, 2026", "week of Jul 27, 2026", "Jul 2026". */
export function formatPeriod(date: string, period: Period): string {
  if (period === "month") return monthYear.format(new Date(`${date}T00:00:00Z`));
  if (period === "week") return `week of ${formatDay(date)}`;
  return formatDay(date);
}

/** Axis tick for a period; month starts on a long axis read "Jul 2026". */
export function formatPeriodTick(date: string, period: Period, monthly: boolean): string {
  const d = new Date(`${date}T00:00:00Z`);
  return period === "month" || monthly ? monthYear.format(d) : shortDate.format(d);
}

/** "1.5 h", "2 d 3 h": hours since first seen, for the curve axis and the time-to-share figures. */
export function formatHours(hours: number): string {
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  const days = Math.floor(hours / 24);
  const rest = Math.round(hours - days * 24);
  return rest === 0 ? `${days} d` : `${days} d ${rest} h`;
}

export function formatShare(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}

/** Upvote medians and percentiles can be fractional: one decimal, none when whole. */
export function formatStat(value: number): string {
  return Number.isInteger(value) ? formatInteger(value) : (Math.round(value * 10) / 10).toFixed(1);
}

/**
 * Long rows (period, series key, value) into one object per period with a numeric field per series, as stacked
 * charts need. Series are addressed by index (`s0`, `s1`, …) rather than by name: names are scraped text, and
 * Recharts reads a dotted dataKey as a path.
 */
export function pivotSeries<R>(
  rows: R[],
  keyOf: (row: R) => string | null,
  periodOf: (row: R) => string,
  amountOf: (row: R) => number,
  keys: (string | null)[],
): { date: string; [series: string]: number | string }[] {
  const index = new Map(keys.map((key, i) => [key, i]));
  const byPeriod = new Map<string, { date: string; [series: string]: number | string }>();
  for (const row of rows) {
    const date = periodOf(row);
    let entry = byPeriod.get(date);
    if (!entry) {
      entry = { date };
      keys.forEach((_, i) => {
        if (entry) entry[`s${i}`] = 0;
      });
      byPeriod.set(date, entry);
    }
    const i = index.get(keyOf(row));
    if (i !== undefined) entry[`s${i}`] = (Number(entry[`s${i}`]) || 0) + amountOf(row);
  }
  return [...byPeriod.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** One period of a stacked chart: its date and a value per series key. */
export type StackRow = { date: string; [series: string]: number | string };

/** `key` is the field in each row (`s0`, `s1`, …): series names are scraped text, never used as keys. */
export type StackSeries = { key: string; label: string; other?: boolean };
