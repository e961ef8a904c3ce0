/** Time units and listing dates of the synthetic archive. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The `count` weekdays ending at `end` (included when it is a weekday), oldest first. */
export function weekdaysEndingAt(end: string, count: number): string[] {
  const days: string[] = [];
  let time = Date.parse(`${end}T00:00:00Z`);
  while (days.length < count) {
    const weekday = new Date(time).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(new Date(time).toISOString().slice(0, 10));
    time -= DAY;
  }
  return days.reverse();
}
