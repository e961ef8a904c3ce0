// Shared shaping of time series for the charts: pure, so it is unit-tested and safe on server and client.

const dayMs = 86_400_000;

/** Adds the missing days (weekends, days without matching papers) as zeros, so bars are evenly spaced in time. */
export function fillMissingDays<T extends { date: string }>(rows: T[], empty: (date: string) => T): T[] {
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return [];
  const byDate = new Map(rows.map((row) => [row.date, row]));
  const filled: T[] = [];
  for (let t = Date.parse(`${first.date}T00:00:00Z`); t <= Date.parse(`${last.date}T00:00:00Z`); t += dayMs) {
    const date = new Date(t).toISOString().slice(0, 10);
    filled.push(byDate.get(date) ?? empty(date));
  }
  return filled;
}

/**
 * Axis ticks for a run of consecutive days: month starts (every n-th month so that at most `maxTicks` show) when
 * the run spans more than two months, else undefined to let the chart place day ticks itself.
 */
export function monthTicks(days: string[], maxTicks = 12): string[] | undefined {
  const starts = days.filter((day) => day.endsWith("-01"));
  if (starts.length < 2) return undefined;
  const step = Math.ceil(starts.length / maxTicks);
  return starts.filter((_, index) => index % step === 0);
}
