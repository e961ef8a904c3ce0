import { nextPeriod, type Period } from "./chart";
import { addDays } from "./days";

/** Papers keep gaining upvotes for about two weeks after they are featured; younger days are not final yet. */
export const risingDays = 14;

/** The first daily date still rising: the last `risingDays` days up to the newest stored day. */
export function stillRisingFrom(newestDay: string): string {
  return addDays(newestDay, -(risingDays - 1));
}

/** Whether the period starting on `start` holds a day still rising. */
export function holdsRisingDay(start: string, period: Period, risingFrom: string): boolean {
  return nextPeriod(start, period) > risingFrom;
}
